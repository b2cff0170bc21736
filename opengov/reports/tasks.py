"""Scheduled work of the reports app (cron fields are Thai time)."""

from __future__ import annotations

from django_tasks import task

from opengov.core.scheduling import periodic
from opengov.reports.services import reports_corroborate_recent


# Satellite detections arrive up to three hours after an overpass (hotspots ingest at :20/:50).
@periodic("35 * * * *", name="reports.corroborate")
@task()
def reports_corroborate() -> int:
    """Re-check the corroboration of the last three days' reports."""
    return reports_corroborate_recent()
