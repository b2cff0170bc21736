"""What the reporter can do through the private link (:mod:`opengov.reports.reporter_links`):
rate the outcome, re-open within 14 days, stop or resume the messages about the report. The link
is the proof of being the reporter, so these work without an account."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from opengov.reports.models import Report, ReportTransition
from opengov.reports.reporter_links import report_for_reporter_token
from opengov.reports.services.lifecycle import _rate, _reopen


def _report_of(token: str, *, lock: bool = False) -> Report:
    report = report_for_reporter_token(token)
    if report is None:
        raise PermissionDenied
    if lock:
        report = Report.objects.select_for_update().get(pk=report.pk)
    return report


@transaction.atomic
def report_rate_by_link(*, token: str, rating: int) -> Report:
    """Rate a closed report 1–5 as its reporter (``PermissionDenied`` for a bad token)."""
    return _rate(_report_of(token, lock=True), rating)


@transaction.atomic
def report_reopen_by_link(*, token: str, note: str) -> ReportTransition:
    """Re-open a resolved / not-relevant report within 14 days as its reporter, saying why."""
    report = _report_of(token, lock=True)
    return _reopen(report, actor=report.reporter, note=note)


@transaction.atomic
def report_notifications_set(*, token: str, enabled: bool) -> Report:
    """Stop (or resume) the e-mail and LINE messages to the reporter about this report."""
    report = _report_of(token, lock=True)
    report.reporter_notifications = enabled
    report.save(update_fields=["reporter_notifications", "updated_at"])
    return report
