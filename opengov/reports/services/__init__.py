"""Write side of the reports app. Every channel (web form, Open311, LINE) calls these services;
each runs in one transaction, checks permission, and schedules notifications on commit."""

from __future__ import annotations

from opengov.reports.services.corroboration import report_corroborate, reports_corroborate_recent
from opengov.reports.services.lifecycle import (
    report_assign,
    report_bulk_transition,
    report_rate,
    report_reopen,
    report_transition,
    reporter_may_reopen,
)
from opengov.reports.services.moderation import (
    report_flag,
    report_hide,
    report_route,
    report_unhide,
    reporter_block,
)
from opengov.reports.services.reporter_link import (
    report_notifications_set,
    report_rate_by_link,
    report_reopen_by_link,
)
from opengov.reports.services.submit import SubmitResult, report_follow, report_submit

__all__ = [
    "SubmitResult",
    "report_assign",
    "report_bulk_transition",
    "report_corroborate",
    "report_flag",
    "report_follow",
    "report_hide",
    "report_notifications_set",
    "report_rate",
    "report_rate_by_link",
    "report_reopen",
    "report_reopen_by_link",
    "report_route",
    "report_submit",
    "report_transition",
    "report_unhide",
    "reporter_block",
    "reporter_may_reopen",
    "reports_corroborate_recent",
]
