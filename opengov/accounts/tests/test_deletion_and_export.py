from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from opengov.accounts.models import ConsentRecord, DeletionRequest, Membership, User
from opengov.accounts.services import deletion_request_cancel, deletion_request_carry_out
from opengov.accounts.testing import PERSONA_PASSWORD


@pytest.mark.django_db
def test_deletion_request_needs_the_password(client_as, officer_a):
    response = client_as("officer_a").post("/en/accounts/delete/", {"password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"] == [
        "Password: this is not the password of your account."
    ]
    assert DeletionRequest.objects.count() == 0
    officer_a.refresh_from_db()
    assert officer_a.is_active is True


@pytest.mark.django_db
def test_deletion_request_signs_out_and_stops_sign_in(client_as, officer_a):
    client = client_as("officer_a")
    with time_machine.travel(datetime(2026, 11, 10, 2, 0, tzinfo=UTC), tick=False):
        response = client.post(
            reverse("accounts:delete_account"),
            {"password": PERSONA_PASSWORD, "reason": "ย้ายไปต่างประเทศ"},
        )
    assert response["Location"] == "/accounts/delete/requested/"
    request = DeletionRequest.objects.get()
    assert (request.user, request.status, request.reason, request.requested_at) == (
        officer_a,
        "pending",
        "ย้ายไปต่างประเทศ",
        datetime(2026, 11, 10, 2, 0, tzinfo=UTC),
    )
    officer_a.refresh_from_db()
    assert officer_a.is_active is False
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert client.login(username="officer.a@example.org", password=PERSONA_PASSWORD) is False


@pytest.mark.django_db
def test_carrying_out_the_request_anonymises_and_keeps_non_personal_records(
    client_as, officer_a, platform_admin
):
    client_as("officer_a").post(
        reverse("accounts:delete_account"), {"password": PERSONA_PASSWORD, "reason": "bye"}
    )
    request = DeletionRequest.objects.get()
    with time_machine.travel(datetime(2026, 11, 11, 4, 0, tzinfo=UTC), tick=False):
        deletion_request_carry_out(deletion_request=request, performed_by=platform_admin)

    user = User.objects.get(pk=officer_a.pk)
    assert user.email == f"deleted-{officer_a.pk}@invalid"
    assert (user.display_name, user.first_name, user.last_name, user.phone) == ("", "", "", "")
    assert user.has_usable_password() is False
    assert (user.is_active, user.is_staff, user.is_superuser, user.is_moderator) == (
        False,
        False,
        False,
        False,
    )
    assert user.anonymised_at == datetime(2026, 11, 11, 4, 0, tzinfo=UTC)
    assert Membership.objects.filter(user=user).count() == 0
    assert ConsentRecord.objects.filter(user=user).count() == 1  # evidence kept, no personal data
    request.refresh_from_db()
    assert (request.status, request.reason, request.completed_by, request.completed_at) == (
        "completed",
        "",
        platform_admin,
        datetime(2026, 11, 11, 4, 0, tzinfo=UTC),
    )


@pytest.mark.django_db
def test_only_platform_admins_carry_out_or_cancel(client_as, citizen, moderator, platform_admin):
    client_as("citizen").post(reverse("accounts:delete_account"), {"password": PERSONA_PASSWORD})
    request = DeletionRequest.objects.get()
    with pytest.raises(PermissionDenied):
        deletion_request_carry_out(deletion_request=request, performed_by=moderator)
    deletion_request_cancel(deletion_request=request, performed_by=platform_admin)
    citizen.refresh_from_db()
    assert citizen.is_active is True
    assert DeletionRequest.objects.get().status == "cancelled"


@pytest.mark.django_db
def test_data_export_holds_exactly_the_users_own_data(client, officer_a, admin_a, agency_a):
    officer_a.phone = "+66812345678"
    officer_a.save()
    Membership.objects.filter(user=officer_a).update(
        created_at=datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    )
    ConsentRecord.objects.filter(user=officer_a).update(
        given_at=datetime(2026, 11, 20, 0, 0, tzinfo=UTC)
    )
    User.objects.filter(pk=officer_a.pk).update(
        date_joined=datetime(2026, 11, 20, 0, 0, tzinfo=UTC), last_login=None
    )
    client.login(username="officer.a@example.org", password=PERSONA_PASSWORD)
    User.objects.filter(pk=officer_a.pk).update(last_login=datetime(2026, 11, 23, 5, 0, tzinfo=UTC))

    with time_machine.travel(datetime(2026, 11, 23, 5, 30, tzinfo=UTC), tick=False):
        response = client.get(reverse("accounts:data_export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="opengov-my-data-2026-11-23.json"'
    )
    assert json.loads(response.content) == {
        "format": "opengov-accounts-export",
        "version": 1,
        "exported_at": "2026-11-23T12:30:00+07:00",
        "profile": {
            "email": "officer.a@example.org",
            "display_name": "Officer A",
            "first_name": "",
            "last_name": "",
            "phone": "+66812345678",
            "preferred_language": "th",
            "date_joined": "2026-11-20T07:00:00+07:00",
            "last_login": "2026-11-23T12:00:00+07:00",
            "is_moderator": False,
        },
        "consents": [
            {
                "purpose": "account",
                "notice_version": "2026-11-01",
                "given_at": "2026-11-20T07:00:00+07:00",
                "withdrawn_at": None,
            }
        ],
        "memberships": [
            {
                "organisation": "agency-a",
                "organisation_name_th": "หน่วยงานทดสอบ ก",
                "organisation_name_en": "Test agency A",
                "role": "editor",
                "since": "2026-11-20T08:00:00+07:00",
            }
        ],
        "deletion_requests": [],
    }
    assert b"admin.a@example.org" not in response.content


@pytest.mark.django_db
def test_data_export_needs_sign_in(client):
    assert client.get(reverse("accounts:data_export")).status_code == 302
