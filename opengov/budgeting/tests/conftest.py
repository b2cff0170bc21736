"""The real `.pb` files are read from OPENGOV_DATA_DIR/pb (shared/data beside the project by
default) and never copied into the repository; parsed files are cached for the whole session."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from opengov.budgeting.counting import CountResult
from opengov.budgeting.pabulib import Election, read_pb_file

_DEFAULT_DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
PB_DIR = Path(os.environ.get("OPENGOV_DATA_DIR", str(_DEFAULT_DATA))) / "pb"
PB_FILES = sorted(path.stem for path in PB_DIR.glob("*.pb"))


@cache
def election(name: str) -> Election:
    """The parsed shared file ``name`` (without ``.pb``)."""
    return read_pb_file(PB_DIR / f"{name}.pb")


def summary(result: CountResult) -> tuple[int, int]:
    """(number of winners, total cost) — the form SOURCES.md records outcomes in."""
    assert result.total_cost.denominator == 1
    return len(result.winners), int(result.total_cost)
