"""Scheduled FIRMS ingest (registered with the core scheduler; cron fields are Thai time)."""

from __future__ import annotations

import logging

from django_tasks import task

from opengov.core.scheduling import periodic
from opengov.hotspots.services import firms_live_ingest
from opengov.hotspots.sources.firms.fetcher import FirmsFetchError
from opengov.hotspots.sources.firms.parser import FirmsInvalid

logger = logging.getLogger(__name__)

# VIIRS on both satellites (the war room's main series) and MODIS for continuity.
LIVE_PRODUCTS = ("VIIRS_SNPP_NRT", "VIIRS_NOAA20_NRT", "MODIS_NRT")


# NRT data appear within three hours of an overpass; every 30 min is the spec's pace (§8).
@periodic("20,50 * * * *", name="hotspots.firms_nrt")
@task(queue_name="ingest")
def firms_nrt_ingest() -> int:
    """Fetch and ingest the last day of each NRT product; returns detections newly stored. One
    product failing does not stop the others."""
    stored = 0
    for product in LIVE_PRODUCTS:
        try:
            stored += firms_live_ingest(product=product, days=1).ingested
        except (FirmsFetchError, FirmsInvalid) as error:
            logger.warning("FIRMS %s skipped: %s", product, error)
    return stored
