"""The LINE reporting conversation through signed webhook calls: category → location → photos →
confirm makes exactly one report; cancel, expiry, typed address, photo sets, follow/unfollow."""

from __future__ import annotations

from datetime import timedelta

import pytest

from opengov.reports.line.models import LineConversation, LineConversationPhoto
from opengov.reports.models import Report
from opengov.reports.tests import line_support
from opengov.reports.tests.conftest import LAT, LON, NOW
from opengov.reports.tests.line_support import (
    USER,
    body_of,
    event,
    image,
    jpeg,
    location,
    post,
    postback,
    text,
)

line_api = line_support.line_api  # the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def say(client, line_api, django_capture_on_commit_callbacks, frozen):
    """Send events as the test user; returns the JSON counts."""

    def send(*events):
        response = post(client, body_of(*events), capture=django_capture_on_commit_callbacks)
        assert response.status_code == 200
        return response.json()

    return send


def test_full_conversation_makes_one_report(say, line_api):
    line_api.contents = {"500000000000000001": jpeg(), "500000000000000002": jpeg((10, 10, 10))}
    say(text("แจ้งเหตุ"))
    assert "เลือกประเภท" in line_api.last_reply()
    assert [i.action.data for i in _quick_items(line_api)][:6] == [
        "category=farm_burning",
        "category=forest_fire",
        "category=waste_burning",
        "category=factory_smoke",
        "category=vehicle_smoke",
        "category=other",
    ]
    assert _quick_items(line_api)[0].action.label == "การเผาในพื้นที่เกษตร"
    say(postback("category=forest_fire"))
    assert [type(i.action).__name__ for i in _quick_items(line_api)] == [
        "LocationAction",
        "PostbackAction",
    ]
    say(location(LAT, LON, "ดอยสุเทพ เชียงใหม่"))
    assert "ส่งรูป" in line_api.last_reply()
    say(image("500000000000000001"))
    say(image("500000000000000002"))
    assert "รูปที่ 2" in line_api.last_reply()
    assert LineConversationPhoto.objects.filter(content__isnull=False).count() == 2
    say(postback("cmd=done"))
    summary = line_api.last_reply()
    assert "ไฟป่า" in summary
    assert "18.80500, 98.95000" in summary
    assert Report.objects.count() == 0
    confirm = postback("cmd=confirm", event_id="01CONFIRMEVENT00000000000001")
    say(confirm)
    report = Report.objects.get()
    assert (report.channel, report.category, report.lat, report.lon) == (
        "line",
        "forest_fire",
        LAT,
        LON,
    )
    assert report.address == "ดอยสุเทพ เชียงใหม่"
    assert report.channel_user_ref == USER
    assert report.reporter is None and report.contact_email == "" and report.contact_phone == ""
    assert report.idempotency_key == "line:01CONFIRMEVENT00000000000001"
    assert report.seen_at == NOW
    assert report.photos.count() == 2
    assert line_api.blob.get_message_content.call_count == 2
    assert f"https://opengov.example.go.th/reports/{report.pk}/" in line_api.last_reply()
    assert f"{report.pk}" in line_api.last_reply()
    assert LineConversation.objects.count() == 0
    assert LineConversationPhoto.objects.count() == 0
    # The same confirmation redelivered changes nothing.
    assert say(confirm) == {"duplicate": 1}
    assert Report.objects.count() == 1


def test_typed_address_and_skipped_photos(say, line_api):
    say(text("report"))
    say(text("3"))  # the third category
    say(text("หลังตลาดสันทราย ติดถนนสายหลัก"))
    say(text("ข้าม"))
    say(text("ยืนยัน"))
    report = Report.objects.get()
    assert (report.category, report.lat, report.lon) == ("waste_burning", None, None)
    assert report.address == "หลังตลาดสันทราย ติดถนนสายหลัก"
    assert report.photos.count() == 0


def test_cancel_at_any_step_deletes_the_draft(say, line_api):
    say(text("แจ้งเหตุ"), postback("category=farm_burning"))
    assert LineConversation.objects.get().step == "location"
    say(text("ยกเลิก"))
    assert LineConversation.objects.count() == 0
    assert "ยกเลิกแล้ว" in line_api.last_reply()
    say(text("แจ้งเหตุ"), postback("category=other"), location(LAT, LON))
    line_api.contents = {"600000000000000001": jpeg()}
    say(image("600000000000000001"))
    say(postback("cmd=cancel"))
    assert LineConversation.objects.count() == 0
    assert LineConversationPhoto.objects.count() == 0
    assert Report.objects.count() == 0


def test_draft_expires_after_30_minutes(say, line_api, frozen):
    say(text("แจ้งเหตุ"), postback("category=factory_smoke"))
    frozen.shift(timedelta(minutes=31))
    say(location(LAT, LON))
    assert LineConversation.objects.count() == 0
    replies = line_api.replies()[-1]
    assert len(replies) == 2
    assert "30 นาที" in replies[0]
    assert Report.objects.count() == 0


def test_draft_within_30_minutes_goes_on(say, line_api, frozen):
    say(text("แจ้งเหตุ"), postback("category=factory_smoke"))
    frozen.shift(timedelta(minutes=29))
    say(location(LAT, LON))
    assert LineConversation.objects.get().step == "photos"


def test_unknown_input_gets_help_or_the_question_again(say, line_api):
    say(text("สวัสดีครับ"))
    assert "แจ้งเหตุ" in line_api.last_reply()
    assert LineConversation.objects.count() == 0
    say(text("แจ้งเหตุ"))
    sticker = {"id": "1", "type": "sticker", "packageId": "1", "stickerId": "1", "quoteToken": "q"}
    say(event("message", message=sticker))
    assert "เลือกประเภท" in line_api.last_reply()
    assert LineConversation.objects.get().step == "category"


def test_photo_set_answers_once_and_stops_at_five(say, line_api):
    ids = [f"70000000000000000{n}" for n in range(1, 8)]
    line_api.contents = {message_id: jpeg() for message_id in ids}
    say(text("แจ้งเหตุ"), postback("category=forest_fire"), location(LAT, LON))
    before = line_api.messaging.reply_message.call_count
    say(
        *(
            image(m, image_set={"id": "SET1", "index": i, "total": 3})
            for i, m in enumerate(ids[:3], 1)
        )
    )
    assert line_api.messaging.reply_message.call_count == before + 1
    assert "รูปที่ 3" in line_api.last_reply()
    say(image(ids[3]), image(ids[4]))
    assert LineConversation.objects.get().step == "confirm"
    say(image(ids[5]))
    assert LineConversationPhoto.objects.count() == 5
    say(postback("cmd=confirm"))
    assert Report.objects.get().photos.count() == 5


def test_photos_still_downloading_hold_the_confirmation(say, line_api, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    say(text("แจ้งเหตุ"), postback("category=forest_fire"), location(LAT, LON))
    say(image("800000000000000001"), postback("cmd=done"), postback("cmd=confirm"))
    assert Report.objects.count() == 0
    assert "ยังส่งมาไม่ครบ" in line_api.last_reply()


def test_follow_links_the_privacy_notice_and_unfollow_forgets_the_draft(say, line_api):
    say(event("follow"))
    welcome = line_api.last_reply()
    assert "https://opengov.example.go.th/accounts/privacy/" in welcome
    say(text("แจ้งเหตุ"), postback("category=forest_fire"))
    assert LineConversation.objects.filter(user_id=USER).count() == 1
    say(event("unfollow"))
    assert LineConversation.objects.count() == 0


def _quick_items(line_api):
    return line_api.messaging.reply_message.call_args.args[0].messages[-1].quick_reply.items
