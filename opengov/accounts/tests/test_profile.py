from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_profile_shows_the_users_details(client_as, citizen):
    html = client_as("citizen").get("/en/accounts/profile/").content.decode()
    assert "citizen@example.org" in html
    assert 'value="Citizen Chai"' in html


@pytest.mark.django_db
def test_profile_edit_saves_normalised_phone_and_language(client_as, citizen):
    client = client_as("citizen")
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "ชัย ใจดี", "phone": "๐๕๓-๙๔๑-๐๐๐", "preferred_language": "en"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    assert response.cookies["opengov_language"].value == "en"
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.phone, citizen.preferred_language) == (
        "ชัย ใจดี",
        "+6653941000",
        "en",
    )
    page = client.get(response["Location"])
    assert [str(m) for m in page.context["messages"]] == ["Your profile has been saved."]


@pytest.mark.django_db
def test_profile_edit_refuses_a_bad_phone_and_keeps_the_old_one(client_as, citizen):
    citizen.phone = "+66812345678"
    citizen.save()
    response = client_as("citizen").post(
        reverse("accounts:profile"),
        {"display_name": "x", "phone": "12345", "preferred_language": "th"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["phone"]
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.phone) == ("Citizen Chai", "+66812345678")


@pytest.mark.django_db
def test_profile_needs_sign_in(client):
    response = client.get(reverse("accounts:profile"))
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


@pytest.mark.django_db
def test_profile_shows_member_since_in_buddhist_era_in_thai(client_as, citizen):
    from datetime import UTC, datetime

    # 18:00 UTC on 31 Dec 2025 is already 1 Jan 2026 (B.E. 2569) in Thailand.
    citizen.date_joined = datetime(2025, 12, 31, 18, 0, tzinfo=UTC)
    citizen.save(update_fields=["date_joined"])
    client = client_as("citizen")
    assert "<dd>1 มกราคม 2569</dd>" in client.get("/accounts/profile/").content.decode()
    assert "<dd>1 January 2026</dd>" in client.get("/en/accounts/profile/").content.decode()
