"""Helpers of the LINE channel tests: signed webhook bodies built here (HMAC-SHA256 of the exact
bytes, base64, as LINE signs them), a mocked LINE API (no network), tasks run at once."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import itertools
import json
from typing import Any
from unittest import mock

import pytest
from PIL import Image

SECRET = "test-channel-secret"
TOKEN = "test-channel-access-token"
USER = "U4af4980629a0b1c2d3e4f5a6b7c8d9e0"
_ids = itertools.count(1)


def sign(body: bytes, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def body_of(*events: dict[str, Any]) -> bytes:
    return json.dumps(
        {"destination": "Ubot0000000000000000000000000000", "events": list(events)},
        ensure_ascii=False,
    ).encode("utf-8")


def event(
    kind: str, *, user: str = USER, event_id: str = "", redelivery: bool = False, **extra: Any
) -> dict[str, Any]:
    """A webhook event of ``kind`` from ``user`` with a fresh ``webhookEventId``."""
    number = next(_ids)
    data: dict[str, Any] = {
        "type": kind,
        "mode": "active",
        "timestamp": 1796000000000 + number,
        "source": {"type": "user", "userId": user},
        "webhookEventId": event_id or f"01TESTEVENT{number:015d}",
        "deliveryContext": {"isRedelivery": redelivery},
    }
    if kind in ("message", "postback", "follow"):
        data["replyToken"] = f"reply-token-{number}"
    if kind == "follow":
        data["follow"] = {"isUnblocked": False}
    data.update(extra)
    return data


def text(value: str, **kw: Any) -> dict[str, Any]:
    message = {"id": str(next(_ids)), "type": "text", "text": value, "quoteToken": "q"}
    return event("message", message=message, **kw)


def postback(data: str, **kw: Any) -> dict[str, Any]:
    return event("postback", postback={"data": data}, **kw)


def location(lat: float, lon: float, address: str = "", **kw: Any) -> dict[str, Any]:
    message = {
        "id": str(next(_ids)),
        "type": "location",
        "title": "ตำแหน่งที่ปักหมุด",
        "address": address,
        "latitude": lat,
        "longitude": lon,
    }
    return event("message", message=message, **kw)


def image(message_id: str, *, image_set: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
    message: dict[str, Any] = {
        "id": message_id,
        "type": "image",
        "contentProvider": {"type": "line"},
        "quoteToken": "q",
    }
    if image_set is not None:
        message["imageSet"] = image_set
    return event("message", message=message, **kw)


def jpeg(color: tuple[int, int, int] = (180, 90, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, format="JPEG")
    return out.getvalue()


class LineApi:
    """The mocked ``MessagingApi`` / ``MessagingApiBlob``: what was sent, what can be fetched."""

    def __init__(self) -> None:
        self.messaging = mock.MagicMock(name="MessagingApi")
        self.blob = mock.MagicMock(name="MessagingApiBlob")
        self.contents: dict[str, bytes] = {}
        self.blob.get_message_content.side_effect = lambda message_id: bytearray(
            self.contents[message_id]
        )

    def replies(self) -> list[list[str]]:
        """The texts of each reply, in order."""
        return [
            [m.text for m in c.args[0].messages]
            for c in self.messaging.reply_message.call_args_list
        ]

    def last_reply(self) -> str:
        return "\n".join(self.replies()[-1])


@pytest.fixture
def line_api(settings):
    """LINE configured with the test secret and token; SDK clients mocked; tasks run at once."""
    settings.LINE_CHANNEL_SECRET = SECRET
    settings.LINE_CHANNEL_ACCESS_TOKEN = TOKEN
    settings.OPENGOV_PUBLIC_URL = "https://opengov.example.go.th"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    api = LineApi()
    with (
        mock.patch("opengov.reports.line.client.MessagingApi", return_value=api.messaging),
        mock.patch("opengov.reports.line.client.MessagingApiBlob", return_value=api.blob),
    ):
        yield api


def post(client, body: bytes, signature: str | None = None, capture=None):
    """POST a webhook body signed with the test secret (or ``signature``); runs the callbacks the
    request scheduled after commit when ``capture`` (``django_capture_on_commit_callbacks``) is
    given."""
    headers = {"HTTP_X_LINE_SIGNATURE": sign(body) if signature is None else signature}
    if capture is None:
        return client.post("/line/webhook", body, content_type="application/json", **headers)
    with capture(execute=True):
        return client.post("/line/webhook", body, content_type="application/json", **headers)
