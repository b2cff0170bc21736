"""Upwind hotspot transport-risk index for one receptor and hour (spec §5.1).

This is a **transport-risk proxy, not a source apportionment**: it says how much fire radiative
power lay upwind, close enough and at the right age for its smoke to reach the receptor at hour
``t`` if the wind held. It does not say where the receptor's PM2.5 came from. Every screen, API
field and export that shows a result must carry :data:`LABEL_TH` / :data:`LABEL_EN`.

Pure module: no Django import. Inputs are plain data (:class:`Receptor`, :class:`Wind`,
:class:`HotspotRecord`, :class:`UpwindParameters`); the output is a frozen
:class:`UpwindResult` that turns into JSON-able data with :meth:`UpwindResult.as_dict`.

For each hotspot H (after the filters of spec §4.2 / §5.1 step 6, one instrument only):

* bearing receptor → H, ``β = atan2(sin Δλ·cos φ2, cos φ1·sin φ2 − sin φ1·cos φ2·cos Δλ)`` in
  [0, 360); great-circle distance ``d`` by haversine with R = 6371.0 km;
* offset from the upwind direction ``Δ = |((β − θw + 540) mod 360) − 180|``; H is upwind when
  ``Δ ≤ α``;
* ``K = exp(−d / L)``; ``A = max(cos Δ, 0)`` (``"cosine"``) or 1 (``"tophat"``) inside the sector;
* ``T = 1`` when the age ``t − tH`` lies in ``[d/u − 3 h, d/u + 6 h]`` (never before 0 h unless
  :attr:`UpwindParameters.include_later_detections`), else 0 — or, with the optional tail,
  ``exp(−(age − end) / tail)`` after the window's end; with no usable wind speed (0 or missing)
  the fixed fallback window (default 0–24 h) applies and the result is flagged;
* contribution ``FRP · K · A · T``; the rings are cumulative (``d ≤ 50, 100, 250, 500 km``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

LABEL_TH: Final = "ดัชนีความเสี่ยงจากการพัดพาควันจากจุดความร้อนเหนือลม — ไม่ใช่การระบุแหล่งกำเนิด"
LABEL_EN: Final = "Upwind hotspot transport-risk index — not a source apportionment"

EARTH_RADIUS_KM: Final = 6371.0
KMH_PER_MS: Final = 3.6
VIIRS: Final = "VIIRS"
MODIS: Final = "MODIS"
VIIRS_ACCEPTED_CLASSES: Final = frozenset({"n", "h"})
MODIS_MIN_CONFIDENCE_PCT: Final = 30
VEGETATION_FIRE_TYPE: Final = 0
COUNTRY_UNKNOWN: Final = "unknown"
LAND_USE_UNKNOWN: Final = "unknown"
# GISTDA's six responsibility classes (spec §6.1): code → (Thai, English). GISTDA's own lu_code
# strings are unverified, so the codes here are ours; any other string is still split on as given.
LAND_USE_CLASSES: Final[dict[str, tuple[str, str]]] = {
    "conservation_forest": ("ป่าอนุรักษ์", "conservation forest"),
    "alro": ("พื้นที่เขต ส.ป.ก.", "ALRO land-reform area"),
    "reserved_forest": ("ป่าสงวนแห่งชาติ", "national reserved forest"),
    "agriculture": ("พื้นที่เกษตร", "agriculture"),
    "community_other": ("ชุมชนและอื่นๆ", "community and other"),
    "highway_corridor": ("พื้นที่ริมทางหลวง", "highway corridor (50 m)"),
    LAND_USE_UNKNOWN: ("ไม่ทราบ", "unknown"),
}

# Reasons a hotspot is left out before the geometry, reported in UpwindResult.ignored.
IGNORED_OTHER_INSTRUMENT: Final = "other_instrument"
IGNORED_LOW_CONFIDENCE: Final = "low_confidence"
IGNORED_NOT_VEGETATION: Final = "not_vegetation_fire"

Alignment = Literal["cosine", "tophat"]


@dataclass(frozen=True)
class Receptor:
    """Where the smoke would arrive: a station or a tambon centroid (degrees WGS 84)."""

    lat: float
    lon: float
    receptor_id: str | None = None


@dataclass(frozen=True)
class Wind:
    """Wind at the receptor for the hour: the direction it blows **from** (meteorological
    degrees), its speed in m/s, and which source supplied it (spec §5.1 step 7)."""

    from_deg: float | None
    speed_ms: float | None
    source: str


@dataclass(frozen=True)
class HotspotRecord:
    """One FIRMS detection as the index needs it. ``confidence_pct`` is MODIS only;
    ``fire_type`` only in archive files; ``country_code`` is ISO 3166-1 alpha-3 or ``""``;
    ``land_use`` is a :data:`LAND_USE_CLASSES` code or ``"unknown"``."""

    hotspot_id: int | str
    lat: float
    lon: float
    frp_mw: float | None
    acquired_at: datetime
    instrument: str
    satellite: str
    confidence_class: str
    confidence_pct: int | None = None
    fire_type: int | None = None
    country_code: str = ""
    land_use: str = LAND_USE_UNKNOWN


@dataclass(frozen=True)
class UpwindParameters:
    """Every tunable of the index; stored with each result so it can be reproduced.

    ``tail_hours`` switches on the optional decaying tail: after the window's end the weight is
    ``exp(−(age − end) / tail_hours)`` instead of 0. ``include_later_detections`` lets detections
    made after hour ``t`` count when the window starts below 0 h (the spec formula read
    literally); off by default so a result for hour ``t`` never changes when later passes arrive.
    """

    sector_half_angle_deg: float = 45.0
    rings_km: tuple[float, ...] = (50.0, 100.0, 250.0, 500.0)
    kernel_length_km: float = 75.0
    alignment: Alignment = "cosine"
    window_before_hours: float = 3.0
    window_after_hours: float = 6.0
    fallback_window_hours: tuple[float, float] = (0.0, 24.0)
    tail_hours: float | None = None
    include_later_detections: bool = False
    confidence_filter: bool = True
    instrument: str = VIIRS
    method_version: str = "upwind-sector/1"

    def __post_init__(self) -> None:
        if not 0 < self.sector_half_angle_deg <= 180:
            raise ValueError("sector_half_angle_deg must be in (0, 180]")
        if not self.rings_km or list(self.rings_km) != sorted(set(self.rings_km)):
            raise ValueError("rings_km must be a non-empty, strictly increasing tuple")
        if self.kernel_length_km <= 0:
            raise ValueError("kernel_length_km must be positive")
        if self.alignment not in ("cosine", "tophat"):
            raise ValueError("alignment must be 'cosine' or 'tophat'")
        if self.fallback_window_hours[0] > self.fallback_window_hours[1]:
            raise ValueError("fallback_window_hours must be (start, end) with start <= end")
        if self.tail_hours is not None and self.tail_hours <= 0:
            raise ValueError("tail_hours must be positive or None")
        if self.instrument not in (VIIRS, MODIS):
            raise ValueError("instrument must be 'VIIRS' or 'MODIS'")


@dataclass(frozen=True)
class RingTotals:
    """Cumulative totals for hotspots with ``d ≤ ring_km`` that contribute (upwind, in the
    travel-time window): how many, their summed FRP and the score S."""

    ring_km: float
    count: int
    frp_sum_mw: float
    score: float


@dataclass(frozen=True)
class Contribution:
    """One contributing hotspot and every factor of its term ``FRP · K · A · T``."""

    hotspot_id: int | str
    distance_km: float
    bearing_deg: float
    offset_deg: float
    kernel: float
    alignment: float
    time_weight: float
    age_hours: float
    frp_mw: float
    contribution: float
    country_code: str
    land_use: str


@dataclass(frozen=True)
class UpwindResult:
    """The index for one receptor and hour. ``by_country`` and ``by_land_use`` hold the same
    ring totals split by the hotspot's country (``"unknown"`` when untagged) and land-use class;
    only keys with at least one contributing hotspot appear. ``fallback_window`` is true when
    the wind speed was 0 or missing; ``direction_missing`` when no sector could be drawn (then
    nothing contributes). ``ignored`` counts hotspots dropped by reason before the geometry."""

    receptor: Receptor
    hour: datetime
    wind: Wind
    parameters: UpwindParameters
    fallback_window: bool
    direction_missing: bool
    rings: tuple[RingTotals, ...]
    by_country: Mapping[str, tuple[RingTotals, ...]]
    by_land_use: Mapping[str, tuple[RingTotals, ...]]
    contributions: tuple[Contribution, ...]
    ignored: Mapping[str, int] = field(default_factory=dict)
    label_th: str = LABEL_TH
    label_en: str = LABEL_EN

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form (datetimes as ISO 8601 text, tuples as lists)."""
        data = asdict(self)
        data["hour"] = self.hour.isoformat()
        data["parameters"]["rings_km"] = list(self.parameters.rings_km)
        data["parameters"]["fallback_window_hours"] = list(self.parameters.fallback_window_hours)
        data["rings"] = [asdict(ring) for ring in self.rings]
        data["by_country"] = {
            key: [asdict(ring) for ring in rings] for key, rings in self.by_country.items()
        }
        data["by_land_use"] = {
            key: [asdict(ring) for ring in rings] for key, rings in self.by_land_use.items()
        }
        data["contributions"] = [asdict(item) for item in self.contributions]
        data["ignored"] = dict(self.ignored)
        return data


@dataclass(frozen=True)
class WindCandidate:
    """A meteorological source near the receptor (TMD station, ERA5 / Open-Meteo grid point).
    ``tier`` orders the kinds of source (spec §5.1 step 7: TMD / ERA5 before Open-Meteo);
    lower is preferred, distance breaks ties within a tier."""

    source: str
    lat: float
    lon: float
    from_deg: float | None
    speed_ms: float | None
    tier: int = 1


@dataclass(frozen=True)
class WindChoice:
    """The wind chosen for a receptor and hour; ``distance_km`` is 0 for the station's own."""

    wind: Wind
    source: str
    distance_km: float


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing from point 1 to point 2 in degrees, normalised to [0, 360) (spec §5.1)."""
    return float(_bearings(lat1, lon1, np.array([lat2]), np.array([lon2]))[0])


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by haversine with R = 6371.0 km (spec §5.1)."""
    return float(_distances(lat1, lon1, np.array([lat2]), np.array([lon2]))[0])


def upwind_offset_deg(bearing: float, wind_from_deg: float) -> float:
    """Angle between a bearing and the upwind direction, in [0, 180] (spec §5.1 step 3)."""
    return abs(((bearing - wind_from_deg + 540.0) % 360.0) - 180.0)


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


# ----------------------------------------------------------------------------------------------


FloatArray = npt.NDArray[np.float64]


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


def _wind_usable(from_deg: float | None, speed_ms: float | None) -> bool:
    return (
        from_deg is not None
        and speed_ms is not None
        and math.isfinite(from_deg)
        and math.isfinite(speed_ms)
        and speed_ms >= 0
    )


def _ignored_reason(
    hotspot: HotspotRecord, *, check_confidence: bool, instrument: str
) -> str | None:
    if hotspot.instrument != instrument:
        return IGNORED_OTHER_INSTRUMENT
    if not check_confidence:
        return None
    if hotspot.fire_type is not None and hotspot.fire_type != VEGETATION_FIRE_TYPE:
        return IGNORED_NOT_VEGETATION
    if hotspot.instrument == MODIS and hotspot.confidence_pct is not None:
        confident = hotspot.confidence_pct >= MODIS_MIN_CONFIDENCE_PCT
    else:
        confident = hotspot.confidence_class in VIIRS_ACCEPTED_CLASSES
    return None if confident else IGNORED_LOW_CONFIDENCE


def _bearings(lat1: float, lon1: float, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    phi1 = math.radians(lat1)
    phi2 = np.radians(lat2)
    delta_lambda = np.radians(lon2 - lon1)
    y = np.sin(delta_lambda) * np.cos(phi2)
    x = math.cos(phi1) * np.sin(phi2) - math.sin(phi1) * np.cos(phi2) * np.cos(delta_lambda)
    result: FloatArray = np.mod(np.degrees(np.arctan2(y, x)) + 360.0, 360.0)
    # mod of a tiny negative angle rounds to 360.0 exactly, which is outside [0, 360).
    result[result >= 360.0] = 0.0
    return result


def _distances(lat1: float, lon1: float, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    phi1 = math.radians(lat1)
    phi2 = np.radians(lat2)
    half_dphi = (phi2 - phi1) / 2.0
    half_dlambda = np.radians(lon2 - lon1) / 2.0
    a = np.sin(half_dphi) ** 2 + math.cos(phi1) * np.cos(phi2) * np.sin(half_dlambda) ** 2
    result: FloatArray = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return result


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
        distances=_distances(receptor.lat, receptor.lon, lats, lons),
        bearings=_bearings(receptor.lat, receptor.lon, lats, lons),
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
