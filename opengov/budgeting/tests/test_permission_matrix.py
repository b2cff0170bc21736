"""Permission matrix of the budgeting app: every persona × every write (and the officer pages)
→ exact HTTP status. Officers of agency A (editor, admin) and platform admins run agency A's
process; citizens propose and vote; anonymous visitors only read."""

from __future__ import annotations

import pytest

from opengov.accounts.testing import PERSONAS

P = "/budget/saensuk-2027/"

#                      anonymous citizen officer_a admin_a officer_b moderator platform_admin
EXPECTED: dict[str, tuple[int, ...]] = {
    "list":              (200, 200, 200, 200, 200, 200, 200),
    "process":           (200, 200, 200, 200, 200, 200, 200),
    "process_new_a":     (302, 403, 200, 200, 403, 403, 200),
    "process_create_a":  (302, 403, 302, 302, 403, 403, 302),
    "manage":            (302, 403, 200, 200, 403, 403, 200),
    "area_add":          (302, 403, 302, 302, 403, 403, 302),
    "review":            (302, 403, 302, 302, 403, 403, 302),
    "category_add":      (302, 403, 302, 302, 403, 403, 302),
    "category_rename":   (302, 403, 302, 302, 403, 403, 302),
    "category_remove":   (302, 403, 302, 302, 403, 403, 302),
    "paper":             (302, 403, 302, 302, 403, 403, 302),
    "import_page":       (302, 403, 200, 200, 403, 403, 200),
    "export":            (302, 403, 200, 200, 403, 403, 200),
    "count":             (302, 403, 302, 302, 403, 403, 302),
    "counts":            (302, 403, 200, 200, 403, 403, 200),
    "count_compare":     (302, 403, 302, 302, 403, 403, 302),
    "vote":              (302, 302, 302, 302, 302, 302, 302),
    "propose_page":      (302, 200, 200, 200, 200, 200, 200),
    "ballots_download":  (404, 404, 200, 200, 404, 404, 200),
}  # fmt: skip

NEW_PROCESS = {
    "slug": "new-pb",
    "title_th": "กระบวนการใหม่",
    "total_budget": "100000",
    "ballot_style": "approval",
    "min_projects": "1",
    "rule": "greedy",
    "proposals_open_at": "2027-01-01T09:00",
    "review_open_at": "2027-02-01T09:00",
    "voting_open_at": "2027-03-01T09:00",
    "voting_close_at": "2027-03-15T09:00",
    "results_at": "2027-03-20T09:00",
    "min_age": "0",
    "verification_level": "account",
}


@pytest.fixture
def world(citizen, officer_a, admin_a, officer_b, moderator, platform_admin, make_process):
    area = make_process("approval")
    from opengov.budgeting.models import Category, Proposal

    proposal = Proposal.objects.create(area=area, code="X", title="ข้อเสนอ", position=9)
    category = Category.objects.create(process=area.process, name_th="ถนน")
    c = f"{P}manage/categories/{category.pk}/"
    a = f"{P}areas/{area.pk}/"
    return {
        "list": ("get", "/budget/", {}),
        "process": ("get", P, {}),
        "process_new_a": ("get", "/budget/setup/agency-a/", {}),
        "process_create_a": ("post", "/budget/setup/agency-a/", NEW_PROCESS),
        "manage": ("get", P + "manage/", {}),
        "area_add": ("post", P + "manage/", {"name_th": "พื้นที่ใหม่", "budget": "5000"}),
        "review": (
            "post",
            f"{P}manage/proposals/{proposal.pk}/review/",
            {"status": "rejected", "note": "ซ้ำซ้อน"},
        ),
        "category_add": ("post", P + "manage/categories/", {"category-name_th": "สวน"}),
        "category_rename": ("post", c, {f"category-{category.pk}-name_th": "ทางเท้า"}),
        "category_remove": ("post", c + "remove/", {}),
        "paper": (
            "post",
            a + "manage/paper/",
            {"sheet_number": "1", "national_id": "3100600445635", "vote": ["A"]},
        ),
        "import_page": ("get", a + "manage/import/", {}),
        "export": ("get", a + "manage/export.pb", {}),
        "count": ("post", a + "manage/count/", {}),
        "counts": ("get", a + "manage/counts/", {}),
        "count_compare": ("post", a + "manage/counts/", {"rule": "equalshares/add1"}),
        "vote": ("post", a + "vote/", {"vote": ["A"]}),
        "propose_page": ("get", P + "propose/", {}),
        "ballots_download": ("get", a + "ballots.pb", {}),
    }


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("persona", PERSONAS)
def test_matrix(world, client_as, persona, action, frozen_now):
    method, url, data = world[action]
    response = getattr(client_as(persona), method)(url, data)
    assert response.status_code == EXPECTED[action][PERSONAS.index(persona)]


def test_every_row_distinguishes_personas_or_is_public():
    for action, statuses in EXPECTED.items():
        assert len(statuses) == len(PERSONAS), action
        if action not in ("list", "process", "vote"):
            assert len(set(statuses)) > 1, f"{action} does not distinguish any persona"


def test_category_writes_per_persona(world, client_as, frozen_now):
    """Only the personas allowed to manage the process change its categories."""
    from opengov.budgeting.models import Category

    for persona in PERSONAS:
        client_as(persona).post(world["category_add"][1], world["category_add"][2])
    assert sorted(Category.objects.values_list("name_th", flat=True)) == [
        "ถนน",
        "สวน",
        "สวน",
        "สวน",
    ]


def test_comparison_counts_per_persona(world, client_as, frozen_now):
    """Only managers queue a comparison count; it never becomes the official count."""
    from opengov.budgeting.models import CountRun

    for persona in PERSONAS:
        client_as(persona).post(world["count_compare"][1], world["count_compare"][2])
    assert list(CountRun.objects.values_list("comparison_rule", flat=True)) == ["equalshares/add1"]


def test_vote_outcomes_per_persona(world, client_as, frozen_now):
    """Every signed-in persona may vote (302 back to the process); anonymous goes to sign-in."""
    from opengov.budgeting.models import Ballot

    for persona in PERSONAS:
        client_as(persona).post(world["vote"][1], {"vote": ["A"]})
    assert Ballot.objects.count() == len(PERSONAS) - 1
