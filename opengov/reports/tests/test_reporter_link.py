"""The reporter's private link: sent in the reporter's e-mails only, lets an anonymous reporter
rate, re-open within 14 days and stop the messages; a wrong, tampered, expired or voided token
is a 404."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail

from opengov.reports.models import Report
from opengov.reports.reporter_links import report_for_reporter_token, reporter_token
from opengov.reports.services import report_follow, report_submit, report_transition
from opengov.reports.tests.conftest import LAT, LON, NOW

pytestmark = pytest.mark.django_db

ANON = "anon.reporter@example.net"
PUBLIC_URL = "https://opengov.example.go.th"
LINK = re.compile(re.escape(PUBLIC_URL) + r"(/reports/reporter/[^/\s]+/)")


@pytest.fixture(autouse=True)
def public_url(settings):
    settings.OPENGOV_PUBLIC_URL = PUBLIC_URL


@pytest.fixture
def anon_report(agency_a, frozen, django_capture_on_commit_callbacks) -> Report:
    with django_capture_on_commit_callbacks(execute=True):
        report = report_submit(
            channel="web",
            category="waste_burning",
            lat=LAT,
            lon=LON,
            seen_at=NOW,
            contact_email=ANON,
        ).report
    Report.objects.filter(pk=report.pk).update(organisation=agency_a)
    report.refresh_from_db()
    return report


def _step(report, officer, to_status, capture, note="Checked on site"):
    with capture(execute=True):
        report_transition(actor=officer, report=report, to_status=to_status, note=note)
    report.refresh_from_db()


def _link(message) -> str:
    found = LINK.findall(message.body)
    assert len(found) == 1, message.body
    return str(found[0])


def test_reporter_mail_carries_the_link_and_followers_mail_does_not(
    anon_report, officer_a, django_capture_on_commit_callbacks
):
    assert [m.to for m in mail.outbox] == [[ANON]]  # "received"
    report_follow(report=anon_report, email="Neighbour@Example.net")
    mail.outbox.clear()
    _step(anon_report, officer_a, "acknowledged", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[ANON], ["neighbour@example.net"]]
    path = _link(mail.outbox[0])
    assert path.startswith("/reports/reporter/")
    assert "/reports/reporter/" not in mail.outbox[1].body
    assert report_for_reporter_token(path.split("/")[3]) == anon_report


def test_anonymous_reporter_rates_and_reopens_through_the_link(
    anon_report, officer_a, client, django_capture_on_commit_callbacks
):
    _step(anon_report, officer_a, "not_relevant", django_capture_on_commit_callbacks)
    path = _link(mail.outbox[-1])
    page = client.get(path)
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "no-referrer"
    assert "no-store" in page["Cache-Control"]
    body = page.content.decode()
    assert f"#{anon_report.pk}" in body
    assert 'value="rate"' in body and 'value="reopen"' in body

    response = client.post(path, {"action": "rate", "rating": "4"})
    assert (response.status_code, response["Location"]) == (302, path)
    anon_report.refresh_from_db()
    assert anon_report.rating == 4

    with django_capture_on_commit_callbacks(execute=True):
        client.post(path, {"action": "reopen", "note": "Still burning every evening"})
    anon_report.refresh_from_db()
    assert (anon_report.status, anon_report.reopen_count, anon_report.closed_at) == (
        "reopened",
        1,
        None,
    )
    step = anon_report.transitions.order_by("id").last()
    assert (step.actor_id, step.actor_role, step.note) == (
        None,
        "reporter",
        "Still burning every evening",
    )
    assert mail.outbox[-1].to == [ANON]  # the re-opening is announced too


def test_reopen_window_is_14_days(
    anon_report, officer_a, client, frozen, django_capture_on_commit_callbacks
):
    _step(anon_report, officer_a, "not_relevant", django_capture_on_commit_callbacks)
    path = _link(mail.outbox[-1])
    frozen.shift(timedelta(days=14, minutes=1))
    page = client.get(path).content.decode()
    assert 'value="reopen"' not in page
    response = client.post(path, {"action": "reopen", "note": "Again"}, follow=True)
    assert "ภายใน 14 วัน" in response.content.decode()
    anon_report.refresh_from_db()
    assert (anon_report.status, anon_report.reopen_count) == ("not_relevant", 0)


def test_rating_an_open_report_is_refused(anon_report, client):
    path = f"/reports/reporter/{reporter_token(anon_report)}/"
    assert 'value="rate"' not in client.get(path).content.decode()
    client.post(path, {"action": "rate", "rating": "5"})
    anon_report.refresh_from_db()
    assert anon_report.rating is None


def test_stop_and_resume_the_messages(
    anon_report, officer_a, client, django_capture_on_commit_callbacks
):
    report_follow(report=anon_report, email="neighbour@example.net")
    path = f"/reports/reporter/{reporter_token(anon_report)}/"
    client.post(path, {"action": "stop"})
    anon_report.refresh_from_db()
    assert anon_report.reporter_notifications is False
    mail.outbox.clear()
    _step(anon_report, officer_a, "acknowledged", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["neighbour@example.net"]]
    client.post(path, {"action": "resume"})
    mail.outbox.clear()
    _step(anon_report, officer_a, "in_progress", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[ANON], ["neighbour@example.net"]]


def test_bad_tokens_are_404_never_500(anon_report, client, frozen):
    token = reporter_token(anon_report)
    payload, stamp, signature = token.split(":")
    other = Report.objects.create(
        channel="web", category="other", seen_at=NOW, address="x", contact_email="o@example.net"
    )
    forged = f"{reporter_token(other).split(':')[0]}:{stamp}:{signature}"
    for bad in [
        "nonsense",
        "a:b:c",
        f"{payload}:{stamp}:{signature[:-2]}xx",
        forged,
        token.replace(":", "", 1),
        "%00",
    ]:
        assert client.get(f"/reports/reporter/{bad}/").status_code == 404, bad
        assert client.post(f"/reports/reporter/{bad}/", {"action": "stop"}).status_code == 404
    path = f"/reports/reporter/{token}/"
    assert client.get(path).status_code == 200
    frozen.shift(timedelta(days=91))
    assert client.get(path).status_code == 404


def test_hidden_report_or_erased_contact_voids_the_link(anon_report, client):
    path = f"/reports/reporter/{reporter_token(anon_report)}/"
    Report.objects.filter(pk=anon_report.pk).update(is_hidden=True)
    assert client.get(path).status_code == 404
    Report.objects.filter(pk=anon_report.pk).update(is_hidden=False)
    assert client.get(path).status_code == 200
    Report.objects.filter(pk=anon_report.pk).update(contact_email="")  # PDPA erasure
    assert client.get(path).status_code == 404
    assert client.post(path, {"action": "stop"}).status_code == 404


def test_signed_in_reporters_link_works_too(report_a, officer_a, citizen, client):
    path = f"/reports/reporter/{reporter_token(report_a)}/"
    assert client.get(path).status_code == 200
    client.post(path, {"action": "stop"})
    report_a.refresh_from_db()
    assert report_a.reporter_notifications is False
