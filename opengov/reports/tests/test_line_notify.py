"""Status updates by LINE push: one push per status change of a report made through LINE, with the
transition's UUID as X-Line-Retry-Key; nothing for other channels; a 409 (already sent) is fine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from linebot.v3.messaging import ApiException

from opengov.reports.line.tasks import line_status_push
from opengov.reports.models import ReportTransition
from opengov.reports.services import report_submit, report_transition
from opengov.reports.tests import line_support
from opengov.reports.tests.conftest import LAT, LON, NOW
from opengov.reports.tests.line_support import USER

line_api = line_support.line_api  # the fixture

pytestmark = pytest.mark.django_db


def _submit(organisation, channel: str = "line"):
    report = report_submit(
        channel=channel,
        category="farm_burning",
        seen_at=NOW - timedelta(minutes=20),
        lat=LAT,
        lon=LON,
        channel_user_ref=USER if channel == "line" else "",
        contact_email="" if channel == "line" else "someone@example.com",
    ).report
    report.organisation = organisation  # no boundary data in these tests: route by hand
    report.save()
    return report


def test_each_status_change_is_pushed_once_with_its_retry_key(
    line_api, frozen, officer_a, agency_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = _submit(agency_a)
    assert line_api.messaging.push_message.call_count == 0  # the bot's reply announced it
    with django_capture_on_commit_callbacks(execute=True):
        report_transition(
            actor=officer_a, report=report, to_status="acknowledged", note="รับเรื่องแล้ว จะออกตรวจวันนี้"
        )
    with django_capture_on_commit_callbacks(execute=True):
        report_transition(
            actor=officer_a, report=report, to_status="in_progress", note="ส่งเจ้าหน้าที่ไปดับไฟแล้ว"
        )
    steps = list(ReportTransition.objects.filter(report=report).order_by("id"))[1:]
    calls = line_api.messaging.push_message.call_args_list
    assert [c.kwargs["x_line_retry_key"] for c in calls] == [str(s.uuid) for s in steps]
    assert [c.args[0].to for c in calls] == [USER, USER]
    first, second = (c.args[0].messages[0].text for c in calls)
    assert f"เรื่องแจ้งหมายเลข {report.pk}" in first
    assert "รับเรื่องแล้ว" in first
    assert "กำลังดำเนินการ" in second
    assert "ส่งเจ้าหน้าที่ไปดับไฟแล้ว" in second
    assert f"https://opengov.example.go.th/reports/{report.pk}/" in second


def test_reports_of_other_channels_are_not_pushed(
    line_api, frozen, officer_a, agency_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = _submit(agency_a, "web")
    with django_capture_on_commit_callbacks(execute=True):
        report_transition(
            actor=officer_a, report=report, to_status="acknowledged", note="รับเรื่องแล้ว จะออกตรวจวันนี้"
        )
    assert line_api.messaging.push_message.call_count == 0


def test_retry_after_an_accepted_push_is_not_an_error(line_api, frozen, officer_a, agency_a):
    report = _submit(agency_a)
    report_transition(
        actor=officer_a, report=report, to_status="acknowledged", note="รับเรื่องแล้ว จะออกตรวจวันนี้"
    )
    step = ReportTransition.objects.filter(report=report).order_by("id").last()
    assert step is not None
    line_api.messaging.push_message.side_effect = ApiException(status=409, reason="Conflict")
    assert line_status_push.call(report.pk, step.pk, str(step.uuid)) is True
    line_api.messaging.push_message.side_effect = ApiException(status=500, reason="Error")
    with pytest.raises(ApiException):
        line_status_push.call(report.pk, step.pk, str(step.uuid))
