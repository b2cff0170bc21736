"""Bilingual (English / Thai) errors and warnings of the Pabulib reader."""

from __future__ import annotations

from dataclasses import dataclass


class PabulibFormatError(ValueError):
    """A file that breaks the Pabulib format; names the line (1-based) and the problem."""

    def __init__(self, line: int | None, message_en: str, message_th: str) -> None:
        self.line = line
        self.message_en = message_en
        self.message_th = message_th
        super().__init__(_bilingual(line, message_en, message_th))


@dataclass(frozen=True)
class FormatWarning:
    """Something the reader accepted but a curator should look at (derived columns, limits…)."""

    line: int | None
    message_en: str
    message_th: str

    def __str__(self) -> str:
        return _bilingual(self.line, self.message_en, self.message_th)


def _bilingual(line: int | None, message_en: str, message_th: str) -> str:
    if line is None:
        return f"{message_en} / {message_th}"
    return f"line {line}: {message_en} / บรรทัด {line}: {message_th}"
