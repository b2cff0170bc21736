"""LINE: after the location, same-category reports within 500 m and 48 h are offered to follow
instead ("follow this one instead"): following subscribes the LINE user, ends the draft and makes
no report; "new report" goes on. The confirmation carries the reporter's private link."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from opengov.reports.line.models import LineConversation
from opengov.reports.models import Report, ReportFollower
from opengov.reports.reporter_links import report_for_reporter_token
from opengov.reports.services import report_submit, report_transition
from opengov.reports.tests import line_support
from opengov.reports.tests.conftest import LAT, LON, NOW
from opengov.reports.tests.line_support import USER, body_of, event, location, post, postback, text

line_api = line_support.line_api  # the fixture

pytestmark = pytest.mark.django_db

NEAR_LAT = LAT + 0.002  # about 222 m north


@pytest.fixture
def say(client, line_api, django_capture_on_commit_callbacks, frozen):
    def send(*events):
        response = post(client, body_of(*events), capture=django_capture_on_commit_callbacks)
        assert response.status_code == 200
        return response.json()

    return send


@pytest.fixture
def existing(agency_a, frozen) -> Report:
    report = report_submit(
        channel="web",
        category="forest_fire",
        lat=LAT,
        lon=LON,
        seen_at=NOW - timedelta(hours=2),
        contact_email="first.reporter@example.net",
    ).report
    Report.objects.filter(pk=report.pk).update(organisation=agency_a)
    report.refresh_from_db()
    return report


def _items(line_api):
    return line_api.messaging.reply_message.call_args.args[0].messages[-1].quick_reply.items


def test_follow_this_one_instead(
    say, line_api, existing, officer_a, frozen, django_capture_on_commit_callbacks
):
    frozen.shift(timedelta(hours=20))
    say(text("แจ้งเหตุ"), postback("category=forest_fire"), location(NEAR_LAT, LON))
    assert LineConversation.objects.get().step == "nearby"
    offer = line_api.last_reply()
    assert "48 ชั่วโมง" in offer
    assert f"#{existing.pk} ไฟป่า ห่างออกไป 222 เมตร" in offer
    assert [i.action.data for i in _items(line_api)] == [
        f"follow={existing.pk}",
        "cmd=new",
        "cmd=cancel",
    ]
    assert _items(line_api)[0].action.label == f"ติดตาม #{existing.pk}"
    say(postback(f"follow={existing.pk}"))
    assert Report.objects.count() == 1
    assert LineConversation.objects.count() == 0
    follower = ReportFollower.objects.get()
    assert (follower.report_id, follower.line_user_id, follower.user_id, follower.email) == (
        existing.pk,
        USER,
        None,
        "",
    )
    reply = line_api.last_reply()
    assert f"ติดตามเรื่องแจ้งหมายเลข {existing.pk} แล้ว" in reply
    assert f"https://opengov.example.go.th/reports/{existing.pk}/" in reply
    assert "/reports/reporter/" not in reply

    # The follower is pushed every step, with a retry key of their own.
    with django_capture_on_commit_callbacks(execute=True):
        step = report_transition(
            actor=officer_a, report=existing, to_status="acknowledged", note="ออกตรวจแล้ว"
        )
    (call,) = line_api.messaging.push_message.call_args_list
    assert call.args[0].to == USER
    assert call.kwargs["x_line_retry_key"] == str(uuid.uuid5(step.uuid, USER))
    pushed = call.args[0].messages[0].text
    assert f"เรื่องแจ้งหมายเลข {existing.pk}" in pushed and "ออกตรวจแล้ว" in pushed
    assert "/reports/reporter/" not in pushed  # the reporter's link is not theirs

    # Unfollowing the bot forgets what they follow (PDPA).
    say(event("unfollow"))
    assert ReportFollower.objects.count() == 0


def test_new_report_instead_goes_on_to_photos(say, line_api, existing):
    say(text("แจ้งเหตุ"), postback("category=forest_fire"), location(NEAR_LAT, LON))
    say(postback(f"follow={existing.pk + 99}"))  # not offered: asked again
    assert LineConversation.objects.get().step == "nearby"
    assert "48 ชั่วโมง" in line_api.last_reply()
    say(postback("cmd=new"))
    assert LineConversation.objects.get().step == "photos"
    say(postback("cmd=skip"), postback("cmd=confirm"))
    assert Report.objects.count() == 2
    assert ReportFollower.objects.count() == 0
    made = Report.objects.exclude(pk=existing.pk).get()
    reply = line_api.last_reply()
    assert f"https://opengov.example.go.th/reports/{made.pk}/" in reply
    token = reply.split("https://opengov.example.go.th/reports/reporter/")[1].split("/")[0]
    assert report_for_reporter_token(token) == made


@pytest.mark.parametrize(
    ("category", "lat", "shift_hours"),
    [
        ("farm_burning", NEAR_LAT, 0),  # another category
        ("forest_fire", LAT + 0.006, 0),  # about 667 m away
        ("forest_fire", NEAR_LAT, 49),  # the other report was made over 48 hours ago
    ],
)
def test_no_offer_when_nothing_matches(say, line_api, existing, frozen, category, lat, shift_hours):
    frozen.shift(timedelta(hours=shift_hours))
    say(text("แจ้งเหตุ"), postback(f"category={category}"), location(lat, LON))
    assert LineConversation.objects.get().step == "photos"
    assert "ส่งรูป" in line_api.last_reply()


def test_typed_address_has_no_offer(say, line_api, existing):
    say(text("แจ้งเหตุ"), postback("category=forest_fire"), text("ดอยสุเทพ ใกล้วัด"))
    assert LineConversation.objects.get().step == "photos"


def test_line_reporter_push_carries_the_link_until_stopped(
    line_api, agency_a, officer_a, client, frozen, django_capture_on_commit_callbacks
):
    report = report_submit(
        channel="line", category="other", seen_at=NOW, lat=LAT, lon=LON, channel_user_ref=USER
    ).report
    Report.objects.filter(pk=report.pk).update(organisation=agency_a)
    report.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        report_transition(actor=officer_a, report=report, to_status="acknowledged", note="รับแล้ว")
    (call,) = line_api.messaging.push_message.call_args_list
    pushed = call.args[0].messages[0].text
    path = "/reports/reporter/" + pushed.split("/reports/reporter/")[1].split("/")[0] + "/"
    assert "ลิงก์ส่วนตัวของคุณ" in pushed
    client.post(path, {"action": "stop"})
    with django_capture_on_commit_callbacks(execute=True):
        report_transition(actor=officer_a, report=report, to_status="in_progress", note="ไปแล้ว")
    assert line_api.messaging.push_message.call_count == 1
