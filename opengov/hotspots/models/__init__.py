"""Fire-hotspot data: FIRMS bodies as received and the detections parsed from them."""

from __future__ import annotations

from opengov.hotspots.models.aggregates import DailyCount
from opengov.hotspots.models.detections import ConfidenceClass, Detection, Instrument
from opengov.hotspots.models.payloads import FirmsPayload, ParseStatus

__all__ = [
    "ConfidenceClass",
    "DailyCount",
    "Detection",
    "FirmsPayload",
    "Instrument",
    "ParseStatus",
]
