from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from opengov.accounts.models import Membership
from opengov.accounts.selectors import (
    user_can_manage_members,
    user_is_moderator,
    user_is_officer,
    user_organisations,
)
from opengov.accounts.services import membership_add, membership_change_role, membership_remove

MEMBERS = "/en/accounts/organisations/agency-a/members/"


def _roles(organisation):
    return sorted(
        Membership.objects.filter(organisation=organisation).values_list("user__email", "role")
    )


@pytest.mark.django_db
def test_role_helpers(
    anonymous, citizen, officer_a, admin_a, officer_b, moderator, platform_admin, agency_a, agency_b
):
    assert [
        user_is_officer(u)
        for u in (anonymous, citizen, officer_a, admin_a, moderator, platform_admin)
    ] == [
        False,
        False,
        True,
        True,
        False,
        False,
    ]
    assert user_is_officer(officer_a, agency_a) is True
    assert user_is_officer(officer_b, agency_a) is False
    assert list(user_organisations(officer_b)) == [agency_b]
    assert list(user_organisations(admin_a, roles=["admin"])) == [agency_a]
    assert list(user_organisations(officer_a, roles=["admin"])) == []
    assert [
        user_can_manage_members(u, agency_a)
        for u in (anonymous, officer_a, admin_a, officer_b, platform_admin)
    ] == [
        False,
        False,
        True,
        False,
        True,
    ]
    assert [user_is_moderator(u) for u in (anonymous, citizen, moderator, platform_admin)] == [
        False,
        False,
        True,
        True,
    ]


@pytest.mark.django_db
def test_inactive_organisation_confers_no_role(officer_a, agency_a):
    agency_a.is_active = False
    agency_a.save()
    assert user_is_officer(officer_a, agency_a) is False


@pytest.mark.django_db
def test_admin_adds_changes_and_removes_members_on_the_page(client_as, admin_a, citizen, agency_a):
    client = client_as("admin_a")
    assert client.get(MEMBERS).status_code == 200

    response = client.post(MEMBERS + "add/", {"email": "CITIZEN@example.org", "role": "editor"})
    assert response.status_code == 302
    assert _roles(agency_a) == [("admin.a@example.org", "admin"), ("citizen@example.org", "editor")]

    membership = Membership.objects.get(user=citizen)
    client.post(f"{MEMBERS}{membership.pk}/role/", {f"m{membership.pk}-role": "admin"})
    assert _roles(agency_a) == [("admin.a@example.org", "admin"), ("citizen@example.org", "admin")]

    client.post(f"{MEMBERS}{membership.pk}/remove/")
    assert _roles(agency_a) == [("admin.a@example.org", "admin")]


@pytest.mark.django_db
def test_adding_an_unknown_address_names_the_field(client_as, admin_a, agency_a):
    response = client_as("admin_a").post(
        MEMBERS + "add/", {"email": "nobody@example.org", "role": "editor"}
    )
    assert response.status_code == 400
    assert response.context["add_form"].errors["email"] == [
        "No active account uses this e-mail address; ask them to sign up first."
    ]
    duplicate = client_as("admin_a").post(
        MEMBERS + "add/", {"email": "admin.a@example.org", "role": "editor"}
    )
    assert duplicate.context["add_form"].errors["email"] == [
        "This person is already a member of the organisation."
    ]


@pytest.mark.django_db
def test_the_last_admin_cannot_leave_or_be_demoted(client_as, admin_a, agency_a):
    membership = Membership.objects.get(user=admin_a)
    client = client_as("admin_a")
    demote = client.post(
        f"{MEMBERS}{membership.pk}/role/", {f"m{membership.pk}-role": "editor"}, follow=True
    )
    assert [str(m) for m in demote.context["messages"]] == [
        "An organisation must keep at least one administrator."
    ]
    client.post(f"{MEMBERS}{membership.pk}/remove/")
    assert _roles(agency_a) == [("admin.a@example.org", "admin")]
    with pytest.raises(ValidationError):
        membership_remove(membership=membership, performed_by=admin_a)


@pytest.mark.django_db
def test_services_refuse_people_who_do_not_manage_the_organisation(
    officer_a, officer_b, citizen, agency_a, admin_a
):
    membership = Membership.objects.get(user=officer_a)
    for outsider in (officer_a, officer_b, citizen):
        with pytest.raises(PermissionDenied):
            membership_add(
                organisation=agency_a,
                email="citizen@example.org",
                role="editor",
                performed_by=outsider,
            )
        with pytest.raises(PermissionDenied):
            membership_change_role(membership=membership, role="admin", performed_by=outsider)
        with pytest.raises(PermissionDenied):
            membership_remove(membership=membership, performed_by=outsider)


@pytest.mark.django_db
def test_platform_admin_manages_any_organisation(client_as, officer_b, agency_b):
    response = client_as("platform_admin").post(
        "/accounts/organisations/agency-b/members/add/",
        {"email": "platform.admin@example.org", "role": "admin"},
    )
    assert response.status_code == 302
    assert _roles(agency_b) == [
        ("officer.b@example.org", "editor"),
        ("platform.admin@example.org", "admin"),
    ]


@pytest.mark.django_db
def test_member_writes_need_a_csrf_token(admin_a, citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_a)
    response = client.post(MEMBERS + "add/", {"email": "citizen@example.org", "role": "editor"})
    assert response.status_code == 403
    assert Membership.objects.filter(user=citizen).count() == 0


@pytest.mark.django_db
def test_an_admin_of_a_cannot_touch_memberships_of_b_through_a_urls(client_as, admin_a, officer_b):
    membership_b = Membership.objects.get(user=officer_b)
    response = client_as("admin_a").post(f"{MEMBERS}{membership_b.pk}/remove/")
    assert response.status_code == 404
    assert Membership.objects.filter(pk=membership_b.pk).exists()
