"""Write side of the hotspots app (the only write surface other apps and edges use)."""

from __future__ import annotations

from opengov.hotspots.services.aggregates import daily_counts_refresh
from opengov.hotspots.services.ingest import (
    FirmsIngestResult,
    firms_ingest,
    firms_live_ingest,
)
from opengov.hotspots.services.retag import RetagResult, detections_retag

__all__ = [
    "FirmsIngestResult",
    "RetagResult",
    "daily_counts_refresh",
    "detections_retag",
    "firms_ingest",
    "firms_live_ingest",
]
