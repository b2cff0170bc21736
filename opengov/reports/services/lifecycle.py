"""Officer transitions, assignment, and the reporter's rating and re-opening."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opengov.accounts.models import Organisation, User
from opengov.accounts.selectors import user_is_officer
from opengov.reports import lifecycle
from opengov.reports.models import PhotoKind, Report, ReportFollower, ReportPhoto, ReportTransition
from opengov.reports.services.notify import notify_on_commit
from opengov.reports.services.photo_store import files_delete, photo_store, photos_process


def _require_officer(actor: User, report: Report) -> Organisation:
    if report.organisation is None or not user_is_officer(actor, report.organisation):
        raise PermissionDenied(_("Only officers of the responsible organisation may do this."))
    return report.organisation


def _record(
    report: Report,
    *,
    from_status: str,
    actor: User | None,
    role: str,
    note: str = "",
    photo: ReportPhoto | None = None,
) -> ReportTransition:
    step = ReportTransition.objects.create(
        report=report,
        from_status=from_status,
        to_status=report.status,
        actor=actor,
        actor_role=role,
        organisation=report.organisation,
        note=note,
        photo=photo,
        photo_sha256=photo.public_sha256 if photo is not None else "",
    )
    notify_on_commit(step)
    return step


def _follow(report: Report, *, of: Report) -> None:
    """Subscribe the reporter of ``of`` to ``report`` (duplicates, referrals)."""
    if of.reporter is not None:
        ReportFollower.objects.get_or_create(report=report, user=of.reporter)
    elif of.contact_email:
        ReportFollower.objects.get_or_create(report=report, email=of.contact_email.lower())


def _refer(report: Report, *, to: Organisation, actor: User, note: str) -> Report:
    linked = Report.objects.get(pk=report.pk)
    linked.pk = None
    linked.idempotency_key = None
    linked.status = lifecycle.SUBMITTED
    linked.organisation = to
    linked.assignee = None
    linked.referred_from = report
    linked.acknowledged_at = linked.closed_at = None
    linked.rating = None
    linked.reopen_count = 0
    linked.save()
    for photo in report.photos.filter(kind=PhotoKind.REPORT):
        photo.pk = None
        photo.report = linked
        photo.uuid = uuid.uuid4()
        photo.save()
    _record(linked, from_status="", actor=actor, role="officer", note=note)
    _follow(linked, of=report)
    return linked


@transaction.atomic
def report_transition(
    *,
    actor: User,
    report: Report,
    to_status: str,
    note: str,
    after_photo: bytes | None = None,
    refer_to: Organisation | None = None,
    duplicate_of: Report | None = None,
) -> ReportTransition:
    """Move ``report`` to ``to_status`` as an officer of its organisation, with a comment.

    ``resolved`` needs an after-photo (not taken before the report was made, by its EXIF time);
    ``referred`` needs ``refer_to`` (a linked report opens there, the reporter follows it);
    ``duplicate`` needs ``duplicate_of`` (the reporter follows the kept report)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_officer(actor, report)
    if not lifecycle.officer_may_move(report.status, to_status):
        raise ValidationError(
            {"to_status": _("This step is not possible from the current status.")}
        )
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Write a comment for the reporter and the public.")})
    photo: ReportPhoto | None = None
    written: list[str] = []
    if to_status == lifecycle.RESOLVED:
        if not after_photo:
            raise ValidationError({"after_photo": _("A resolved report needs an after-photo.")})
        (processed,) = photos_process([after_photo], field="after_photo")
        if processed.exif_taken_at is not None and processed.exif_taken_at < report.submitted_at:
            raise ValidationError(
                {"after_photo": _("The after-photo was taken before the report was made.")}
            )
    if to_status == lifecycle.REFERRED and (
        refer_to is None or refer_to == report.organisation or not refer_to.is_active
    ):
        raise ValidationError({"refer_to": _("Choose another active organisation.")})
    if to_status == lifecycle.DUPLICATE and (
        duplicate_of is None or duplicate_of.pk == report.pk or duplicate_of.is_hidden
    ):
        raise ValidationError({"duplicate_of": _("Give the number of the report to keep.")})
    try:
        if to_status == lifecycle.RESOLVED:
            photo = photo_store(
                report=report, photo=processed, kind=PhotoKind.AFTER, written=written
            )
        from_status = report.status
        now = timezone.now()
        report.status = to_status
        if report.acknowledged_at is None:
            report.acknowledged_at = now
        if to_status in lifecycle.CLOSED_STATES:
            report.closed_at = now
        if to_status == lifecycle.DUPLICATE and duplicate_of is not None:
            report.duplicate_of = duplicate_of
            _follow(duplicate_of, of=report)
        report.save()
        step = _record(
            report, from_status=from_status, actor=actor, role="officer", note=note, photo=photo
        )
        if to_status == lifecycle.REFERRED and refer_to is not None:
            _refer(report, to=refer_to, actor=actor, note=note)
    except BaseException:
        files_delete(written)
        raise
    return step


def report_bulk_transition(
    *, actor: User, organisation: Organisation, report_ids: Sequence[int], to_status: str, note: str
) -> tuple[int, int]:
    """Apply one step with one comment to several reports of ``organisation`` (not ``resolved``,
    which needs a photo each); returns (moved, skipped)."""
    if not user_is_officer(actor, organisation):
        raise PermissionDenied
    if to_status not in (lifecycle.ACKNOWLEDGED, lifecycle.IN_PROGRESS, lifecycle.NOT_RELEVANT):
        raise ValidationError({"to_status": _("This step cannot be applied in bulk.")})
    moved = skipped = 0
    for report in Report.objects.filter(pk__in=list(report_ids), organisation=organisation):
        try:
            report_transition(actor=actor, report=report, to_status=to_status, note=note)
            moved += 1
        except ValidationError:
            skipped += 1
    skipped += len(set(report_ids)) - moved - skipped
    return moved, skipped


@transaction.atomic
def report_assign(*, actor: User, report: Report, assignee: User | None) -> Report:
    """Assign ``report`` to an officer of its organisation (None: nobody)."""
    organisation = _require_officer(actor, report)
    if assignee is not None and not user_is_officer(assignee, organisation):
        raise ValidationError({"assignee": _("Assign to an officer of the same organisation.")})
    report.assignee = assignee
    report.save(update_fields=["assignee", "updated_at"])
    return report


def _require_reporter(actor: User, report: Report) -> None:
    if report.reporter_id is None or report.reporter_id != actor.pk or report.is_hidden:
        raise PermissionDenied(_("Only the person who made the report may do this."))


def _rate(report: Report, rating: int) -> Report:
    if report.is_open:
        raise ValidationError({"rating": _("Rate a report once it is closed.")})
    if rating not in range(1, 6):
        raise ValidationError({"rating": _("Choose from 1 to 5 stars.")})
    report.rating = rating
    report.save(update_fields=["rating", "updated_at"])
    return report


@transaction.atomic
def report_rate(*, actor: User, report: Report, rating: int) -> Report:
    """The reporter rates the outcome of a closed report, 1–5 (may change the rating)."""
    _require_reporter(actor, report)
    return _rate(report, rating)


def _reopen(report: Report, *, actor: User | None, note: str) -> ReportTransition:
    """Re-open ``report`` (locked by the caller) as its reporter."""
    if not reporter_may_reopen(report):
        raise ValidationError(
            {"note": _("A report can be re-opened within 14 days of being resolved.")}
        )
    if not note.strip():
        raise ValidationError({"note": _("Say why the problem is not solved.")})
    from_status = report.status
    report.status = lifecycle.REOPENED
    report.closed_at = None
    report.reopen_count += 1
    report.save()
    return _record(report, from_status=from_status, actor=actor, role="reporter", note=note.strip())


@transaction.atomic
def report_reopen(*, actor: User, report: Report, note: str) -> ReportTransition:
    """The reporter re-opens a resolved or not-relevant report within 14 days, saying why."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_reporter(actor, report)
    return _reopen(report, actor=actor, note=note)


def reporter_may_reopen(report: Report) -> bool:
    """Whether the reporter can re-open ``report`` now (resolved / not relevant, ≤ 14 days)."""
    return (
        report.status in lifecycle.REOPENABLE_STATES
        and report.closed_at is not None
        and timezone.now() <= report.closed_at + timedelta(days=lifecycle.REOPEN_DAYS)
    )
