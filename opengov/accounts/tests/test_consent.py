from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from opengov.accounts import privacy_notice
from opengov.accounts.models import ConsentRecord

MIDDLEWARE = "opengov.accounts.middleware.PrivacyConsentMiddleware"


@pytest.fixture(autouse=True)
def _consent_middleware(settings):
    if MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]


@pytest.fixture
def new_notice(monkeypatch):
    monkeypatch.setattr(privacy_notice, "PRIVACY_NOTICE_VERSION", "2027-03-01")


@pytest.mark.django_db
def test_a_user_who_consented_to_the_current_notice_is_not_asked(client_as):
    assert client_as("citizen").get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
def test_new_notice_version_asks_again_then_records_consent(client_as, citizen, new_notice):
    client = client_as("citizen")
    response = client.get("/accounts/organisations/?type=academic")
    assert response.status_code == 302
    assert response["Location"] == (
        "/accounts/privacy/consent/?next=%2Faccounts%2Forganisations%2F%3Ftype%3Dacademic"
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["notice_version"] == "2027-03-01"

    refused = client.post("/en/accounts/privacy/consent/", {"next": "/accounts/organisations/"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["consent"] == [
        "Consent: tick the box to continue using your account."
    ]

    with time_machine.travel(datetime(2026, 11, 2, 1, 30, tzinfo=UTC), tick=False):
        agreed = client.post(
            reverse("accounts:consent"),
            {"consent": "on", "next": "/accounts/organisations/?type=academic"},
        )
    assert agreed["Location"] == "/accounts/organisations/?type=academic"
    latest = ConsentRecord.objects.get(user=citizen, notice_version="2027-03-01")
    assert (latest.notice_version, latest.given_at) == (
        "2027-03-01",
        datetime(2026, 11, 2, 1, 30, tzinfo=UTC),
    )
    assert ConsentRecord.objects.filter(user=citizen).count() == 2
    assert client.get("/accounts/organisations/").status_code == 200


@pytest.mark.django_db
def test_consent_is_asked_again_even_with_an_old_answer_in_the_session(
    client_as, citizen, monkeypatch
):
    client = client_as("citizen")
    assert client.get(reverse("accounts:profile")).status_code == 200  # caches 2026-11-01
    monkeypatch.setattr(privacy_notice, "PRIVACY_NOTICE_VERSION", "2027-03-01")
    assert client.get(reverse("accounts:profile")).status_code == 302


@pytest.mark.django_db
def test_without_consent_people_can_still_leave_read_and_take_their_data(client_as, new_notice):
    client = client_as("citizen")
    assert client.get(reverse("accounts:privacy_notice")).status_code == 200
    assert client.get(reverse("accounts:data_export")).status_code == 200
    assert client.get(reverse("accounts:delete_account")).status_code == 200
    assert client.get("/api/v1/organisations").status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302


@pytest.mark.django_db
def test_consent_page_ignores_a_next_url_on_another_site(client_as, new_notice):
    response = client_as("citizen").post(
        reverse("accounts:consent"), {"consent": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/accounts/profile/"


@pytest.mark.django_db
def test_anonymous_visitors_are_never_asked(client, new_notice):
    assert client.get("/accounts/organisations/").status_code == 200


def test_privacy_notice_page_in_thai_and_english(client):
    thai = client.get("/accounts/privacy/").content.decode()
    english = client.get("/en/accounts/privacy/").content.decode()
    assert "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562" in thai
    assert "2026-11-01" in thai
    assert "Personal Data Protection Act B.E. 2562 (2019)" in english
    assert "Version 2026-11-01" in english
