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


# --- Django fixtures: a process of agency A in its voting phase (now = 2026-12-05 noon, ICT) ---

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from decimal import Decimal  # noqa: E402

import pytest  # noqa: E402
import time_machine  # noqa: E402

NOW = datetime(2026, 12, 5, 5, 0, tzinfo=UTC)
PROJECTS = (("A", 40000), ("B", 30000), ("C", 50000), ("D", 20000))


@pytest.fixture
def frozen_now() -> Iterator[datetime]:
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def make_process(agency_a, officer_a) -> Callable[..., object]:
    from opengov.budgeting.models import Proposal, ProposalStatus
    from opengov.budgeting.services import area_create, process_create

    def make(style: str = "approval", slug: str = "saensuk-2027", **fields: object):
        defaults: dict[str, object] = {
            "slug": slug,
            "title_th": "งบประมาณแบบมีส่วนร่วม เทศบาลเมืองแสนสุข 2570",
            "title_en": "Saensuk participatory budget 2027",
            "total_budget": Decimal(100000),
            "ballot_style": style,
            "rule": "greedy",
            "proposals_open_at": datetime(2026, 11, 1, tzinfo=UTC),
            "review_open_at": datetime(2026, 11, 15, tzinfo=UTC),
            "voting_open_at": datetime(2026, 12, 1, tzinfo=UTC),
            "voting_close_at": datetime(2026, 12, 10, tzinfo=UTC),
            "results_at": datetime(2026, 12, 15, tzinfo=UTC),
        }
        defaults.update(fields)
        process = process_create(user=officer_a, organisation=agency_a, **defaults)
        area = area_create(
            user=officer_a, process=process, name_th="ชุมชนหาดวอนนภา", budget=Decimal(100000)
        )
        for position, (code, cost) in enumerate(PROJECTS, start=1):
            Proposal.objects.create(
                area=area,
                code=code,
                position=position,
                title=f"โครงการ {code}",
                cost=Decimal(cost),
                status=ProposalStatus.FEASIBLE,
                latitude=13.28 + position / 100,
                longitude=100.92,
            )
        return area

    return make
