"""Officers see every count of an area and re-count with another rule for comparison; the
comparison is stored as its own CountRun and the public results keep the declared rule."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from opengov.accounts.testing import persona_create
from opengov.budgeting.models import CountRun
from opengov.budgeting.selectors import area_latest_count, area_latest_done_count
from opengov.budgeting.services import ballot_cast, count_compare, count_request
from opengov.budgeting.tasks import area_count, count_closed_votes

pytestmark = pytest.mark.django_db

VOTES = (["A", "B"], ["A", "D"], ["C"], ["A", "D"], ["C", "D"])


@pytest.fixture
def voted_area(make_process, frozen_now):
    area = make_process("approval", rule="greedy", max_projects=3)
    for number, vote in enumerate(VOTES, start=1):
        voter = persona_create(f"voter{number}@example.org", f"Voter {number}")
        ballot_cast(user=voter, area=area, vote=vote)
    return area


def _counted(run: CountRun) -> CountRun:
    area_count.call(run.pk)
    run.refresh_from_db()
    return run


def test_comparison_is_a_separate_count_and_results_keep_the_declared_rule(
    voted_area, officer_a, client
):
    area = voted_area
    official = _counted(count_request(user=officer_a, area=area))
    assert (official.rule, official.comparison_rule, official.winners) == (
        "greedy",
        "",
        ["A", "D", "B"],
    )
    comparison = _counted(count_compare(user=officer_a, area=area, rule="equalshares/add1"))
    assert comparison.pk != official.pk
    assert (comparison.rule, comparison.comparison_rule, comparison.status) == (
        "equalshares/add1",
        "equalshares/add1",
        "done",
    )
    # MES: C's supporters cannot pay 50,000 from their equal shares; B has one supporter.
    assert (comparison.winners, comparison.total_cost) == (["D", "A"], Decimal(60000))
    assert area_latest_done_count(area) == official
    assert area_latest_count(area) == official
    page = client.get(f"/en/budget/{area.process.slug}/areas/{area.pk}/results/").content.decode()
    assert "with the rule “greedy”" in page
    assert "equalshares" not in page
    # The same comparison again is reused, not counted twice.
    assert count_compare(user=officer_a, area=area, rule="equalshares/add1") == comparison
    assert CountRun.objects.count() == 2


def test_history_page_lists_every_count(voted_area, officer_a, client_as):
    area = voted_area
    official = _counted(count_request(user=officer_a, area=area))
    comparison = _counted(count_compare(user=officer_a, area=area, rule="greedy-no-skip"))
    url = f"/en/budget/{area.process.slug}/areas/{area.pk}/manage/counts/"
    html = client_as("officer_a").get(url).content.decode()
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 2
    assert "Comparison" in rows[0] and "greedy-no-skip" in rows[0]
    assert comparison.winners == ["A", "D"] and "<td>A, D</td>" in rows[0]
    assert '<td class="pb-num">60,000</td>' in rows[0]
    assert "Official" in rows[1] and "<td>greedy</td>" in rows[1]
    assert official.winners == ["A", "D", "B"] and "<td>A, D, B</td>" in rows[1]
    assert '<td class="pb-num">90,000</td>' in rows[1]
    assert "Counted" in rows[1] and '<td class="pb-num">5</td>' in rows[1]
    assert "The public results show the official count with the declared rule “greedy”" in html


def test_compare_from_the_page(voted_area, client_as):
    area = voted_area
    url = f"/budget/{area.process.slug}/areas/{area.pk}/manage/counts/"
    response = client_as("admin_a").post(url, {"rule": "equalshares"})
    assert response.status_code == 302 and response["Location"] == url
    run = CountRun.objects.get()
    assert (run.comparison_rule, run.status) == ("equalshares", "queued")
    refused = client_as("admin_a").post(url, {"rule": "borda"})
    assert refused.status_code == 200
    assert 'aria-invalid="true"' in refused.content.decode()
    assert CountRun.objects.count() == 1


def test_unsupported_rule_and_other_organisation_refused(voted_area, officer_a, officer_b):
    with pytest.raises(ValidationError) as unknown:
        count_compare(user=officer_a, area=voted_area, rule="borda")
    assert unknown.value.message_dict == {"rule": ["“borda” ไม่ใช่กติกาการนับคะแนนที่ระบบรองรับ"]}
    with pytest.raises(PermissionDenied):
        count_compare(user=officer_b, area=voted_area, rule="greedy")
    assert CountRun.objects.count() == 0


def test_scheduled_official_count_still_runs_after_a_comparison(voted_area, officer_a):
    count_compare(user=officer_a, area=voted_area, rule="equalshares")
    with time_machine.travel(datetime(2026, 12, 12, tzinfo=UTC), tick=False):
        assert count_closed_votes.call() == 1
    assert CountRun.objects.filter(comparison_rule="").count() == 1
