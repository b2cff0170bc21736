"""Pabulib `.pb` reader: CRLF, LF or mixed line endings, BOM, every vote type, exact money.

Layout (spec §1.1): sections ``META``, ``PROJECTS``, ``VOTES`` in this order, each a title line,
a header line and ``;``-separated CSV rows. The whole text goes through one CSV reader, so quoted
names may hold ``;`` or line breaks. Errors name the line and the problem in English and Thai.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from opengov.budgeting.pabulib.errors import FormatWarning, PabulibFormatError
from opengov.budgeting.pabulib.model import Ballot, Election
from opengov.budgeting.pabulib.rows import (
    SectionRows,
    read_ballots,
    read_meta,
    read_projects,
)
from opengov.budgeting.pabulib.sanity import derived_data_warnings

SECTIONS = ("META", "PROJECTS", "VOTES")


def read_pb_file(path: str | Path) -> Election:
    """Read a `.pb` file from disk (see ``read_pb``)."""
    return read_pb(Path(path).read_bytes())


def read_pb(data: bytes | str) -> Election:
    """Parse the text of a `.pb` file into an ``Election``.

    Raises ``PabulibFormatError`` (line number + English/Thai message) when the file breaks the
    format; accepted oddities (duplicate ids in a ballot, ``votes`` column ≠ recount, comma
    decimals, ballots outside the META limits…) are listed in ``Election.warnings``.
    """
    text = _decode(data)
    sections = _split_sections(text)
    warnings: list[FormatWarning] = []
    meta = read_meta(sections["META"], warnings)
    projects, project_columns = read_projects(sections["PROJECTS"], warnings)
    ballots: tuple[Ballot, ...] = ()
    vote_columns: tuple[str, ...] = ()
    votes_section = sections.get("VOTES")
    if votes_section is not None:  # a round without finished ballots may have no VOTES section
        ballots, vote_columns = read_ballots(votes_section, meta, projects, warnings)
    election = Election(
        meta=meta,
        projects=projects,
        ballots=ballots,
        project_columns=project_columns,
        vote_columns=vote_columns,
    )
    warnings.extend(derived_data_warnings(election, sections))
    return Election(
        meta=meta,
        projects=projects,
        ballots=ballots,
        project_columns=project_columns,
        vote_columns=vote_columns,
        warnings=tuple(warnings),
    )


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PabulibFormatError(
            line,
            f"the file is not UTF-8 text (byte {error.start})",
            f"ไฟล์ไม่ใช่ข้อความ UTF-8 (ไบต์ที่ {error.start})",
        ) from error


def _numbered_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the line number where each row starts (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise PabulibFormatError(
                start,
                f"broken CSV quoting ({error})",
                f"เครื่องหมายคำพูดของ CSV ไม่ถูกต้อง ({error})",
            ) from error
        yield start, row


def _split_sections(text: str) -> dict[str, SectionRows]:
    sections: dict[str, SectionRows] = {}
    current: SectionRows | None = None
    for line, row in _numbered_rows(text):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # empty lines are allowed anywhere (spec §1.2)
        title = row[0].strip().upper() if len(row) == 1 else ""
        if title in SECTIONS:
            _check_section_order(sections, title, line)
            current = SectionRows(title=title, title_line=line)
            sections[title] = current
            continue
        if current is None:
            raise PabulibFormatError(
                line,
                "text before the META section title",
                "มีข้อความก่อนหัวข้อส่วน META",
            )
        if current.header is None:
            current.header = [cell.strip() for cell in row]
            current.header_line = line
            continue
        current.rows.append((line, row))
    for title in ("META", "PROJECTS"):
        if title not in sections:
            raise PabulibFormatError(
                None,
                f"the file has no {title} section",
                f"ไฟล์ไม่มีส่วน {title}",
            )
    for section in sections.values():
        if section.header is None:
            raise PabulibFormatError(
                section.title_line,
                f"the {section.title} section has no header line",
                f"ส่วน {section.title} ไม่มีบรรทัดหัวตาราง",
            )
    return sections


def _check_section_order(sections: dict[str, SectionRows], title: str, line: int) -> None:
    if title in sections:
        raise PabulibFormatError(
            line,
            f"second {title} section (one round per file)",
            f"มีส่วน {title} ซ้ำ (หนึ่งไฟล์ต่อหนึ่งรอบ)",
        )
    expected = SECTIONS[len(sections)] if len(sections) < len(SECTIONS) else None
    if title != expected:
        raise PabulibFormatError(
            line,
            f"section {title} is out of order (expected META, PROJECTS, VOTES)",
            f"ส่วน {title} อยู่ผิดลำดับ (ต้องเป็น META, PROJECTS, VOTES)",
        )
