"""The reporter's private link: lets whoever made a report — with or without an account — rate the
outcome, re-open it within 14 days and stop the messages about it.

The token is signed with ``SECRET_KEY`` (``django.core.signing``, its own salt) and time-stamped;
nothing is stored. It names the report and carries a fingerprint of the reporter's private fields,
so erasing or changing them (PDPA) voids every link sent before. It is only ever put in messages
to the reporter (e-mail, the LINE chat) — never in a page, the API, Open311 or an export."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from typing import Final

from django.conf import settings
from django.core import signing
from django.urls import reverse

from opengov.reports.models import Report

SALT: Final = "opengov.reports.reporter-link"
MAX_AGE: Final = timedelta(days=90)  # every message carries a fresh link


def _fingerprint(report: Report) -> str:
    material = "\x1f".join(
        [
            str(report.pk),
            str(report.reporter_id or ""),
            report.contact_email.strip().lower(),
            report.contact_phone.strip(),
            report.channel_user_ref,
        ]
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:24]


def reporter_token(report: Report) -> str:
    """A new private token for the reporter of ``report`` (valid for :data:`MAX_AGE`)."""
    return signing.dumps({"r": report.pk, "f": _fingerprint(report)}, salt=SALT)


def report_for_reporter_token(token: str) -> Report | None:
    """The report a valid, unexpired token is for, or None (bad signature, expired, report gone
    or hidden, reporter's data changed since the token was made)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    except (ValueError, TypeError, UnicodeError):
        return None
    if not isinstance(payload, dict):
        return None
    pk, fingerprint = payload.get("r"), payload.get("f")
    if not isinstance(pk, int) or not isinstance(fingerprint, str):
        return None
    report = Report.objects.filter(pk=pk, is_hidden=False).first()
    if report is None or not hmac.compare_digest(_fingerprint(report), fingerprint):
        return None
    return report


def reporter_url(report: Report, *, base_url: str = "") -> str:
    """The absolute private link of ``report``'s reporter, in the active language."""
    base = (base_url or settings.OPENGOV_PUBLIC_URL).rstrip("/")
    return f"{base}{reverse('reports:reporter', kwargs={'token': reporter_token(report)})}"
