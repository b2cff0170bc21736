"""Fire-hotspot API (mounted at /api/v1/hotspots): detections (JSON, GeoJSON, CSV), daily
aggregates, the province table, the cross-border panel, repeated-burn cells and the upwind
transport-risk index for a station and hour.

Every answer carries the FIRMS acknowledgement and disclaimer (spec air-quality §4.7). Times are
ISO 8601 UTC (``acquired_at``, as FIRMS gives them); days are Thai-time calendar days. Counts are
per *series* (one VIIRS satellite, or MODIS) and by default with the default confidence filter
(VIIRS nominal/high, MODIS ≥ 30, archive type 0); ``confidence=all`` switches it off.

Errors: bad query parameters → 422 ``{"detail": [{"loc", "msg", "msg_th"}]}`` naming the
parameter in English and Thai; unknown station → 404 ``{"detail", "detail_th"}``.
"""

from __future__ import annotations

from opengov.hotspots.api import analysis, counts, detections  # noqa: F401 - register the endpoints
from opengov.hotspots.api.common import router

__all__ = ["router"]
