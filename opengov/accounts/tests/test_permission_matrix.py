"""Permission matrix of the accounts app: every persona × every guarded action → exact HTTP status.

How to copy this into another app (e.g. ``opengov/reports/tests/test_permission_matrix.py``):

1. Keep ``PERSONAS`` from ``opengov.accounts.testing`` (anonymous, citizen, officer_a, admin_a,
   officer_b, moderator, platform_admin); the fixtures come from that module.
2. List your app's actions in ``ACTIONS``: name → (HTTP method, URL, POST data). Use the objects
   the personas create (``agency-a`` is the slug of ``agency_a``); if an action needs an object of
   your app, create it in the ``world`` fixture and build the URL there.
3. Fill ``EXPECTED``: one status per persona, in the order of ``PERSONAS``. 302 for anonymous means
   "sent to sign-in"; 403 means "signed in but not allowed"; 2xx/302 for a permitted write.
4. Run it: a failing cell names persona and action, e.g. ``test_matrix[officer_b-member_add]``.

Every row must contain at least one allowed and one refused persona, or it tests nothing.
"""

from __future__ import annotations

import pytest

from opengov.accounts.testing import PERSONAS

MEMBERS = "/accounts/organisations/agency-a/members/"

ACTIONS: dict[str, tuple[str, str, dict[str, str]]] = {
    "organisation_list": ("get", "/accounts/organisations/", {}),
    "profile": ("get", "/accounts/profile/", {}),
    "data_export": ("get", "/accounts/privacy/my-data.json", {}),
    "members_page_a": ("get", MEMBERS, {}),
    "member_add_a": ("post", MEMBERS + "add/", {"email": "citizen@example.org", "role": "editor"}),
    "admin_users": ("get", "/admin/accounts/user/", {}),
}

#                      anonymous citizen officer_a admin_a officer_b moderator platform_admin
EXPECTED: dict[str, tuple[int, ...]] = {
    "organisation_list": (200, 200, 200, 200, 200, 200, 200),
    "profile":           (302, 200, 200, 200, 200, 200, 200),
    "data_export":       (302, 200, 200, 200, 200, 200, 200),
    "members_page_a":    (302, 403, 403, 200, 403, 403, 200),
    "member_add_a":      (302, 403, 403, 302, 403, 403, 302),
    "admin_users":       (302, 302, 302, 302, 302, 302, 200),
}  # fmt: skip


@pytest.fixture
def world(citizen, officer_a, admin_a, officer_b, moderator, platform_admin):
    """Every persona exists, so each one's client sees the same data."""


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("persona", PERSONAS)
def test_matrix(world, client_as, persona, action):
    method, url, data = ACTIONS[action]
    client = client_as(persona)
    response = getattr(client, method)(url, data)
    assert response.status_code == EXPECTED[action][PERSONAS.index(persona)]


def test_every_row_allows_someone_and_refuses_someone_or_is_public():
    for action, statuses in EXPECTED.items():
        assert len(statuses) == len(PERSONAS), action
        if action != "organisation_list":
            assert len(set(statuses)) > 1, f"{action} does not distinguish any persona"
