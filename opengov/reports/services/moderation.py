"""Moderation (flags, hiding, blocking reporters) and routing reports from the fallback queue."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from opengov.accounts.models import Organisation, User
from opengov.accounts.selectors import user_is_moderator
from opengov.reports.models import Report, ReporterBlock, ReportFlag, ReportTransition
from opengov.reports.services.notify import notify_on_commit


def _require_moderator(actor: User) -> None:
    if not user_is_moderator(actor):
        raise PermissionDenied(_("Only moderators may do this."))


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason.")})
    return reason[:300]


def report_flag(*, actor: User, report: Report, reason: str) -> bool:
    """A signed-in user flags ``report`` for the moderators; False when already flagged by them."""
    if not actor.is_active:
        raise PermissionDenied
    try:
        with transaction.atomic():
            ReportFlag.objects.create(report=report, flagged_by=actor, reason=_reason(reason))
    except IntegrityError:
        return False
    return True


@transaction.atomic
def report_hide(*, actor: User, report: Report, reason: str) -> Report:
    """Hide ``report`` from every public page and the API, with a reason; resolves its flags."""
    _require_moderator(actor)
    report.is_hidden = True
    report.hidden_reason = _reason(reason)
    report.save(update_fields=["is_hidden", "hidden_reason", "updated_at"])
    report.flags.filter(resolved_at__isnull=True).update(resolved_at=report.updated_at)
    return report


@transaction.atomic
def report_unhide(*, actor: User, report: Report) -> Report:
    _require_moderator(actor)
    report.is_hidden = False
    report.hidden_reason = ""
    report.save(update_fields=["is_hidden", "hidden_reason", "updated_at"])
    return report


@transaction.atomic
def reporter_block(*, actor: User, user: User, reason: str) -> ReporterBlock:
    """Block an abusive account from reporting, flagging and following (not moderators)."""
    _require_moderator(actor)
    if user_is_moderator(user):
        raise ValidationError({"user": _("Moderators and platform admins cannot be blocked.")})
    block, _created = ReporterBlock.objects.update_or_create(
        user=user, defaults={"reason": _reason(reason), "blocked_by": actor}
    )
    return block


@transaction.atomic
def report_route(*, actor: User, report: Report, organisation: Organisation) -> Report:
    """A moderator sends a report (typically from the fallback queue) to ``organisation``."""
    _require_moderator(actor)
    if not organisation.is_active:
        raise ValidationError({"organisation": _("Choose an active organisation.")})
    report.organisation = organisation
    report.save(update_fields=["organisation", "updated_at"])
    step = ReportTransition.objects.create(
        report=report,
        from_status=report.status,
        to_status=report.status,
        actor=actor,
        actor_role="moderator",
        organisation=organisation,
        note=_("Sent to %(name)s.") % {"name": organisation.name_th},
    )
    notify_on_commit(step)
    return report
