"""The default analysis filter for fire detections (pure; spec air-quality §4.2, §5.1 step 6).

VIIRS: nominal or high confidence; MODIS: confidence 30 or more; archive rows: ``type`` 0
(presumed vegetation fire) when the column is present. Switchable everywhere ("all detections")."""

from __future__ import annotations

from typing import Final

MODIS_MIN_CONFIDENCE: Final = 30
VIIRS_CLASSES: Final = frozenset({"n", "h"})


def passes_default_filter(
    instrument: str, confidence_class: str, confidence_pct: int | None, fire_type: int | None
) -> bool:
    """True when a detection counts under the default confidence filter."""
    if fire_type not in (None, 0):
        return False
    if instrument == "MODIS":
        return confidence_pct is not None and confidence_pct >= MODIS_MIN_CONFIDENCE
    return confidence_class in VIIRS_CLASSES
