from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from opengov.accounts.models import ConsentRecord, User
from opengov.accounts.privacy_notice import PRIVACY_NOTICE_VERSION
from opengov.accounts.testing import PERSONA_PASSWORD

SIGN_UP = {
    "email": "Somchai@Example.ORG",
    "display_name": "สมชาย",
    "phone": "081-234-5678",
    "password1": "fine-dust-2569",
    "password2": "fine-dust-2569",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def _clear_sign_up_counts():
    from django.core.cache import cache

    cache.clear()


@pytest.mark.django_db
def test_sign_up_creates_user_and_consent_with_current_version_and_time(client):
    with time_machine.travel(datetime(2026, 11, 23, 3, 0, tzinfo=UTC), tick=False):
        response = client.post(reverse("accounts:signup"), SIGN_UP)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    user = User.objects.get()
    assert user.email == "somchai@example.org"
    assert user.display_name == "สมชาย"
    assert user.phone == "+66812345678"
    assert user.preferred_language == "th"
    assert user.check_password("fine-dust-2569")
    consent = ConsentRecord.objects.get()
    assert consent.user == user
    assert consent.purpose == "account"
    assert consent.notice_version == PRIVACY_NOTICE_VERSION == "2026-11-01"
    assert consent.given_at == datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    assert consent.withdrawn_at is None
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
def test_sign_up_in_english_keeps_english_as_preferred_language(client):
    client.post("/en/accounts/signup/", SIGN_UP)
    assert User.objects.get().preferred_language == "en"


@pytest.mark.django_db
def test_sign_up_without_consent_is_refused_and_names_the_rule(client):
    response = client.post(reverse("accounts:signup"), {**SIGN_UP, "consent": ""})
    assert response.status_code == 200
    assert User.objects.count() == 0
    assert response.context["form"].errors["consent"] == [
        "ความยินยอม: ท่านต้องยอมรับประกาศความเป็นส่วนตัวจึงจะสร้างบัญชีได้"
    ]


@pytest.mark.django_db
def test_sign_up_errors_are_linked_to_their_fields(client):
    response = client.post("/en/accounts/signup/", {**SIGN_UP, "phone": "1669"})
    html = response.content.decode()
    assert 'aria-describedby="id_phone_error id_phone_helptext"' in html
    assert 'aria-invalid="true"' in html
    assert '<p class="field__error" id="id_phone_error">Enter a Thai mobile number' in html
    assert '<a href="#id_phone">Phone</a>' in html


@pytest.mark.django_db
def test_sign_up_refuses_a_taken_address_case_insensitively(client, citizen):
    response = client.post("/en/accounts/signup/", {**SIGN_UP, "email": "CITIZEN@example.org"})
    assert response.context["form"].errors["email"] == [
        "An account with this e-mail address already exists; sign in instead."
    ]
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_sign_up_refuses_weak_and_mismatched_passwords(client):
    weak = client.post(
        reverse("accounts:signup"), {**SIGN_UP, "password1": "12345678", "password2": "12345678"}
    )
    assert "password1" in weak.context["form"].errors
    mismatch = client.post("/en/accounts/signup/", {**SIGN_UP, "password2": "other-pass-2569"})
    assert mismatch.context["form"].errors["password2"] == ["The two passwords do not match."]
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_sign_up_is_rate_limited_per_address(client, settings):
    settings.OPENGOV_SIGN_UPS_PER_HOUR = 1
    client.post(reverse("accounts:signup"), SIGN_UP)
    client.post(reverse("accounts:logout"))
    second = client.post(reverse("accounts:signup"), {**SIGN_UP, "email": "other@example.org"})
    assert second.status_code == 429
    assert list(User.objects.values_list("email", flat=True)) == ["somchai@example.org"]


@pytest.mark.django_db
def test_phone_is_optional_and_invalid_phone_is_refused(client):
    bad = client.post("/en/accounts/signup/", {**SIGN_UP, "phone": "+1 202 555 0100"})
    assert bad.context["form"].errors["phone"] == [
        "Enter a Thai mobile number (10 digits starting 06, 08 or 09) or a fixed-line number "
        "(9 digits starting 02, 03, 04, 05 or 07), e.g. 081-234-5678."
    ]
    client.post("/en/accounts/signup/", {**SIGN_UP, "phone": ""})
    assert User.objects.get().phone == ""


@pytest.mark.django_db
def test_sign_in_with_email_and_password_then_sign_out_by_post(client, citizen):
    response = client.post(
        reverse("accounts:login"), {"username": "citizen@example.org", "password": PERSONA_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    assert client.get(reverse("accounts:profile")).status_code == 200

    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert (
        client.get(reverse("accounts:profile"))["Location"]
        == "/accounts/login/?next=/accounts/profile/"
    )


@pytest.mark.django_db
def test_sign_in_sends_people_to_their_preferred_language(client, citizen):
    citizen.preferred_language = "en"
    citizen.save()
    response = client.post(
        reverse("accounts:login"), {"username": "citizen@example.org", "password": PERSONA_PASSWORD}
    )
    assert response["Location"] == "/en/accounts/profile/"


@pytest.mark.django_db
def test_wrong_password_is_refused(client, citizen):
    response = client.post(
        reverse("accounts:login"), {"username": "citizen@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_change(client, citizen):
    client.force_login(citizen)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PERSONA_PASSWORD,
            "new_password1": "new-smoke-free-2569",
            "new_password2": "new-smoke-free-2569",
        },
    )
    assert response["Location"] == "/accounts/password/change/done/"
    citizen.refresh_from_db()
    assert citizen.check_password("new-smoke-free-2569")
