"""Notifying reporters and followers of each step of a report.

A registry of notifiers: each gets a :class:`ReportNotice` after the transaction that made the step
commits. The e-mail notifier is registered here; the LINE channel registers its push notifier with
``@notifier_register("line")`` (use ``notice.transition_uuid`` as the ``X-Line-Retry-Key``). A
notifier that fails is logged and does not stop the others."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from opengov.reports.models import Report, ReportTransition

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReportNotice:
    report_id: int
    transition_id: int
    transition_uuid: str
    to_status: str


Notifier = Callable[[ReportNotice], None]
_NOTIFIERS: dict[str, Notifier] = {}


def notifier_register(name: str) -> Callable[[Notifier], Notifier]:
    """Register a notifier under ``name`` (registering the same name again replaces it)."""

    def register(notifier: Notifier) -> Notifier:
        _NOTIFIERS[name] = notifier
        return notifier

    return register


def notifiers() -> dict[str, Notifier]:
    return dict(_NOTIFIERS)


def _run(notice: ReportNotice) -> None:
    for name, notifier in list(_NOTIFIERS.items()):
        try:
            notifier(notice)
        except Exception:  # one channel failing must not silence the others
            logger.exception(
                "report notifier %s failed for transition %s", name, notice.transition_id
            )


def notify_on_commit(transition: ReportTransition) -> None:
    """Schedule every notifier for ``transition`` once the current transaction commits."""
    notice = ReportNotice(
        report_id=transition.report_id,
        transition_id=transition.pk,
        transition_uuid=str(transition.uuid),
        to_status=transition.to_status,
    )
    transaction.on_commit(lambda: _run(notice))


def _recipients(report: Report) -> list[str]:
    emails: list[str] = []
    if report.reporter is not None and report.reporter.is_active and report.reporter.email:
        emails.append(report.reporter.email)
    if report.contact_email:
        emails.append(report.contact_email)
    for follower in report.followers.select_related("user"):
        if follower.user is not None and follower.user.is_active and follower.user.email:
            emails.append(follower.user.email)
        elif follower.email:
            emails.append(follower.email)
    return sorted({email.lower() for email in emails})


@notifier_register("email")
def email_notify(notice: ReportNotice) -> None:
    report = Report.objects.select_related("reporter", "organisation").get(pk=notice.report_id)
    step = ReportTransition.objects.get(pk=notice.transition_id)
    recipients = _recipients(report)
    if not recipients:
        return
    language = report.reporter.preferred_language if report.reporter else settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("Report #%(id)s: %(status)s") % {
            "id": report.pk,
            "status": step.get_to_status_display(),
        }
        lines = [
            _("Your report #%(id)s (%(category)s) is now: %(status)s.")
            % {
                "id": report.pk,
                "category": report.get_category_display(),
                "status": step.get_to_status_display(),
            }
        ]
        if step.note:
            lines += ["", step.note]
        if report.organisation is not None:
            lines += [
                "",
                _("Responsible organisation: %(name)s") % {"name": report.organisation.name},
            ]
        lines += ["", _("Follow it at /reports/%(id)s/") % {"id": report.pk}]
    send_mail(subject, "\n".join(lines), None, recipients)
