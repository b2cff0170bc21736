"""Officer queue with SLA timers, the fallback queue, and public statistics per organisation."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from django.db.models import QuerySet
from django.utils import timezone

from opengov.accounts.models import Organisation
from opengov.reports import lifecycle
from opengov.reports.models import Report

SLA_ACKNOWLEDGE: Final = timedelta(hours=24)
SLA_RESOLVE: Final = timedelta(days=7)


@dataclass(frozen=True)
class SlaState:
    acknowledge_due: datetime
    resolve_due: datetime
    acknowledge_overdue: bool
    resolve_overdue: bool
    age: timedelta


def sla_state(report: Report, *, now: datetime | None = None) -> SlaState:
    """Deadlines from the submission time; overdue while the step has not happened by then."""
    now = now or timezone.now()
    ack_due = report.submitted_at + SLA_ACKNOWLEDGE
    resolve_due = report.submitted_at + SLA_RESOLVE
    acknowledged = report.acknowledged_at or (None if report.status == lifecycle.SUBMITTED else now)
    closed = report.closed_at
    return SlaState(
        acknowledge_due=ack_due,
        resolve_due=resolve_due,
        acknowledge_overdue=(acknowledged or now) > ack_due,
        resolve_overdue=(report.is_open and now > resolve_due)
        or (closed is not None and closed > resolve_due),
        age=now - report.submitted_at,
    )


def reports_for_organisation(
    organisation: Organisation, *, status: str = "open"
) -> QuerySet[Report]:
    """The organisation's reports for its officers (hidden ones included), oldest open first."""
    rows = Report.objects.filter(organisation=organisation).select_related("assignee")
    if status == "open":
        rows = rows.filter(status__in=lifecycle.OPEN_STATES)
    elif status == "closed":
        rows = rows.filter(status__in=lifecycle.CLOSED_STATES)
    elif status:
        rows = rows.filter(status=status)
    return rows.order_by("submitted_at", "id")


def reports_fallback_queue() -> QuerySet[Report]:
    """Reports no routing rule matched, waiting for a moderator to send them on."""
    return Report.objects.filter(organisation__isnull=True).order_by("submitted_at", "id")


@dataclass(frozen=True)
class OrganisationStats:
    organisation: Organisation
    total: int
    open: int
    resolved: int
    share_resolved: float | None
    median_acknowledge_hours: float | None
    median_resolve_hours: float | None
    rating_average: float | None
    rating_count: int


def _median_hours(values: list[timedelta]) -> float | None:
    return round(statistics.median(v.total_seconds() for v in values) / 3600, 1) if values else None


def organisation_stats() -> list[OrganisationStats]:
    """Counts, median times to acknowledge and to resolve, share resolved and ratings per
    organisation over its visible reports (referred-away and duplicates count as closed)."""
    by_org: dict[int, list[Report]] = {}
    orgs: dict[int, Organisation] = {}
    for report in Report.objects.filter(is_hidden=False, organisation__isnull=False).select_related(
        "organisation"
    ):
        if report.organisation is None:
            continue
        by_org.setdefault(report.organisation.pk, []).append(report)
        orgs[report.organisation.pk] = report.organisation
    result = []
    for pk, reports in by_org.items():
        closed = [r for r in reports if r.status in lifecycle.CLOSED_STATES]
        resolved = [r for r in reports if r.status == lifecycle.RESOLVED]
        ratings = [r.rating for r in reports if r.rating is not None]
        result.append(
            OrganisationStats(
                organisation=orgs[pk],
                total=len(reports),
                open=len(reports) - len(closed),
                resolved=len(resolved),
                share_resolved=round(len(resolved) / len(closed), 3) if closed else None,
                median_acknowledge_hours=_median_hours(
                    [r.acknowledged_at - r.submitted_at for r in reports if r.acknowledged_at]
                ),
                median_resolve_hours=_median_hours(
                    [r.closed_at - r.submitted_at for r in resolved if r.closed_at]
                ),
                rating_average=round(statistics.fmean(ratings), 2) if ratings else None,
                rating_count=len(ratings),
            )
        )
    return sorted(result, key=lambda s: (-s.total, s.organisation.name_th))
