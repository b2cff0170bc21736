"""Read side of the reports app. Public pages, the API and exports use only :mod:`.public`, which
never reads personal data (reporter, contact, channel reference, originals, EXIF location)."""

from __future__ import annotations

from opengov.reports.selectors.public import (
    PublicFilter,
    report_by_idempotency_key,
    report_public_dict,
    report_public_get,
    report_timeline,
    reports_nearby,
    reports_public,
)
from opengov.reports.selectors.queue import (
    SLA_ACKNOWLEDGE,
    SLA_RESOLVE,
    organisation_stats,
    reports_fallback_queue,
    reports_for_organisation,
    sla_state,
)

__all__ = [
    "SLA_ACKNOWLEDGE",
    "SLA_RESOLVE",
    "PublicFilter",
    "organisation_stats",
    "report_by_idempotency_key",
    "report_public_dict",
    "report_public_get",
    "report_timeline",
    "reports_fallback_queue",
    "reports_for_organisation",
    "reports_nearby",
    "reports_public",
    "sla_state",
]
