"""Permission matrix of the reports app: every persona × every write → exact HTTP status.

``report_a`` is a citizen's report routed to agency A. 302 for anonymous on a signed-in action
means "sent to sign-in"; 302 for a permitted POST means "done, back to the page"; 403 refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opengov.accounts.testing import PERSONAS
from opengov.reports.models import Report, ReportPhoto
from opengov.reports.tests.conftest import LAT, LON, jpeg_with_gps

ACTIONS = (
    "submit",
    "transition",
    "assign",
    "bulk_a",
    "queue_a",
    "original_photo",
    "rate",
    "reopen",
    "flag",
    "hide",
    "unhide",
    "block_reporter",
    "moderation",
    "route",
    "follow",
    "admin_routes",
)

#                    anonymous citizen officer_a admin_a officer_b moderator platform_admin
EXPECTED: dict[str, tuple[int, ...]] = {
    "submit":          (400, 302, 302, 302, 302, 302, 302),
    "transition":      (302, 403, 302, 302, 403, 403, 403),
    "assign":          (302, 403, 302, 302, 403, 403, 403),
    "bulk_a":          (302, 403, 302, 302, 403, 403, 403),
    "queue_a":         (302, 403, 200, 200, 403, 403, 403),
    "original_photo":  (403, 403, 200, 200, 403, 403, 403),
    "rate":            (302, 302, 403, 403, 403, 403, 403),
    "reopen":          (302, 302, 403, 403, 403, 403, 403),
    "flag":            (302, 302, 302, 302, 302, 302, 302),
    "hide":            (302, 403, 403, 403, 403, 302, 302),
    "unhide":          (302, 403, 403, 403, 403, 302, 302),
    "block_reporter":  (302, 403, 403, 403, 403, 302, 302),
    "moderation":      (302, 403, 403, 403, 403, 200, 200),
    "route":           (302, 403, 403, 403, 403, 302, 302),
    "follow":          (302, 302, 302, 302, 302, 302, 302),
    "admin_routes":    (302, 302, 302, 302, 302, 302, 200),
}  # fmt: skip
# Refusals that are not 403 because the permission check passes or the login redirect is the answer:
# flag/follow are open to everyone signed in (anonymous follow needs an e-mail: 302 with a message).
ANONYMOUS_LOGIN = {"transition", "assign", "rate", "reopen", "flag"}


@pytest.fixture
def world(report_a, citizen, officer_a, admin_a, officer_b, moderator, platform_admin, agency_a):
    # Closed, so the reporter may rate and re-open it; a second report waits in the fallback queue.
    Report.objects.filter(pk=report_a.pk).update(status="resolved", closed_at=report_a.submitted_at)
    fallback = Report.objects.create(
        category="other",
        channel="web",
        lat=LAT,
        lon=LON,
        seen_at=report_a.seen_at,
        contact_email="x@example.net",
    )
    photo = ReportPhoto.objects.get(report=report_a)
    return {"report": report_a, "fallback": fallback, "photo": photo, "officer_a": officer_a}


def request_for(action: str, world) -> tuple[str, str, Any]:
    pk = world["report"].pk
    base = f"/reports/{pk}/"
    return {
        "submit": (
            "post",
            "/reports/new/",
            {
                "category": "forest_fire",
                "lat": "18.9",
                "lon": "99.1",
                "seen_at": "2026-12-05T08:00",
                "photos": [SimpleUploadedFile("f.jpg", jpeg_with_gps())],
            },
        ),
        "transition": (
            "post",
            base + "transition/",
            {"to_status": "referred", "note": "x", "refer_to": "agency-b"},
        ),
        "assign": ("post", base + "assign/", {"assignee": str(world["officer_a"].pk)}),
        "bulk_a": (
            "post",
            "/reports/queue/agency-a/bulk/",
            {"report": [str(pk)], "to_status": "acknowledged", "note": "x"},
        ),
        "queue_a": ("get", "/reports/queue/agency-a/", {}),
        "original_photo": ("get", f"/reports/photos/{world['photo'].uuid}/original", {}),
        "rate": ("post", base + "rate/", {"rating": "4"}),
        "reopen": ("post", base + "reopen/", {"note": "Still burning"}),
        "flag": ("post", base + "flag/", {"reason": "Wrong place"}),
        "hide": ("post", base + "hide/", {"reason": "Abusive text"}),
        "unhide": ("post", base + "unhide/", {}),
        "block_reporter": ("post", base + "block-reporter/", {"reason": "Spam"}),
        "moderation": ("get", "/reports/moderation/", {}),
        "route": (
            "post",
            "/reports/moderation/",
            {"report": str(world["fallback"].pk), "organisation": "agency-a"},
        ),
        "follow": ("post", base + "follow/", {}),
        "admin_routes": ("get", "/admin/reports/arearoute/", {}),
    }[action]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_matrix(world, client_as, persona, action, frozen):
    method, url, data = request_for(action, world)
    response = getattr(client_as(persona), method)(url, data)
    expected = EXPECTED[action][PERSONAS.index(persona)]
    assert response.status_code == expected
    if persona == "anonymous" and action in ANONYMOUS_LOGIN:
        assert response["Location"].startswith("/accounts/")


def test_every_row_allows_someone_and_refuses_someone():
    for action, statuses in EXPECTED.items():
        assert len(statuses) == len(PERSONAS), action
        if action not in ("flag", "follow"):
            assert len(set(statuses)) > 1, action


def test_effects_of_permitted_writes(world, client_as, frozen):
    report = world["report"]
    client_as("citizen").post(f"/reports/{report.pk}/rate/", {"rating": "4"})
    client_as("moderator").post(f"/reports/{report.pk}/hide/", {"reason": "Abusive"})
    report.refresh_from_db()
    assert (report.rating, report.is_hidden, report.hidden_reason) == (4, True, "Abusive")
    assert client_as("anonymous").get(f"/reports/{report.pk}/").status_code == 404
