"""Scheduled ingest jobs (registered with the core scheduler; cron fields are Thai time)."""

from __future__ import annotations

import logging

from django_tasks import task

from opengov.airquality.source_runs import air4thai_latest_run, openaq_api_key, openaq_run
from opengov.core.scheduling import periodic

logger = logging.getLogger(__name__)


# A new Air4Thai hour appears between about hh:10 and hh:25 ICT; the spec recommends fetching the
# latest-values JSON once around hh:30 (§1.4).
@periodic("30 * * * *", name="airquality.air4thai_latest")
@task(queue_name="ingest")
def air4thai_latest_ingest() -> str:
    """Fetch and ingest Air4Thai's latest values; returns the summary line."""
    return air4thai_latest_run().summary()


# OpenAQ republishes PCD about an hour behind Air4Thai; hourly, off the Air4Thai minute.
@periodic("45 * * * *", name="airquality.openaq_latest")
@task(queue_name="ingest")
def openaq_latest_ingest() -> int:
    """Fetch and ingest OpenAQ Thai locations and their latest values; returns readings created.
    Without an API key the job does nothing (OpenAQ is optional)."""
    if not openaq_api_key():
        logger.warning("OpenAQ skipped: OPENAQ_API_KEY is not set")
        return 0
    return sum(result.readings_created for result in openaq_run())
