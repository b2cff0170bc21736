"""What the bot says: LINE message objects (SDK models) with Thai text and quick-reply buttons.

Source strings are English (the reports catalogue translates them); the webhook and the tasks
render them inside ``translation.override("th")`` because LINE users of the bot read Thai.
Buttons send postbacks (``cmd=…`` / ``category=…``) so a typed word is never needed; typed
commands are accepted too (:func:`command_of`)."""

from __future__ import annotations

from typing import Any, Final

from django.utils.translation import gettext as _
from linebot.v3.messaging import (
    CameraAction,
    CameraRollAction,
    LocationAction,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)

from opengov.reports.models import Category

MAX_PHOTOS: Final = 5
LABEL_MAX: Final = 20  # LINE's limit on a quick-reply button label

START, CANCEL, SKIP, DONE, CONFIRM, NEW = "start", "cancel", "skip", "done", "confirm", "new"
FOLLOW_PREFIX: Final = "follow="  # postback data of "follow this one instead": follow=<report id>
# Typed words that act like the buttons (compared in lower case, spaces stripped).
_TYPED: Final = {
    START: {"แจ้งเหตุ", "แจ้ง", "รายงาน", "report", "start"},
    CANCEL: {"ยกเลิก", "cancel", "stop"},
    SKIP: {"ข้าม", "skip", "ไม่มีรูป"},
    DONE: {"เสร็จ", "เสร็จแล้ว", "พอแล้ว", "done"},
    CONFIRM: {"ยืนยัน", "ตกลง", "confirm", "ok", "yes"},
    NEW: {"แจ้งใหม่", "เรื่องใหม่", "new"},
}


def command_of(text: str) -> str:
    """The command a postback (``cmd=cancel``) or a typed word (``ยกเลิก``) means, or ``""``."""
    value = text.strip().lower()
    if value.startswith("cmd="):
        value = value.removeprefix("cmd=")
        return value if value in _TYPED else ""
    for command, words in _TYPED.items():
        if value in words:
            return command
    return ""


def category_of(text: str) -> str:
    """The category code a postback (``category=forest_fire``), a number (1–6), a code or a
    label (in the active language, as on the buttons) means, or ``""``."""
    value = text.strip()
    if value.startswith("category="):
        value = value.removeprefix("category=")
    codes = list(Category.values)
    if value.isdigit() and 1 <= int(value) <= len(codes):
        return codes[int(value) - 1]
    for code, label in Category.choices:
        if value.lower() in {code, str(label).lower()}:
            return code
    return ""


def followed_of(text: str) -> int | None:
    """The report id of a "follow this one instead" postback (``follow=12``) or of a typed
    number (``12`` / ``#12``), or None."""
    value = text.strip().removeprefix(FOLLOW_PREFIX).removeprefix("#")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _label(text: str) -> str:
    return text[:LABEL_MAX]


def _postback(label: str, data: str) -> Any:
    return QuickReplyItem(action=PostbackAction(label=_label(label), data=data, display_text=label))


def _cancel() -> Any:
    return _postback(_("Cancel"), f"cmd={CANCEL}")


def _text(text: str, items: list[Any] | None = None) -> Any:
    if not items:
        return TextMessage(text=text)
    return TextMessage(text=text, quick_reply=QuickReply(items=items))


def start_items() -> list[Any]:
    return [_postback(_("Report burning"), f"cmd={START}")]


def welcome(privacy_url: str) -> Any:
    return _text(
        _(
            "Thank you for adding us. Here you can report burning and smoke to the responsible "
            "agency: tap “Report burning”. We keep only your LINE user id, to send you the "
            "progress of your reports. Privacy notice: %(url)s"
        )
        % {"url": privacy_url},
        start_items(),
    )


def help_text() -> Any:
    return _text(
        _(
            "To report burning or smoke, tap “Report burning” (or type “report”). "
            "Type “cancel” at any step to stop."
        ),
        start_items(),
    )


def expired() -> Any:
    return _text(
        _("Your unfinished report was left for 30 minutes and has been deleted."),
    )


def cancelled() -> Any:
    return _text(_("Cancelled. Nothing was sent."), start_items())


def ask_category() -> Any:
    items = [_postback(str(label), f"category={code}") for code, label in Category.choices]
    return _text(_("What did you see? Choose a category."), [*items, _cancel()])


def ask_location() -> Any:
    return _text(
        _(
            "Where is it? Tap “Send location” and put the pin where the fire or smoke is, "
            "or type the address or a landmark."
        ),
        [QuickReplyItem(action=LocationAction(label=_label(_("Send location")))), _cancel()],
    )


def _photo_items(count: int) -> list[Any]:
    finish = _postback(_("Done"), f"cmd={DONE}") if count else _postback(_("Skip"), f"cmd={SKIP}")
    return [
        QuickReplyItem(action=CameraAction(label=_label(_("Take a photo")))),
        QuickReplyItem(action=CameraRollAction(label=_label(_("Choose a photo")))),
        finish,
        _cancel(),
    ]


def ask_photos(count: int = 0) -> Any:
    if count == 0:
        text = _("Send up to %(max)s photos of what you see, or tap “Skip”.") % {"max": MAX_PHOTOS}
    else:
        text = _("Photo %(count)s of at most %(max)s received. Send more, or tap “Done”.") % {
            "count": count,
            "max": MAX_PHOTOS,
        }
    return _text(text, _photo_items(count))


def summary(*, category: str, place: str, photo_count: int) -> Any:
    return _text(
        _(
            "Please check your report:\nCategory: %(category)s\nLocation: %(place)s\n"
            "Photos: %(photos)s\nTap “Confirm” to send it to the responsible agency."
        )
        % {"category": category, "place": place, "photos": photo_count},
        [_postback(_("Confirm"), f"cmd={CONFIRM}"), _cancel()],
    )


def photos_pending() -> Any:
    return _text(
        _("Your photos are still arriving. Tap “Confirm” again in a moment."),
        [_postback(_("Confirm"), f"cmd={CONFIRM}"), _cancel()],
    )


def too_many_photos() -> Any:
    return _text(
        _("A report takes at most %(max)s photos; the others were left out.") % {"max": MAX_PHOTOS}
    )


def not_accepted(problems: str) -> Any:
    return _text(_("The report could not be sent: %(problems)s") % {"problems": problems})


def created(*, number: int, url: str, private_url: str) -> Any:
    return _text(
        _(
            "Thank you. Your report number %(number)s has been received and sent to the "
            "responsible agency. Follow it at %(url)s — we will message you here at every step."
        )
        % {"number": number, "url": url}
        + "\n"
        + _private_link(private_url),
    )


def _private_link(private_url: str) -> str:
    return _(
        "Your private link — rate the outcome, re-open the report within 14 days of its closing, "
        "or stop these messages (do not share it): %(url)s"
    ) % {"url": private_url}


def offer_nearby(nearby: list[tuple[int, str, int]]) -> Any:
    """``nearby``: (report number, category, metres) of same-category reports close by."""
    lines = [
        _(
            "Someone has already reported this near here in the last 48 hours. Follow that "
            "report instead (we will message you at every step), or make a new report."
        )
    ]
    for number, category, metres in nearby:
        lines.append(
            _("#%(number)s %(category)s, %(metres)s m away")
            % {"number": number, "category": category, "metres": metres}
        )
    items = [
        _postback(_("Follow #%(number)s") % {"number": number}, f"{FOLLOW_PREFIX}{number}")
        for number, _category, _metres in nearby
    ]
    return _text("\n".join(lines), [*items, _postback(_("New report"), f"cmd={NEW}"), _cancel()])


def following(*, number: int, url: str) -> Any:
    return _text(
        _(
            "You now follow report number %(number)s: we will message you here at every step. "
            "No new report was made. See it at %(url)s"
        )
        % {"number": number, "url": url},
        start_items(),
    )


def status_update(
    *, number: int, category: str, status: str, note: str, url: str, private_url: str = ""
) -> Any:
    lines = [
        _("Report number %(number)s (%(category)s) is now: %(status)s")
        % {"number": number, "category": category, "status": status}
    ]
    if note:
        lines.append(note)
    lines.append(_("Follow it at %(url)s") % {"url": url})
    if private_url:
        lines.append(_private_link(private_url))
    return _text("\n".join(lines))
