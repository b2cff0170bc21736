"""Pabulib import into an area (all or nothing, line-numbered errors), export back to the same
election, anonymised download, and the background count equal to ``count()``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from opengov.budgeting.counting import count
from opengov.budgeting.models import Ballot, CountRun, ProcessArea, Proposal
from opengov.budgeting.pabulib import read_pb, write_pb
from opengov.budgeting.selectors import area_election
from opengov.budgeting.services import area_create, area_import_pb, count_request
from opengov.budgeting.tasks import area_count
from opengov.budgeting.tests.conftest import PB_DIR, election

pytestmark = pytest.mark.django_db

ROUND_TRIP = [
    "Poland_Gdynia_2025_Maly_Kack__small",
    "Poland_Krakow_2024_Krowodrza",
    "Poland_Katowice_2022_Zarzecze",
    "Poland_Warszawa_2017_Plac_Wojska_Polskiego",
]


@pytest.fixture
def empty_area(make_process, officer_a):
    process = make_process("approval").process
    return area_create(user=officer_a, process=process, name_th="นำเข้า", budget=Decimal(1))


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_round_trip_through_the_database(empty_area, officer_a, name):
    data = (PB_DIR / f"{name}.pb").read_bytes()
    summary = area_import_pb(user=officer_a, area=empty_area, data=data)
    original = election(name)
    assert (summary.projects, summary.ballots) == (len(original.projects), len(original.ballots))
    exported = area_election(empty_area)
    assert exported == original
    assert read_pb(write_pb(exported)) == original
    # Read back from the database (PostgreSQL's jsonb reorders keys): META keeps the file's order.
    stored = area_election(ProcessArea.objects.get(pk=empty_area.pk))
    assert list(stored.meta) == list(original.meta)
    assert write_pb(stored, keep_order=True) == write_pb(original, keep_order=True)


def test_imported_gdynia_counts_like_the_file(empty_area, officer_a, frozen_now):
    data = (PB_DIR / "Poland_Gdynia_2025_Maly_Kack__small.pb").read_bytes()
    area_import_pb(user=officer_a, area=empty_area, data=data)
    run = count_request(user=officer_a, area=empty_area)
    assert run.status == "queued"
    winners = area_count.call(run.pk)
    expected = count(election("Poland_Gdynia_2025_Maly_Kack__small"))
    assert winners == list(expected.winners) == ["2025/MAK/0005", "2025/MAK/0002"]
    run.refresh_from_db()
    assert (run.status, run.progress, run.rule) == ("done", 100, "greedy-no-skip")
    assert (run.total_cost, run.budget, run.ballots_count) == (Decimal(40000), Decimal(57103), 1786)
    reasons = {row["id"]: row for row in run.summary["projects"]}
    assert reasons["2025/MAK/0021"] == {
        "id": "2025/MAK/0021",
        "funded": False,
        "code": expected.outcome("2025/MAK/0021").code,
        "reason_en": expected.outcome("2025/MAK/0021").reason_en,
        "reason_th": expected.outcome("2025/MAK/0021").reason_th,
    }
    # Same ballots, projects and rule: the stored count is reused, not recomputed.
    assert count_request(user=officer_a, area=empty_area).pk == run.pk
    assert CountRun.objects.count() == 1


def test_anonymised_download_has_no_personal_columns(empty_area, officer_a):
    data = (PB_DIR / "Poland_Gdynia_2025_Maly_Kack__small.pb").read_bytes()
    area_import_pb(user=officer_a, area=empty_area, data=data)
    public = area_election(empty_area, anonymise=True)
    assert public.vote_columns == ("voter_id", "vote", "voting_method")
    assert [b.voter_id for b in public.ballots[:3]] == ["1", "2", "3"]
    text = write_pb(public)
    assert "age" not in text.split("VOTES")[1].splitlines()[1]
    assert [b.vote for b in public.ballots] == [
        b.vote for b in election("Poland_Gdynia_2025_Maly_Kack__small").ballots
    ]


def test_malformed_file_is_refused_whole_with_the_line(empty_area, officer_a):
    text = (PB_DIR / "Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb").read_text("utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == "VOTES") + 2
    lines.insert(at, "999;1,nonexistent")
    with pytest.raises(ValidationError) as refused:
        area_import_pb(user=officer_a, area=empty_area, data="\n".join(lines).encode())
    (message,) = refused.value.message_dict["file"]
    assert message.startswith(f"บรรทัด {at + 1}:") or "ผู้ลงคะแนน 999" in message
    assert Proposal.objects.filter(area=empty_area).count() == 0
    assert Ballot.objects.filter(area=empty_area).count() == 0
    empty_area.refresh_from_db()
    assert empty_area.pb_meta == {}


def test_bad_cost_names_the_line(empty_area, officer_a):
    text = (PB_DIR / "Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb").read_text("utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == "PROJECTS") + 2
    cells = lines[at].split(";")
    cells[1] = "lots"
    lines[at] = ";".join(cells)
    with pytest.raises(ValidationError) as refused:
        area_import_pb(user=officer_a, area=empty_area, data="\n".join(lines).encode())
    assert refused.value.message_dict["file"][0].startswith(f"บรรทัด {at + 1}:")


def test_import_into_a_filled_area_refused(make_process, officer_a):
    area = make_process("approval")
    data = (PB_DIR / "Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb").read_bytes()
    with pytest.raises(ValidationError) as refused:
        area_import_pb(user=officer_a, area=area, data=data)
    assert list(refused.value.message_dict) == ["file"]


def test_import_needs_an_officer(empty_area, officer_b):
    data = (PB_DIR / "Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb").read_bytes()
    with pytest.raises(PermissionDenied):
        area_import_pb(user=officer_b, area=empty_area, data=data)


def test_web_ballots_count_in_the_background(make_process, citizen, officer_a, frozen_now):
    from opengov.budgeting.services import ballot_cast

    area = make_process("approval", max_projects=2)
    ballot_cast(user=citizen, area=area, vote=["C", "D"])
    run = count_request(user=officer_a, area=area)
    assert area_count.call(run.pk) == ["C", "D"]
    expected = count(area_election(area), "greedy")
    assert list(expected.winners) == ["C", "D"]
    exported = area_election(area, anonymise=True)
    assert [p.selected for p in exported.projects] == [0, 0, 1, 1]
    assert exported.ballots[0].extra == {"voting_method": "internet"}
