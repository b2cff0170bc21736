from __future__ import annotations

from opengov.reports.views.actions import (
    report_assign_view,
    report_block_reporter,
    report_flag_view,
    report_follow_view,
    report_hide_view,
    report_rate_view,
    report_reopen_view,
    report_transition_view,
    report_unhide_view,
)
from opengov.reports.views.officer import (
    moderation_queue,
    organisation_queue,
    organisation_queue_bulk,
    photo_original,
)
from opengov.reports.views.public import (
    photo_public,
    report_detail,
    report_json,
    report_list,
    reports_geojson,
    reports_stats,
)
from opengov.reports.views.reporter import reporter_page
from opengov.reports.views.submit import report_nearby, report_new

__all__ = [
    "moderation_queue",
    "organisation_queue",
    "organisation_queue_bulk",
    "photo_original",
    "photo_public",
    "report_assign_view",
    "report_block_reporter",
    "report_detail",
    "report_flag_view",
    "report_follow_view",
    "report_hide_view",
    "report_json",
    "report_list",
    "report_nearby",
    "report_new",
    "report_rate_view",
    "report_reopen_view",
    "report_transition_view",
    "report_unhide_view",
    "reporter_page",
    "reports_geojson",
    "reports_stats",
]
