from __future__ import annotations

import re

import pytest
from django.urls import reverse

from opengov.accounts.models import User


@pytest.mark.django_db
def test_password_reset_mails_a_working_link(
    client, citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "citizen@example.org"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["citizen@example.org"]
    assert mail.subject == "รีเซ็ตรหัสผ่านของท่าน"
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/\S+/)", mail.body)
    assert link is not None

    form_page = client.get(link.group(1), follow=True)
    assert form_page.context["validlink"] is True
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "clean-air-for-all-2569", "new_password2": "clean-air-for-all-2569"},
    )
    assert response["Location"] == "/accounts/password/reset/complete/"
    citizen.refresh_from_db()
    assert citizen.check_password("clean-air-for-all-2569")


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_an_address_exists(
    client, citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse("accounts:password_reset"), {"email": "citizen@example.org"})
        unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mailoutbox] == [["citizen@example.org"]]
    done = client.get(unknown["Location"])
    assert (
        "If an account uses the address you entered"
        in client.get("/en" + unknown["Location"]).content.decode()
    )
    assert done.status_code == 200


@pytest.mark.django_db
def test_password_reset_mail_waits_for_the_commit(
    client, citizen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("accounts:password_reset"), {"email": "citizen@example.org"})
    assert mailoutbox == []
    assert len(callbacks) == 1
    assert User.objects.count() == 1
