"""Wind observed at stations (Air4Thai ``WS`` m/s and ``WD`` degrees, 1-hour values)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from opengov.airquality.models import Reading


@dataclass(frozen=True)
class StationWind:
    source: str
    source_id: str
    lat: float | None
    lon: float | None
    observed_at: datetime
    from_deg: float | None
    speed_ms: float | None


def winds_at(*, hour_end: datetime) -> list[StationWind]:
    """Every station's wind for the hour ending at ``hour_end`` (aware): direction the wind
    blows from (degrees) and speed (m/s); a station that reported only one of them has the other
    as ``None``."""
    rows = Reading.objects.filter(
        parameter__in=("WS", "WD"), averaging="1h", observed_at=hour_end
    ).values_list(
        "station__source",
        "station__source_id",
        "station__lat",
        "station__lon",
        "parameter",
        "value",
    )
    found: dict[tuple[str, str], dict[str, object]] = {}
    for source, source_id, lat, lon, parameter, value in rows:
        entry = found.setdefault((source, source_id), {"lat": lat, "lon": lon})
        entry[parameter] = float(value)
    return [
        StationWind(
            source=source,
            source_id=source_id,
            lat=_float(entry["lat"]),
            lon=_float(entry["lon"]),
            observed_at=hour_end,
            from_deg=_float(entry.get("WD")),
            speed_ms=_float(entry.get("WS")),
        )
        for (source, source_id), entry in sorted(found.items())
    ]


def _float(value: object) -> float | None:
    return None if value is None else float(str(value))
