"""Which wind to use for a station and hour (spec §5.1 step 7; pure)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from opengov.hotspots.attribution.geometry import distance_km
from opengov.hotspots.attribution.model import Receptor, Wind, WindCandidate, WindChoice


def wind_choose(
    receptor: Receptor,
    station_wind: Wind | None,
    candidates: Sequence[WindCandidate],
    *,
    max_distance_km: float | None = None,
) -> WindChoice | None:
    """Pick the wind for a station and hour (spec §5.1 step 7) for the transport-risk index.

    The station's own WS/WD when both are present (a calm 0 m/s counts as present); otherwise
    the usable candidate with the lowest ``tier``, the nearest within a tier, optionally no
    farther than ``max_distance_km``. ``None`` when nothing usable is left.
    """
    if station_wind is not None and _wind_usable(station_wind.from_deg, station_wind.speed_ms):
        return WindChoice(wind=station_wind, source=station_wind.source, distance_km=0.0)
    ranked: list[tuple[int, float, int, WindCandidate]] = []
    for position, candidate in enumerate(candidates):
        if not _wind_usable(candidate.from_deg, candidate.speed_ms):
            continue
        distance = distance_km(receptor.lat, receptor.lon, candidate.lat, candidate.lon)
        if max_distance_km is not None and distance > max_distance_km:
            continue
        ranked.append((candidate.tier, distance, position, candidate))
    if not ranked:
        return None
    _, distance, _, best = min(ranked, key=lambda item: item[:3])
    wind = Wind(from_deg=best.from_deg, speed_ms=best.speed_ms, source=best.source)
    return WindChoice(wind=wind, source=best.source, distance_km=distance)


def _wind_usable(from_deg: float | None, speed_ms: float | None) -> bool:
    return (
        from_deg is not None
        and speed_ms is not None
        and math.isfinite(from_deg)
        and math.isfinite(speed_ms)
        and speed_ms >= 0
    )
