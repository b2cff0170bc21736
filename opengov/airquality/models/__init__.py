"""Air-quality data: raw source payloads, stations and readings."""

from __future__ import annotations

from opengov.airquality.models.payloads import ParseStatus, PayloadKind, RawPayload
from opengov.airquality.models.readings import Averaging, Parameter, Reading
from opengov.airquality.models.stations import Station, StationKind

__all__ = [
    "Averaging",
    "Parameter",
    "ParseStatus",
    "PayloadKind",
    "RawPayload",
    "Reading",
    "Station",
    "StationKind",
]
