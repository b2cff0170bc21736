"""The upwind transport-risk index itself (spec §5.1; pure): filter, geometry once per
receptor, then rings, splits and contributing detections per hour."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import numpy as np

from opengov.geo.feature_index import haversine_km
from opengov.hotspots.attribution.geometry import FloatArray, bearings_deg
from opengov.hotspots.attribution.model import (
    COUNTRY_UNKNOWN,
    IGNORED_LOW_CONFIDENCE,
    IGNORED_NOT_VEGETATION,
    IGNORED_OTHER_INSTRUMENT,
    LAND_USE_UNKNOWN,
    MODIS,
    Contribution,
    HotspotRecord,
    Receptor,
    RingTotals,
    UpwindParameters,
    UpwindResult,
    Wind,
)
from opengov.hotspots.confidence import MODIS_MIN_CONFIDENCE, VIIRS_CLASSES

KMH_PER_MS: Final = 3.6


def hotspot_passes_filter(hotspot: HotspotRecord) -> bool:
    """The default analysis filter (spec §4.2): VIIRS ``n``/``h``, MODIS confidence ≥ 30 (the
    ``n``/``h`` class when the percentage is missing), fire ``type`` 0 when present."""
    return _ignored_reason(hotspot, check_confidence=True, instrument=hotspot.instrument) is None


def upwind_transport_risk(
    receptor: Receptor,
    hour: datetime,
    wind: Wind,
    hotspots: Iterable[HotspotRecord],
    parameters: UpwindParameters | None = None,
) -> UpwindResult:
    """Upwind hotspot transport-risk index for ``receptor`` at ``hour`` (aware UTC).

    A transport-risk proxy, **not** a source apportionment: it weighs upwind FRP by distance,
    alignment with the wind and travel time (spec §5.1); see the module docstring for the
    formulas. Hotspots of the other instrument, and by default those failing the confidence
    filter, are ignored and counted in ``ignored``.
    """
    parameters = parameters or UpwindParameters()
    prepared = _prepare(receptor, hotspots, parameters)
    return _evaluate(prepared, hour, wind)


def upwind_transport_risk_series(
    receptor: Receptor,
    winds: Mapping[datetime, Wind],
    hotspots: Iterable[HotspotRecord],
    parameters: UpwindParameters | None = None,
) -> list[UpwindResult]:
    """The index for every hour of ``winds`` (in hour order); the geometry is computed once.

    A transport-risk proxy, not a source apportionment (see :func:`upwind_transport_risk`).
    """
    parameters = parameters or UpwindParameters()
    prepared = _prepare(receptor, hotspots, parameters)
    return [_evaluate(prepared, hour, winds[hour]) for hour in sorted(winds)]


@dataclass(frozen=True)
class _Prepared:
    """Hour-independent part: the kept hotspots and their geometry as arrays."""

    receptor: Receptor
    parameters: UpwindParameters
    hotspots: tuple[HotspotRecord, ...]
    distances: FloatArray
    bearings: FloatArray
    frp: FloatArray
    acquired_epoch: FloatArray
    ignored: dict[str, int]


def _ignored_reason(
    hotspot: HotspotRecord, *, check_confidence: bool, instrument: str
) -> str | None:
    if hotspot.instrument != instrument:
        return IGNORED_OTHER_INSTRUMENT
    if not check_confidence:
        return None
    if hotspot.fire_type is not None and hotspot.fire_type != 0:
        return IGNORED_NOT_VEGETATION
    if hotspot.instrument == MODIS and hotspot.confidence_pct is not None:
        confident = hotspot.confidence_pct >= MODIS_MIN_CONFIDENCE
    else:
        confident = hotspot.confidence_class in VIIRS_CLASSES
    return None if confident else IGNORED_LOW_CONFIDENCE


def _prepare(
    receptor: Receptor, hotspots: Iterable[HotspotRecord], parameters: UpwindParameters
) -> _Prepared:
    kept: list[HotspotRecord] = []
    ignored: dict[str, int] = {}
    for hotspot in hotspots:
        reason = _ignored_reason(
            hotspot,
            check_confidence=parameters.confidence_filter,
            instrument=parameters.instrument,
        )
        if reason is None:
            kept.append(hotspot)
        else:
            ignored[reason] = ignored.get(reason, 0) + 1
    lats = np.array([hotspot.lat for hotspot in kept], dtype=np.float64)
    lons = np.array([hotspot.lon for hotspot in kept], dtype=np.float64)
    return _Prepared(
        receptor=receptor,
        parameters=parameters,
        hotspots=tuple(kept),
        distances=haversine_km(receptor.lat, receptor.lon, lats, lons),
        bearings=bearings_deg(receptor.lat, receptor.lon, lats, lons),
        # A detection without FRP still counts as a hotspot but adds nothing to ΣFRP or S.
        frp=np.array([hotspot.frp_mw or 0.0 for hotspot in kept], dtype=np.float64),
        acquired_epoch=np.array(
            [_epoch_seconds(hotspot.acquired_at) for hotspot in kept], dtype=np.float64
        ),
        ignored=ignored,
    )


def _epoch_seconds(moment: datetime) -> float:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware (UTC)")
    return moment.timestamp()


def _time_weights(
    ages: FloatArray, distances: FloatArray, speed_ms: float | None, parameters: UpwindParameters
) -> tuple[FloatArray, bool]:
    fallback = speed_ms is None or not math.isfinite(speed_ms) or speed_ms <= 0
    if speed_ms is None or fallback:
        start = np.full_like(ages, parameters.fallback_window_hours[0])
        end = np.full_like(ages, parameters.fallback_window_hours[1])
    else:
        travel_hours = distances / (speed_ms * KMH_PER_MS)
        start = travel_hours - parameters.window_before_hours
        end = travel_hours + parameters.window_after_hours
    if not parameters.include_later_detections:
        start = np.maximum(start, 0.0)
    inside = (ages >= start) & (ages <= end)
    weights: FloatArray = inside.astype(np.float64)
    if parameters.tail_hours is not None:
        after = ages > end
        weights[after] = np.exp(-(ages[after] - end[after]) / parameters.tail_hours)
    return weights, fallback


def _ring_totals(
    rings_km: tuple[float, ...], distances: FloatArray, frp: FloatArray, terms: FloatArray
) -> tuple[RingTotals, ...]:
    return tuple(
        RingTotals(
            ring_km=ring,
            count=int(np.count_nonzero(distances <= ring)),
            frp_sum_mw=float(frp[distances <= ring].sum()),
            score=float(terms[distances <= ring].sum()),
        )
        for ring in rings_km
    )


def _split(
    keys: list[str],
    rings_km: tuple[float, ...],
    distances: FloatArray,
    frp: FloatArray,
    terms: FloatArray,
) -> dict[str, tuple[RingTotals, ...]]:
    key_array = np.array(keys, dtype=object)
    return {
        key: _ring_totals(
            rings_km, distances[key_array == key], frp[key_array == key], terms[key_array == key]
        )
        for key in sorted(set(keys))
    }


def _evaluate(prepared: _Prepared, hour: datetime, wind: Wind) -> UpwindResult:
    parameters = prepared.parameters
    ages = (_epoch_seconds(hour) - prepared.acquired_epoch) / 3600.0
    weights, fallback = _time_weights(ages, prepared.distances, wind.speed_ms, parameters)
    direction_missing = wind.from_deg is None or not math.isfinite(wind.from_deg)
    if wind.from_deg is None or direction_missing:
        offsets = np.full_like(prepared.bearings, np.nan)
        upwind = np.zeros(prepared.bearings.shape, dtype=bool)
    else:
        offsets = np.abs(np.mod(prepared.bearings - wind.from_deg + 540.0, 360.0) - 180.0)
        upwind = offsets <= parameters.sector_half_angle_deg
    if parameters.alignment == "cosine":
        alignments = np.maximum(np.cos(np.radians(offsets)), 0.0)
    else:
        alignments = np.ones_like(offsets)
    kernels = np.exp(-prepared.distances / parameters.kernel_length_km)
    within = prepared.distances <= parameters.rings_km[-1]
    contributing = np.flatnonzero(upwind & within & (weights > 0))

    distances = prepared.distances[contributing]
    frp = prepared.frp[contributing]
    terms = frp * kernels[contributing] * alignments[contributing] * weights[contributing]
    chosen = [prepared.hotspots[index] for index in contributing]
    countries = [hotspot.country_code or COUNTRY_UNKNOWN for hotspot in chosen]
    land_uses = [hotspot.land_use or LAND_USE_UNKNOWN for hotspot in chosen]
    contributions = tuple(
        Contribution(
            hotspot_id=hotspot.hotspot_id,
            distance_km=float(prepared.distances[index]),
            bearing_deg=float(prepared.bearings[index]),
            offset_deg=float(offsets[index]),
            kernel=float(kernels[index]),
            alignment=float(alignments[index]),
            time_weight=float(weights[index]),
            age_hours=float(ages[index]),
            frp_mw=float(prepared.frp[index]),
            contribution=float(term),
            country_code=country,
            land_use=land_use,
        )
        for hotspot, index, term, country, land_use in zip(
            chosen, contributing, terms, countries, land_uses, strict=True
        )
    )
    rings_km = parameters.rings_km
    return UpwindResult(
        receptor=prepared.receptor,
        hour=hour,
        wind=wind,
        parameters=parameters,
        fallback_window=fallback,
        direction_missing=direction_missing,
        rings=_ring_totals(rings_km, distances, frp, terms),
        by_country=_split(countries, rings_km, distances, frp, terms),
        by_land_use=_split(land_uses, rings_km, distances, frp, terms),
        contributions=contributions,
        ignored=dict(sorted(prepared.ignored.items())),
    )
