"""The reporting conversation of one LINE user: category → location → photos → confirm.

After the location, when visible open reports of the same category exist within 500 m and 48 h
(``reports_nearby``), the bot first offers to follow one of them instead ("follow this one
instead": the user is subscribed, the draft ends, no report is made) or to go on with a new one.

Each inbound event moves the user's draft (:class:`LineConversation`) one step and returns the
messages to answer with. A draft lives 30 minutes after the last event; "cancel" (``ยกเลิก``)
deletes it at any step, and so does an unfollow. Confirming calls ``report_submit`` with the
webhook event id as idempotency key, so a redelivered confirmation never makes a second report.
Runs inside the caller's transaction (one per webhook event)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Final

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from opengov.reports.line import texts
from opengov.reports.line.links import public_link
from opengov.reports.line.models import LineConversation, LineConversationPhoto, Step
from opengov.reports.models import Category, Report, ReportFollower
from opengov.reports.reporter_links import reporter_url
from opengov.reports.selectors import reports_nearby
from opengov.reports.services import report_follow, report_submit

TTL: Final = timedelta(minutes=30)

FOLLOW, UNFOLLOW, TEXT, POSTBACK, LOCATION, IMAGE, OTHER = (
    "follow",
    "unfollow",
    "text",
    "postback",
    "location",
    "image",
    "other",
)


@dataclass(frozen=True)
class Inbound:
    """One event from a LINE user, already taken out of the SDK model."""

    user_id: str
    webhook_event_id: str
    kind: str  # one of FOLLOW … OTHER
    text: str = ""  # typed text, or the postback data
    lat: float | None = None
    lon: float | None = None
    address: str = ""
    message_id: str = ""
    image_set_id: str = ""
    image_set_total: int = 0
    from_line: bool = True  # image content is held by LINE (not an external URL)


def _touch(conversation: LineConversation, step: str | None = None) -> None:
    if step is not None:
        conversation.step = step
    conversation.expires_at = timezone.now() + TTL
    conversation.save()


def _start(user_id: str) -> LineConversation:
    now = timezone.now()
    LineConversation.objects.filter(user_id=user_id).delete()
    return LineConversation.objects.create(user_id=user_id, started_at=now, expires_at=now + TTL)


def _summary(conversation: LineConversation) -> Any:
    if conversation.lat is not None and conversation.lon is not None:
        place = f"{conversation.lat:.5f}, {conversation.lon:.5f}"
        if conversation.address:
            place = f"{conversation.address} ({place})"
    else:
        place = conversation.address
    return texts.summary(
        category=str(Category(conversation.category).label),
        place=place,
        photo_count=conversation.photos.count(),
    )


def conversation_handle(inbound: Inbound, *, base_url: str) -> list[Any]:
    """Apply one event to the user's draft; returns the reply messages (SDK models, ≤ 5)."""
    if inbound.kind == FOLLOW:
        return [texts.welcome(public_link("accounts:privacy_notice", base_url=base_url))]
    if inbound.kind == UNFOLLOW:  # PDPA: the user left; forget the draft and what they follow
        LineConversation.objects.filter(user_id=inbound.user_id).delete()
        ReportFollower.objects.filter(line_user_id=inbound.user_id).delete()
        return []
    said = inbound.text if inbound.kind in (TEXT, POSTBACK) else ""
    command = texts.command_of(said)
    conversation = (
        LineConversation.objects.select_for_update().filter(user_id=inbound.user_id).first()
    )
    replies: list[Any] = []
    if conversation is not None and conversation.expires_at <= timezone.now():
        conversation.delete()
        conversation = None
        replies.append(texts.expired())
    if command == texts.CANCEL:
        if conversation is None:
            return [*replies, texts.help_text()]
        conversation.delete()
        return [texts.cancelled()]
    if command == texts.START:
        _start(inbound.user_id)
        return [*replies, texts.ask_category()]
    if conversation is None:
        return [*replies, texts.help_text()]
    step_handlers = {
        Step.CATEGORY: _on_category,
        Step.LOCATION: _on_location,
        Step.NEARBY: _on_nearby,
        Step.PHOTOS: _on_photos,
        Step.CONFIRM: _on_confirm,
    }
    return step_handlers[Step(conversation.step)](conversation, inbound, command, base_url)


def _on_category(c: LineConversation, inbound: Inbound, command: str, base_url: str) -> list[Any]:
    code = texts.category_of(inbound.text) if inbound.kind in (TEXT, POSTBACK) else ""
    if not code:
        _touch(c)
        return [texts.ask_category()]
    c.category = code
    _touch(c, Step.LOCATION)
    return [texts.ask_location()]


def _on_location(c: LineConversation, inbound: Inbound, command: str, base_url: str) -> list[Any]:
    if inbound.kind == LOCATION and inbound.lat is not None and inbound.lon is not None:
        c.lat, c.lon, c.address = inbound.lat, inbound.lon, inbound.address[:300]
    elif inbound.kind == TEXT and not command and inbound.text.strip():
        c.lat, c.lon, c.address = None, None, inbound.text.strip()[:300]
    else:
        _touch(c)
        return [texts.ask_location()]
    nearby = _nearby(c)
    if nearby:
        _touch(c, Step.NEARBY)
        return [_offer(nearby)]
    _touch(c, Step.PHOTOS)
    return [texts.ask_photos()]


def _nearby(c: LineConversation) -> list[tuple[Report, float]]:
    if c.lat is None or c.lon is None:
        return []
    return reports_nearby(category=c.category, lat=c.lat, lon=c.lon)


def _offer(nearby: list[tuple[Report, float]]) -> Any:
    return texts.offer_nearby(
        [(r.pk, r.get_category_display(), round(metres)) for r, metres in nearby]
    )


def _on_nearby(c: LineConversation, inbound: Inbound, command: str, base_url: str) -> list[Any]:
    nearby = _nearby(c)
    if command == texts.NEW or not nearby:
        _touch(c, Step.PHOTOS)
        return [texts.ask_photos()]
    chosen = texts.followed_of(inbound.text) if inbound.kind in (TEXT, POSTBACK) else None
    report = next((r for r, _metres in nearby if r.pk == chosen), None)
    if report is None:
        _touch(c)
        return [_offer(nearby)]
    report_follow(report=report, line_user_id=c.user_id)
    c.delete()
    url = public_link("reports:detail", base_url=base_url, pk=report.pk)
    return [texts.following(number=report.pk, url=url)]


def _on_photos(c: LineConversation, inbound: Inbound, command: str, base_url: str) -> list[Any]:
    if command in (texts.SKIP, texts.DONE, texts.CONFIRM):
        _touch(c, Step.CONFIRM)
        return [_summary(c)]
    if inbound.kind != IMAGE or not inbound.from_line:
        _touch(c)
        return [texts.ask_photos(c.photos.count())]
    count = c.photos.count()
    if count >= texts.MAX_PHOTOS:
        _touch(c, Step.CONFIRM)
        return [texts.too_many_photos(), _summary(c)]
    photo, created = LineConversationPhoto.objects.get_or_create(
        message_id=inbound.message_id,
        defaults={"conversation": c, "image_set_id": inbound.image_set_id},
    )
    if created:
        _photo_fetch_on_commit(photo.pk)
        count += 1
    if count >= texts.MAX_PHOTOS:
        _touch(c, Step.CONFIRM)
        return [_summary(c)]
    _touch(c)
    if inbound.image_set_id:
        # Several photos sent at once arrive as several events: answer once, for the last one.
        received = c.photos.filter(image_set_id=inbound.image_set_id).count()
        if received < inbound.image_set_total:
            return []
    return [texts.ask_photos(count)]


def _photo_fetch_on_commit(photo_id: int) -> None:
    from opengov.reports.line.tasks import line_photo_fetch

    transaction.on_commit(lambda: line_photo_fetch.enqueue(photo_id))


# ValidationError field → the step where the user can put it right.
_STEP_OF_FIELD: Final = {
    "lat": Step.LOCATION,
    "lon": Step.LOCATION,
    "address": Step.LOCATION,
    "photos": Step.PHOTOS,
    "category": Step.CATEGORY,
}
_PROMPT: Final[dict[str, Callable[[], Any]]] = {
    Step.LOCATION: texts.ask_location,
    Step.PHOTOS: texts.ask_photos,
    Step.CATEGORY: texts.ask_category,
}


def _on_confirm(c: LineConversation, inbound: Inbound, command: str, base_url: str) -> list[Any]:
    if command != texts.CONFIRM:
        _touch(c)
        return [_summary(c)]
    photos = list(c.photos.all())
    if any(p.content is None and not p.failed for p in photos):
        _touch(c)
        return [texts.photos_pending()]
    try:
        result = report_submit(
            channel="line",
            category=c.category,
            seen_at=c.started_at,
            lat=c.lat,
            lon=c.lon,
            address=c.address,
            channel_user_ref=c.user_id,
            photos=[bytes(p.content) for p in photos if p.content is not None],
            idempotency_key=f"line:{inbound.webhook_event_id}",
        )
    except ValidationError as error:
        return _not_accepted(c, error)
    c.delete()
    number = result.report.pk
    url = public_link("reports:detail", base_url=base_url, pk=number)
    private_url = reporter_url(result.report, base_url=base_url)
    return [texts.created(number=number, url=url, private_url=private_url)]


def _not_accepted(c: LineConversation, error: ValidationError) -> list[Any]:
    fields = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    problems = " ".join(message for messages in fields.values() for message in messages)
    step = next((_STEP_OF_FIELD[f] for f in fields if f in _STEP_OF_FIELD), None)
    if step is None:
        _touch(c)
        return [texts.not_accepted(problems), _summary(c)]
    if step == Step.PHOTOS:
        c.photos.all().delete()
    _touch(c, step)
    return [texts.not_accepted(problems), _PROMPT[step]()]
