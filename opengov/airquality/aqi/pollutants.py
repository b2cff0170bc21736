"""Pollutant codes as Air4Thai names them (spec §1.2), and normalisation of caller spellings."""

from __future__ import annotations

POLLUTANTS: tuple[str, ...] = ("PM25", "PM10", "O3", "CO", "NO2", "SO2")
"""The six pollutants of the Thai and US indices, in Air4Thai's spelling."""


def pollutant_code(name: str) -> str | None:
    """Air4Thai code for ``name`` (case-insensitive; ``"PM2.5"`` and ``" pm25 "`` accepted), else ``None``."""
    code = name.strip().upper().replace(".", "").replace("_", "")
    return code if code in POLLUTANTS else None
