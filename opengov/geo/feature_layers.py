"""Parse land-use / responsibility zone layers and risk-place layers (pure: no Django import).

Two kinds of GeoJSON FeatureCollection (WGS84) besides the administrative areas:

* ``land_use`` — polygons of GISTDA's six responsibility classes (spec air-quality §6.1), read from
  ``class`` (our slug), ``lu_code`` (1–6 in GISTDA's table order) or ``lu_name`` (the Thai or
  English class name). Lines (highways) become the 50 m corridor on each side. An organisation's
  private layer (e.g. cane fields harvested by burning vs by machine) may use any class label.
* ``burn_scars`` — polygons of burned area mapped by an agency (e.g. GISTDA's Landsat/Sentinel-2
  dNBR scars), each with its year (``burn_year`` / ``year``, or the year of ``burn_date``).
* ``risk_places`` — points: power plants (WRI Global Power Plant Database columns ``gppd_idnr``,
  ``name``, ``capacity_mw``, ``primary_fuel``, ``country``), factories, sugar mills; kind from
  ``kind`` / ``type`` (or ``power_plant`` when GPPD columns are present).

Problems are :class:`~opengov.geo.geojson_layers.LayerProblem` codes, rendered in Thai and English
by ``layer_messages`` like those of the area layers.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import shapely
from shapely.errors import ShapelyError
from shapely.geometry import shape

from opengov.geo.geojson_layers import (
    LayerInvalid,
    LayerProblem,
    geojson_document_load,
    polygonal_part,
)

LAND_USE: Final = "land_use"
RISK_PLACES: Final = "risk_places"
BURN_SCARS: Final = "burn_scars"
FEATURE_LAYER_KINDS: Final = (LAND_USE, RISK_PLACES, BURN_SCARS)
BURN_SCAR_CLASS: Final = "burn_scar"

UNKNOWN_CLASS: Final = "unknown"
LAND_USE_CLASSES: Final = (
    "conservation_forest",
    "alro",
    "reserved_forest",
    "agriculture",
    "community_other",
    "highway_corridor",
)
"""GISTDA's six classes in the order of its table (lu_code 1–6); where zones overlap the first
class in this order wins (GISTDA's own precedence is unpublished — spec §9)."""

_CLASS_ALIASES: Final[Mapping[str, str]] = {
    "ป่าอนุรักษ์": "conservation_forest",
    "conservation forest": "conservation_forest",
    "พื้นที่เขต ส.ป.ก.": "alro",
    "เขต ส.ป.ก.": "alro",
    "ส.ป.ก.": "alro",
    "alro land-reform area": "alro",
    "alro": "alro",
    "ป่าสงวนแห่งชาติ": "reserved_forest",
    "national reserved forest": "reserved_forest",
    "พื้นที่เกษตร": "agriculture",
    "agriculture": "agriculture",
    "ชุมชนและอื่นๆ": "community_other",
    "ชุมชนและอื่น ๆ": "community_other",
    "community and other": "community_other",
    "พื้นที่ริมทางหลวง": "highway_corridor",
    "highway corridor": "highway_corridor",
}
HIGHWAY_HALF_WIDTH_M: Final = 50.0
RISK_PLACE_KINDS: Final = ("power_plant", "factory", "sugar_mill", "other")
_KIND_ALIASES: Final[Mapping[str, str]] = {
    "power plant": "power_plant",
    "โรงไฟฟ้า": "power_plant",
    "โรงงาน": "factory",
    "sugar mill": "sugar_mill",
    "โรงงานน้ำตาล": "sugar_mill",
}
_MAX_TEXT: Final = 200
_METRES_PER_DEGREE: Final = 111_320.0


@dataclass(frozen=True)
class ParsedZone:
    zone_class: str
    name: str
    year: int | None
    geometry: shapely.Geometry
    geometry_json: str
    bbox: tuple[float, float, float, float]
    feature_index: int


@dataclass(frozen=True)
class ParsedRiskPlace:
    kind: str
    external_id: str
    name: str
    lat: float
    lon: float
    country_code: str
    capacity_mw: float | None
    fuel: str
    feature_index: int


@dataclass(frozen=True)
class ParsedFeatureLayer:
    kind: str
    sha1: str
    zones: list[ParsedZone]
    places: list[ParsedRiskPlace]

    @property
    def feature_count(self) -> int:
        return len(self.zones) + len(self.places)


def feature_layer_detect(features: Sequence[Any]) -> str | None:
    """``land_use`` or ``risk_places`` from the first feature's properties, else ``None``."""
    first = features[0] if features and isinstance(features[0], dict) else {}
    props = first.get("properties")
    keys = set(props) if isinstance(props, dict) else set()
    if keys & {"gppd_idnr", "primary_fuel", "risk_kind"}:
        return RISK_PLACES
    if keys & {"burn_year", "burn_date"}:
        return BURN_SCARS
    if keys & {"lu_code", "lu_name", "land_use_class", "class"}:
        return LAND_USE
    return None


def feature_layer_parse(data: bytes, *, kind: str | None, private: bool) -> ParsedFeatureLayer:
    """Parse a land-use or risk-place layer; raise :class:`LayerInvalid` listing every problem.

    ``private`` layers (an organisation's own) may use free class labels; public land-use layers
    must use GISTDA's six classes so that every hotspot is tagged in one vocabulary."""
    sha1 = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    features = geojson_document_load(data)["features"]
    detected = kind or feature_layer_detect(features)
    if detected not in FEATURE_LAYER_KINDS:
        raise LayerInvalid([LayerProblem("unknown_layer")])
    problems: list[LayerProblem] = []
    zones: list[ParsedZone] = []
    places: list[ParsedRiskPlace] = []
    for index, feature in enumerate(features):
        try:
            if detected == LAND_USE:
                zones.append(_zone_parse(index, feature, private))
            elif detected == BURN_SCARS:
                zones.append(_burn_scar_parse(index, feature))
            else:
                places.append(_place_parse(index, feature))
        except LayerInvalid as invalid:
            problems.extend(invalid.problems)
    if not problems and not zones and not places:
        problems.append(LayerProblem("no_features"))
    if problems:
        raise LayerInvalid(problems)
    return ParsedFeatureLayer(detected, sha1, zones, places)


def _props(index: int, feature: Any) -> dict[str, Any]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise LayerInvalid([LayerProblem("not_feature", index)])
    props = feature.get("properties")
    return props if isinstance(props, dict) else {}


def _text(props: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        value = props.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()[:_MAX_TEXT]
    return ""


def land_use_class_of(props: Mapping[str, Any]) -> str:
    """Our class slug from ``class`` / ``land_use_class``, ``lu_code`` or ``lu_name``; ``""``
    when none of them names a class."""
    slug = _text(props, "land_use_class", "class")
    if slug in LAND_USE_CLASSES:
        return slug
    code = _text(props, "lu_code")
    if code.isdigit() and 1 <= int(code) <= len(LAND_USE_CLASSES):
        return LAND_USE_CLASSES[int(code) - 1]
    name = _text(props, "lu_name", "land_use_class", "class")
    return _CLASS_ALIASES.get(name.lower(), _CLASS_ALIASES.get(name, ""))


def _zone_parse(index: int, feature: Any, private: bool) -> ParsedZone:
    props = _props(index, feature)
    name = _text(props, "name", "name_th", "lu_name", "NAME")
    zone_class = land_use_class_of(props)
    label = name or zone_class
    if not zone_class and private:
        zone_class = _text(props, "class", "land_use_class", "lu_name")[:64]
    if not zone_class:
        raise LayerInvalid([LayerProblem("unknown_land_use_class", index, label)])
    geometry = _zone_geometry(index, label, feature.get("geometry"))
    bounds = shapely.bounds(geometry)
    return ParsedZone(
        zone_class=zone_class,
        name=name,
        year=None,
        geometry=geometry,
        geometry_json=shapely.to_geojson(geometry),
        bbox=(float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3])),
        feature_index=index,
    )


def _burn_scar_parse(index: int, feature: Any) -> ParsedZone:
    props = _props(index, feature)
    name = _text(props, "name", "id")
    year_text = _text(props, "burn_year", "year", "BURN_YEAR")
    date_text = _text(props, "burn_date", "date")
    if not year_text and len(date_text) >= 4:
        year_text = date_text[:4]
    if not (year_text.isdigit() and 1980 <= int(year_text) <= 2100):
        raise LayerInvalid([LayerProblem("missing_burn_year", index, name)])
    geometry = _zone_geometry(index, name, feature.get("geometry"))
    bounds = shapely.bounds(geometry)
    return ParsedZone(
        zone_class=BURN_SCAR_CLASS,
        name=name,
        year=int(year_text),
        geometry=geometry,
        geometry_json=shapely.to_geojson(geometry),
        bbox=(float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3])),
        feature_index=index,
    )


def _zone_geometry(index: int, label: str, raw: Any) -> shapely.Geometry:
    geometry = _geometry_read(index, label, raw)
    if geometry.geom_type in ("LineString", "MultiLineString"):
        return corridor(geometry, HIGHWAY_HALF_WIDTH_M)
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        params = {"type": geometry.geom_type}
        raise LayerInvalid([LayerProblem("not_polygon", index, label, params)])
    if not geometry.is_valid:
        repaired = polygonal_part(shapely.make_valid(geometry))
        if repaired is None:
            params = {"reason": shapely.is_valid_reason(geometry)}
            raise LayerInvalid([LayerProblem("invalid_geometry", index, label, params)])
        geometry = repaired
    return geometry


def corridor(line: shapely.Geometry, half_width_m: float) -> shapely.Geometry:
    """The band ``half_width_m`` on each side of a line given in degrees: buffered in a local
    equirectangular projection (longitude scaled by cos(latitude)), exact to well under a metre
    at 50 m in Thailand."""
    lat0 = (shapely.bounds(line)[1] + shapely.bounds(line)[3]) / 2
    scale = math.cos(math.radians(lat0))
    flat = shapely.transform(line, lambda xy: xy * [scale, 1.0])
    band = shapely.buffer(flat, half_width_m / _METRES_PER_DEGREE)
    return shapely.transform(band, lambda xy: xy / [scale, 1.0])


def _geometry_read(index: int, label: str, raw: Any) -> shapely.Geometry:
    if not isinstance(raw, dict) or raw.get("type") is None:
        raise LayerInvalid([LayerProblem("missing_geometry", index, label)])
    try:
        geometry = shape(raw)
    except (ValueError, TypeError, AttributeError, IndexError, ShapelyError) as exc:
        params = {"detail": str(exc)}
        raise LayerInvalid([LayerProblem("bad_geometry", index, label, params)]) from exc
    if geometry.is_empty:
        raise LayerInvalid([LayerProblem("empty_geometry", index, label)])
    min_x, min_y, max_x, max_y = shapely.bounds(geometry)
    if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
        raise LayerInvalid([LayerProblem("projected_coordinates", index, label)])
    return geometry


def _place_parse(index: int, feature: Any) -> ParsedRiskPlace:
    props = _props(index, feature)
    name = _text(props, "name", "name_th", "name_en")
    external_id = _text(props, "gppd_idnr", "id", "external_id")
    label = " ".join(part for part in (external_id, name) if part)
    geometry = _geometry_read(index, label, feature.get("geometry"))
    if geometry.geom_type != "Point":
        params = {"type": geometry.geom_type}
        raise LayerInvalid([LayerProblem("not_point", index, label, params)])
    raw_kind = _text(props, "risk_kind", "kind", "type")
    kind = raw_kind if raw_kind in RISK_PLACE_KINDS else _KIND_ALIASES.get(raw_kind.lower(), "")
    if not kind:
        kind = "power_plant" if "gppd_idnr" in props or "primary_fuel" in props else "other"
    capacity_mw = _number(props.get("capacity_mw"))
    if not name:
        raise LayerInvalid([LayerProblem("missing_name", index, label)])
    return ParsedRiskPlace(
        kind=kind,
        external_id=external_id[:64],
        name=name,
        lat=round(float(geometry.y), 6),
        lon=round(float(geometry.x), 6),
        country_code=_text(props, "country", "country_code")[:3].upper(),
        capacity_mw=capacity_mw,
        fuel=_text(props, "primary_fuel", "fuel")[:64],
        feature_index=index,
    )


def _number(value: Any) -> float | None:
    """A finite number from a property, or None (absent, empty or not a number)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
