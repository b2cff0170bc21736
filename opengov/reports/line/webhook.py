"""Processing a verified webhook body: de-duplication on ``webhookEventId``, one transaction per
event, replies after the commit.

Handled: ``message``, ``postback``, ``follow`` and ``unfollow`` events from a user in a one-to-one
chat in ``active`` mode. Ignored (acknowledged, nothing done): groups and rooms, ``standby`` mode,
every other event type including the SDK's ``UnknownEvent``. An event id seen before is a
duplicate and has no effect. A redelivered event (``deliveryContext.isRedelivery``) is answered
by a push with a retry key derived from its id, because its reply token has likely expired."""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any, Final

from django.db import IntegrityError, transaction
from django.utils import translation
from linebot.v3 import WebhookParser
from linebot.v3.messaging import PushMessageRequest, ReplyMessageRequest
from linebot.v3.webhooks import (
    FollowEvent,
    ImageMessageContent,
    LocationMessageContent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
    UnfollowEvent,
    UserSource,
)

from opengov.reports.line import conversation
from opengov.reports.line.client import messaging_api
from opengov.reports.line.models import LineWebhookEvent

logger = logging.getLogger(__name__)

HANDLED, IGNORED, DUPLICATE = "handled", "ignored", "duplicate"
MAX_REPLY_MESSAGES: Final = 5
# Namespace of the retry keys of pushes that answer a redelivered event.
REDELIVERY_NAMESPACE: Final = uuid.UUID("3f7c1a4e-2b9d-5e8f-a6c1-0d4b7e9f2a31")


@dataclass(frozen=True)
class Outcome:
    event_type: str
    result: str  # HANDLED, IGNORED or DUPLICATE


def webhook_parse(*, body: bytes, signature: str, channel_secret: str) -> list[Any]:
    """The SDK's events of a webhook body whose ``X-Line-Signature`` is valid: HMAC-SHA256 of the
    raw bytes with the channel secret, base64, compared in constant time.

    Raises ``linebot.v3.exceptions.InvalidSignatureError`` for a wrong signature, ``ValueError``
    for a body that is not UTF-8 JSON with an ``events`` list."""
    parser = WebhookParser(channel_secret, skip_signature_verification=lambda: False)
    text = body.decode("utf-8")  # the SDK signs text; UTF-8 round-trips the exact bytes
    try:
        payload = parser.parse(text, signature, as_payload=True)
    except (KeyError, TypeError) as error:
        raise ValueError(f"not a LINE webhook body: {error}") from error
    return list(payload.events or [])


def _inbound(event: Any) -> conversation.Inbound | None:
    """The conversation input of an event we handle, or None for one we ignore."""
    source = getattr(event, "source", None)
    if not isinstance(source, UserSource) or not source.user_id:
        return None
    if str(getattr(event.mode, "value", event.mode)) != "active":
        return None
    base = {"user_id": source.user_id, "webhook_event_id": event.webhook_event_id}
    if isinstance(event, FollowEvent):
        return conversation.Inbound(kind=conversation.FOLLOW, **base)
    if isinstance(event, UnfollowEvent):
        return conversation.Inbound(kind=conversation.UNFOLLOW, **base)
    if isinstance(event, PostbackEvent):
        return conversation.Inbound(kind=conversation.POSTBACK, text=event.postback.data, **base)
    if not isinstance(event, MessageEvent):
        return None
    message = event.message
    if isinstance(message, TextMessageContent):
        return conversation.Inbound(kind=conversation.TEXT, text=message.text, **base)
    if isinstance(message, LocationMessageContent):
        return conversation.Inbound(
            kind=conversation.LOCATION,
            lat=float(message.latitude),
            lon=float(message.longitude),
            address=message.address or message.title or "",
            **base,
        )
    if isinstance(message, ImageMessageContent):
        image_set = message.image_set
        return conversation.Inbound(
            kind=conversation.IMAGE,
            message_id=message.id,
            image_set_id=image_set.id if image_set is not None else "",
            image_set_total=(image_set.total or 0) if image_set is not None else 0,
            from_line=message.content_provider.type == "line",
            **base,
        )
    return conversation.Inbound(kind=conversation.OTHER, **base)


def _first_seen(event_id: str, event_type: str, is_redelivery: bool) -> bool:
    try:
        with transaction.atomic():
            LineWebhookEvent.objects.create(
                webhook_event_id=event_id, event_type=event_type, is_redelivery=is_redelivery
            )
    except IntegrityError:
        return False
    return True


def _send(event: Any, user_id: str, messages: list[Any], is_redelivery: bool) -> None:
    messages = messages[:MAX_REPLY_MESSAGES]
    try:
        with messaging_api() as api:
            if is_redelivery or not getattr(event, "reply_token", None):
                retry_key = uuid.uuid5(REDELIVERY_NAMESPACE, event.webhook_event_id)
                api.push_message(
                    PushMessageRequest(to=user_id, messages=messages),
                    x_line_retry_key=str(retry_key),
                )
            else:
                api.reply_message(
                    ReplyMessageRequest(reply_token=event.reply_token, messages=messages)
                )
    except Exception:  # the state is saved; a lost answer must not fail the webhook
        logger.exception("LINE answer to event %s failed", event.webhook_event_id)


def event_process(event: Any, *, base_url: str) -> Outcome:
    """Process one parsed event (see the module docstring for what is handled)."""
    event_type = str(getattr(event, "type", "") or "unknown")
    event_id = getattr(event, "webhook_event_id", "") or ""
    context = getattr(event, "delivery_context", None)
    is_redelivery = bool(getattr(context, "is_redelivery", False))
    if not event_id:
        return Outcome(event_type, IGNORED)
    inbound = _inbound(event)
    with transaction.atomic():
        if not _first_seen(event_id, event_type, is_redelivery):
            return Outcome(event_type, DUPLICATE)
        if inbound is None:
            return Outcome(event_type, IGNORED)
        with translation.override("th"):
            messages = conversation.conversation_handle(inbound, base_url=base_url)
    if messages:
        _send(event, inbound.user_id, messages, is_redelivery)
    return Outcome(event_type, HANDLED)


def events_process(events: list[Any], *, base_url: str) -> list[Outcome]:
    """Process the events of one webhook body in order; an event that fails is logged, rolled
    back (its id is not kept, so a redelivery tries again) and does not stop the others."""
    outcomes: list[Outcome] = []
    for event in events:
        try:
            outcomes.append(event_process(event, base_url=base_url))
        except Exception:
            logger.exception("LINE event %s failed", getattr(event, "webhook_event_id", "?"))
            outcomes.append(Outcome(str(getattr(event, "type", "unknown")), "failed"))
    if outcomes:
        logger.info("LINE webhook: %s", dict(Counter(o.result for o in outcomes)))
    return outcomes
