"""Submitting a report (any channel) and following an existing one instead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opengov.accounts.models import User
from opengov.geo.selectors import area_lookup, coordinates_check
from opengov.reports.models import (
    Channel,
    PhotoKind,
    Report,
    ReporterBlock,
    ReportFollower,
    ReportTransition,
)
from opengov.reports.services.corroboration import report_corroborate
from opengov.reports.services.notify import notify_on_commit
from opengov.reports.services.photo_store import files_delete, photo_store, photos_process
from opengov.reports.services.routing import route_find

FUTURE_GRACE = timedelta(minutes=15)
MAX_AGE = timedelta(days=30)


@dataclass(frozen=True)
class SubmitResult:
    report: Report
    created: bool  # False: the idempotency key was seen before; ``report`` is the first one


def _check_reporter(reporter: User | None) -> None:
    if reporter is not None and (
        not reporter.is_active or ReporterBlock.objects.filter(user=reporter).exists()
    ):
        raise PermissionDenied(_("This account may not submit reports."))


def _check_location(lat: float | None, lon: float | None, address: str) -> None:
    if (lat is None) != (lon is None):
        raise ValidationError({"lat": _("Give both latitude and longitude, or neither.")})
    if lat is None or lon is None:
        if not address.strip():
            raise ValidationError(
                {"lat": _("Give the location: a pin on the map, GPS coordinates or an address.")}
            )
        return
    try:
        coordinates_check(lat, lon)
    except ValueError:
        raise ValidationError(
            {"lat": _("Latitude must be between -90 and 90 and longitude between -180 and 180.")}
        ) from None


def _check_seen_at(seen_at: datetime) -> None:
    now = timezone.now()
    if seen_at > now + FUTURE_GRACE:
        raise ValidationError({"seen_at": _("The time seen cannot be in the future.")})
    if seen_at < now - MAX_AGE:
        raise ValidationError({"seen_at": _("Report incidents of the last 30 days only.")})


def report_submit(
    *,
    channel: str,
    category: str,
    seen_at: datetime,
    lat: float | None = None,
    lon: float | None = None,
    address: str = "",
    description: str = "",
    reporter: User | None = None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    channel_user_ref: str = "",
    photos: Sequence[bytes] = (),
    idempotency_key: str | None = None,
) -> SubmitResult:
    """Create a report from any channel (``web``, ``open311``, ``line``).

    Checks the location (WGS84 pin, or an address only), the time seen, the photos (at most five,
    re-encoded; raises ``ValidationError`` naming the field, nothing stored), and that an anonymous
    reporter left a contact channel (e-mail, phone, or ``channel_user_ref`` such as a LINE user id).
    Tags the areas, routes to the responsible organisation (or the fallback queue), checks satellite
    corroboration and notifies the reporter after commit. The same ``idempotency_key`` returns the
    first report instead of creating a second one (safe retries)."""
    if channel not in Channel.values:
        raise ValidationError({"channel": f"unknown channel {channel!r}"})
    _check_reporter(reporter)
    if idempotency_key:
        existing = Report.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return SubmitResult(existing, created=False)
    _check_location(lat, lon, address)
    _check_seen_at(seen_at)
    if reporter is None and not (contact_email or contact_phone or channel_user_ref):
        raise ValidationError(
            {"contact_email": _("Without an account, leave an e-mail address or a phone number.")}
        )
    processed = photos_process(photos)
    report = Report(
        channel=channel,
        category=category,
        lat=lat,
        lon=lon,
        address=address.strip(),
        seen_at=seen_at,
        description=description.strip(),
        reporter=reporter,
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
        channel_user_ref=channel_user_ref,
        idempotency_key=idempotency_key or None,
    )
    if lat is not None and lon is not None:
        areas = area_lookup(lat, lon)
        report.country_code = areas.country.code if areas.country else ""
        report.province_code = areas.province.code if areas.province else ""
        report.district_code = areas.district.code if areas.district else ""
        parts = [a for a in (areas.subdistrict, areas.district, areas.province) if a is not None]
        report.area_name_th = " ".join(a.name_th for a in parts)
        report.area_name_en = ", ".join(a.name_en or a.name_th for a in parts)
    report.full_clean(exclude=["idempotency_key"])
    report.organisation = route_find(
        category=category, district_code=report.district_code, province_code=report.province_code
    )
    written: list[str] = []
    try:
        with transaction.atomic():
            report.save()
            for photo in processed:
                photo_store(report=report, photo=photo, kind=PhotoKind.REPORT, written=written)
            step = ReportTransition.objects.create(
                report=report,
                from_status="",
                to_status=report.status,
                actor=reporter,
                actor_role="reporter",
                organisation=report.organisation,
            )
            report_corroborate(report=report)
            notify_on_commit(step)
    except IntegrityError:
        files_delete(written)
        if idempotency_key:  # a concurrent retry with the same key won the race
            existing = Report.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return SubmitResult(existing, created=False)
        raise
    except BaseException:
        files_delete(written)
        raise
    return SubmitResult(report, created=True)


@transaction.atomic
def report_follow(
    *, report: Report, user: User | None = None, email: str = "", line_user_id: str = ""
) -> bool:
    """Subscribe a signed-in ``user``, an anonymous ``email`` or a LINE user (``line_user_id``,
    pushed in the chat) to every step of ``report``; returns False when already following."""
    if report.is_hidden:
        raise PermissionDenied
    if user is not None:
        _check_reporter(user)
        _follower, created = ReportFollower.objects.get_or_create(report=report, user=user)
        return created
    if line_user_id:
        _follower, created = ReportFollower.objects.get_or_create(
            report=report, line_user_id=line_user_id[:64]
        )
        return created
    follower = ReportFollower(report=report, email=email.strip().lower())
    if not follower.email:
        raise ValidationError({"email": _("Enter an e-mail address to follow this report.")})
    follower.full_clean(exclude=["user", "report"], validate_unique=False)
    _follower, created = ReportFollower.objects.get_or_create(report=report, email=follower.email)
    return created
