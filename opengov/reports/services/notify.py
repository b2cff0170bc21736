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
from opengov.reports.reporter_links import reporter_url

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


def _reporter_recipients(report: Report) -> list[str]:
    emails: list[str] = []
    if report.reporter is not None and report.reporter.is_active and report.reporter.email:
        emails.append(report.reporter.email)
    if report.contact_email:
        emails.append(report.contact_email)
    return sorted({email.lower() for email in emails})


def _follower_recipients(report: Report) -> list[str]:
    emails: list[str] = []
    for follower in report.followers.select_related("user"):
        if follower.user is not None and follower.user.is_active and follower.user.email:
            emails.append(follower.user.email)
        elif follower.email:
            emails.append(follower.email)
    return sorted({email.lower() for email in emails})


def _message(report: Report, step: ReportTransition, *, private_link: str) -> tuple[str, str]:
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
    if private_link:
        lines += [
            "",
            _(
                "Your private link — rate the outcome, re-open the report within 14 days of its "
                "closing, or stop these messages (do not share it): %(url)s"
            )
            % {"url": private_link},
        ]
    return subject, "\n".join(lines)


@notifier_register("email")
def email_notify(notice: ReportNotice) -> None:
    """Mail the reporter (with their private link, unless they stopped the messages) and,
    separately, the followers (without it)."""
    report = Report.objects.select_related("reporter", "organisation").get(pk=notice.report_id)
    step = ReportTransition.objects.get(pk=notice.transition_id)
    reporter_emails = _reporter_recipients(report)
    followers = [e for e in _follower_recipients(report) if e not in reporter_emails]
    language = report.reporter.preferred_language if report.reporter else settings.LANGUAGE_CODE
    with translation.override(language):
        if reporter_emails and report.reporter_notifications:
            subject, body = _message(report, step, private_link=reporter_url(report))
            send_mail(subject, body, None, reporter_emails)
    if followers:
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = _message(report, step, private_link="")
            send_mail(subject, body, None, followers)
