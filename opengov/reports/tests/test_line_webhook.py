"""LINE webhook: signature on the raw body (spec §7.2 vectors and the SDK's real 28-event fixture),
acknowledgement counts per event type, de-duplication on webhookEventId, redeliveries."""

from __future__ import annotations

import json
import uuid
from collections import Counter

import pytest
from django.conf import settings as django_settings
from linebot.v3.exceptions import InvalidSignatureError

from opengov.reports.line.models import LineConversation, LineWebhookEvent
from opengov.reports.line.webhook import REDELIVERY_NAMESPACE, events_process, webhook_parse
from opengov.reports.tests import line_support
from opengov.reports.tests.line_support import (
    USER,
    body_of,
    post,
    sign,
    text,
)

line_api = line_support.line_api  # the fixture

FIXTURE = "wire/line/webhook_sdk-fixture_28-events.json"
FIXTURE_SIGNATURE = "Ay5km4RvdSHwBk4SxsPtjeTNSHvZV7frV7Z7kVGAEKc="


def _fixture_bytes() -> bytes:
    return (django_settings.OPENGOV_DATA_DIR / FIXTURE).read_bytes()


def test_signature_vectors_of_the_spec():
    assert sign(b"bodybodybodybody", "channel_secret") == (
        "/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k="
    )
    body = b'{"destination":"Uxxxxxxxx","events":[]}'
    signature = "A0BAs2NDxQaG3DB0p/q3uCjyOaH36vLfNsOgo+6fMK0="
    assert sign(body, "testsecret") == signature
    assert webhook_parse(body=body, signature=signature, channel_secret="testsecret") == []
    with pytest.raises(InvalidSignatureError):
        webhook_parse(body=body, signature=signature, channel_secret="othersecret")
    fixture = _fixture_bytes()
    assert len(fixture) == 14_323
    assert sign(fixture, "channel_secret") == FIXTURE_SIGNATURE


@pytest.mark.django_db
def test_real_sample_is_verified_and_acknowledged(client, line_api, settings):
    """All 28 events of the SDK fixture share one webhookEventId: the first is handled (a help
    reply to "Hello, world"), the other 27 are duplicates of it."""
    settings.LINE_CHANNEL_SECRET = "channel_secret"
    response = post(client, _fixture_bytes(), FIXTURE_SIGNATURE)
    assert response.status_code == 200
    assert response.json() == {"handled": 1, "duplicate": 27}
    assert list(LineWebhookEvent.objects.values_list("webhook_event_id", "event_type")) == [
        ("testwebhookeventid", "message")
    ]
    assert line_api.messaging.reply_message.call_count == 1
    reply = line_api.messaging.reply_message.call_args.args[0]
    assert reply.reply_token == "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA"
    assert "แจ้งเหตุ" in reply.messages[0].text


@pytest.mark.django_db
def test_tampered_or_unsigned_body_is_refused_and_nothing_processed(client, line_api, settings):
    settings.LINE_CHANNEL_SECRET = "channel_secret"
    tampered = _fixture_bytes().replace(b"Hello, world", b"Hello, World", 1)
    assert post(client, tampered, FIXTURE_SIGNATURE).status_code == 400
    assert post(client, _fixture_bytes(), "").status_code == 400
    assert post(client, _fixture_bytes(), sign(_fixture_bytes(), "wrong")).status_code == 400
    # Re-serialised JSON (same content, other bytes) does not carry the signature either.
    reserialised = json.dumps(json.loads(_fixture_bytes())).encode()
    assert post(client, reserialised, FIXTURE_SIGNATURE).status_code == 400
    assert LineWebhookEvent.objects.count() == 0
    assert line_api.messaging.reply_message.call_count == 0
    assert line_api.messaging.push_message.call_count == 0


@pytest.mark.django_db
def test_signed_body_that_is_not_a_webhook_is_refused(client, line_api):
    assert post(client, b'{"destination": "U1"}').status_code == 400
    assert post(client, b"\xff\xfe not utf-8").status_code == 400
    assert post(client, b"not json").status_code == 400


@pytest.mark.django_db
def test_every_fixture_event_type_handled_or_ignored(line_api):
    """With an id of its own, each event of the fixture is handled (a user's message, postback,
    follow or unfollow) or ignored (groups, rooms, every other type, the unknown one)."""
    data = json.loads(_fixture_bytes())
    for number, item in enumerate(data["events"]):
        item["webhookEventId"] = f"fixture-{number:02d}"
    body = json.dumps(data).encode()
    events = webhook_parse(body=body, signature=sign(body), channel_secret=line_api_secret())
    assert len(events) == 28
    outcomes = Counter((o.event_type, o.result) for o in events_process(events, base_url=""))
    assert outcomes == {
        ("message", "handled"): 8,  # text ×2, video, audio, location, sticker, file, image
        ("message", "ignored"): 3,  # an image in a room, a text in a group, a text in a room
        ("postback", "handled"): 4,
        ("follow", "handled"): 1,
        ("unfollow", "handled"): 1,
        ("join", "ignored"): 1,
        ("leave", "ignored"): 1,
        ("beacon", "ignored"): 2,
        ("accountLink", "ignored"): 1,
        ("memberJoined", "ignored"): 1,
        ("memberLeft", "ignored"): 1,
        ("unsend", "ignored"): 1,
        ("videoPlayComplete", "ignored"): 1,
        ("messageEdited", "ignored"): 1,
        ("undefined", "ignored"): 1,
    }
    assert LineWebhookEvent.objects.count() == 28
    # Answers: 7 messages and 4 postbacks get help, the follow the welcome: 12 replies; the
    # redelivered text is answered by one push (its reply token is likely gone).
    assert line_api.messaging.reply_message.call_count == 12
    assert line_api.messaging.push_message.call_count == 1
    assert LineConversation.objects.count() == 0


def line_api_secret() -> str:
    return django_settings.LINE_CHANNEL_SECRET


@pytest.mark.django_db
def test_same_event_twice_has_one_effect(client, line_api):
    body = body_of(text("แจ้งเหตุ", event_id="01DUPLICATEEVENT000000000001"))
    assert post(client, body).json() == {"handled": 1}
    assert post(client, body).json() == {"duplicate": 1}
    redelivered = body_of(text("แจ้งเหตุ", event_id="01DUPLICATEEVENT000000000001", redelivery=True))
    assert post(client, redelivered).json() == {"duplicate": 1}
    assert LineWebhookEvent.objects.count() == 1
    assert LineConversation.objects.count() == 1
    assert line_api.messaging.reply_message.call_count == 1
    assert line_api.messaging.push_message.call_count == 0


@pytest.mark.django_db
def test_first_seen_redelivery_is_processed_and_answered_by_push(client, line_api):
    body = body_of(text("แจ้งเหตุ", event_id="01REDELIVERED0000000000001", redelivery=True))
    assert post(client, body).json() == {"handled": 1}
    assert LineWebhookEvent.objects.get().is_redelivery is True
    assert line_api.messaging.reply_message.call_count == 0
    push = line_api.messaging.push_message.call_args
    assert push.args[0].to == USER
    assert push.kwargs["x_line_retry_key"] == str(
        uuid.uuid5(REDELIVERY_NAMESPACE, "01REDELIVERED0000000000001")
    )
    assert LineConversation.objects.get(user_id=USER).step == "category"


@pytest.mark.django_db
def test_channel_off_without_secret_and_unavailable_without_token(client, settings):
    body = body_of(text("hello"))
    settings.LINE_CHANNEL_SECRET = ""
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    assert post(client, body).status_code == 404
    settings.LINE_CHANNEL_SECRET = "test-channel-secret"
    assert post(client, body).status_code == 503
    assert LineWebhookEvent.objects.count() == 0


@pytest.mark.django_db
def test_webhook_is_post_only_and_needs_no_csrf_token(line_api, settings):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.get("/line/webhook").status_code == 405
    assert post(strict, body_of(text("hello"))).status_code == 200
