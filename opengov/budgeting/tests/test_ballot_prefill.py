"""A voter who comes back to change their ballot finds the form filled with their current ballot,
whatever the ballot style."""

from __future__ import annotations

import re

import pytest

from opengov.budgeting.services import ballot_cast

pytestmark = pytest.mark.django_db


def _page(client_as, area) -> str:
    response = client_as("citizen").get(f"/budget/{area.process.slug}/areas/{area.pk}/vote/")
    assert response.status_code == 200
    return str(response.content.decode())


def _selected(html: str, name: str) -> list[str]:
    """The options selected in the <select> named ``name`` ("" is the empty choice "—")."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None, name
    return re.findall(r'<option value="([^"]*)" selected>', select.group(1))


def _checked(html: str) -> list[str]:
    inputs = re.findall(r'<input type="(?:checkbox|radio)" name="vote" value="([^"]+)"[^>]*>', html)
    tags = re.findall(r'<input type="(?:checkbox|radio)" name="vote"[^>]*>', html)
    return [value for value, tag in zip(inputs, tags, strict=True) if " checked" in tag]


def _number(html: str, name: str) -> str:
    tag = re.search(rf'<input type="number" name="{name}"[^>]*>', html)
    assert tag is not None, name
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else ""


def test_ranked_ballot_prefilled_with_the_current_ranking(
    make_process, citizen, client_as, frozen_now
):
    area = make_process("ranked", rank_points="3,2,1")
    ballot_cast(user=citizen, area=area, vote=["C", "A", "D"])
    html = _page(client_as, area)
    assert [_selected(html, f"rank_{rank}") for rank in (1, 2, 3)] == [["C"], ["A"], ["D"]]


def test_ranked_ballot_shorter_than_the_ranks_leaves_the_rest_empty(
    make_process, citizen, client_as, frozen_now
):
    area = make_process("ranked", rank_points="3,2,1")
    ballot_cast(user=citizen, area=area, vote=["B"])
    html = _page(client_as, area)
    assert [_selected(html, f"rank_{rank}") for rank in (1, 2, 3)] == [["B"], [""], [""]]


def test_cumulative_ballot_prefilled_with_the_current_points(
    make_process, citizen, client_as, frozen_now
):
    area = make_process("cumulative", max_total_points=5, max_points_per_project=3)
    ballot_cast(user=citizen, area=area, vote=["D", "B"], points=[3, 2])
    html = _page(client_as, area)
    assert [_number(html, f"points_{code}") for code in "ABCD"] == ["0", "2", "0", "3"]


@pytest.mark.parametrize(
    ("style", "vote", "expected"),
    [
        ("approval", ["B", "D"], ["B", "D"]),
        ("knapsack", ["A", "C"], ["A", "C"]),
        ("choose-1", ["C"], ["C"]),
    ],
)
def test_approval_knapsack_and_choose_one_prefilled(
    make_process, citizen, client_as, frozen_now, style, vote, expected
):
    area = make_process(style)
    ballot_cast(user=citizen, area=area, vote=vote)
    assert _checked(_page(client_as, area)) == expected


def test_first_visit_is_empty(make_process, client_as, frozen_now):
    area = make_process("ranked", rank_points="3,2,1")
    html = _page(client_as, area)
    assert [_selected(html, f"rank_{rank}") for rank in (1, 2, 3)] == [[""], [""], [""]]


def test_changed_ranking_replaces_the_ballot(make_process, citizen, client_as, frozen_now):
    from opengov.budgeting.models import Ballot

    area = make_process("ranked", rank_points="3,2,1")
    ballot_cast(user=citizen, area=area, vote=["C", "A"])
    url = f"/budget/{area.process.slug}/areas/{area.pk}/vote/"
    response = client_as("citizen").post(url, {"rank_1": "A", "rank_2": "C", "rank_3": "B"})
    assert response.status_code == 302
    assert Ballot.objects.values_list("vote", "points").get() == (["A", "C", "B"], [3, 2, 1])
    assert [_selected(_page(client_as, area), f"rank_{r}") for r in (1, 2, 3)] == [
        ["A"],
        ["C"],
        ["B"],
    ]
