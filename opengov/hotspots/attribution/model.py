"""Plain data of the upwind transport-risk index: inputs, parameters and results (pure).

The index is a transport-risk proxy, not a source apportionment; every result carries
:data:`LABEL_TH` / :data:`LABEL_EN`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Final, Literal

LABEL_TH: Final = "ดัชนีความเสี่ยงจากการพัดพาควันจากจุดความร้อนเหนือลม — ไม่ใช่การระบุแหล่งกำเนิด"
LABEL_EN: Final = "Upwind hotspot transport-risk index — not a source apportionment"

VIIRS: Final = "VIIRS"
MODIS: Final = "MODIS"
COUNTRY_UNKNOWN: Final = "unknown"
LAND_USE_UNKNOWN: Final = "unknown"  # the land-use codes are geo's (GISTDA's six classes)

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
    ``land_use`` is a land-use class code of the geo layers or ``"unknown"``."""

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
