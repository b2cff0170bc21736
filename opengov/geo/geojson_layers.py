"""Parse and validate a GeoJSON file of administrative areas (pure: no Django import).

``layer_parse`` turns the bytes of one file into a :class:`ParsedLayer` or raises
:class:`LayerInvalid` carrying every problem found, each naming the feature (index and code/name).
Problems are returned as codes plus parameters, not sentences: the Django side renders them in
Thai and English (see ``layer_messages``), so this module stays free of translation machinery.

Accepted layers and the properties read (first one present wins):

* ``country`` — code ``ISO_A3`` (``-99`` falls back to ``ADM0_A3``), English ``NAME_EN``/``NAME``,
  Thai ``NAME_TH`` or the official short name from :data:`COUNTRY_NAMES_TH`.
* ``province`` — code ``pro_code`` or ``ADM1_PCODE`` without ``TH`` (DOPA, 2 digits), names
  ``ADM1_TH``/``ADM1_EN``, ISO 3166-2 from ``iso3166_2`` or ``TH-<code>``.
* ``district`` — ``amp_code``/``ADM2_PCODE`` (4 digits), parent ``pro_code``/``ADM1_PCODE``.
* ``subdistrict`` — ``tam_code``/``ADM3_PCODE`` (6 digits), parent ``amp_code``/``ADM2_PCODE``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import shapely
from shapely.errors import ShapelyError
from shapely.geometry import shape

LEVELS: Final = ("country", "province", "district", "subdistrict")
"""Levels from the top down; files are loaded in this order."""

PARENT_LEVEL: Final[Mapping[str, str | None]] = {
    "country": None,
    "province": None,
    "district": "province",
    "subdistrict": "district",
}

# Official Thai short names (Royal Institute / MFA usage) for the countries of SOURCES.md §4;
# Natural Earth 4.x has no Thai name field.
COUNTRY_NAMES_TH: Final[Mapping[str, str]] = {
    "BGD": "บังกลาเทศ",
    "BRN": "บรูไนดารุสซาลาม",
    "BTN": "ภูฏาน",
    "CHN": "จีน",
    "HKG": "ฮ่องกง",
    "IDN": "อินโดนีเซีย",
    "IND": "อินเดีย",
    "KHM": "กัมพูชา",
    "LAO": "ลาว",
    "MAC": "มาเก๊า",
    "MMR": "เมียนมา",
    "MYS": "มาเลเซีย",
    "NPL": "เนปาล",
    "PHL": "ฟิลิปปินส์",
    "SGP": "สิงคโปร์",
    "THA": "ไทย",
    "TLS": "ติมอร์-เลสเต",
    "TWN": "ไต้หวัน",
    "VNM": "เวียดนาม",
}

# CRS84 or EPSG:4326 in any of the usual spellings (EPSG:4326, urn:ogc:def:crs:EPSG::4326,
# http://www.opengis.net/def/crs/EPSG/0/4326, urn:ogc:def:crs:OGC:1.3:CRS84 …).
_ACCEPTED_CRS: Final = re.compile(r"(?:CRS84|EPSG(?:[:/][0-9.]*)*[:/]4326)$", re.IGNORECASE)
_CODE_PATTERNS: Final[Mapping[str, re.Pattern[str]]] = {
    "country": re.compile(r"^[A-Z]{3}$"),
    "province": re.compile(r"^\d{2}$"),
    "district": re.compile(r"^\d{4}$"),
    "subdistrict": re.compile(r"^\d{6}$"),
}
_MAX_NAME_LENGTH: Final = 200
_OUTSIDE_FILTER: Final = shapely.Point()  # sentinel: feature dropped by a LayerFilter


@dataclass(frozen=True)
class LayerProblem:
    """One reason a file is rejected: a message code, the feature it concerns and parameters."""

    code: str
    feature_index: int | None = None
    feature_label: str = ""
    params: Mapping[str, str] = field(default_factory=dict)


class LayerInvalid(Exception):
    """The file cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: Sequence[LayerProblem]) -> None:
        super().__init__("; ".join(p.code for p in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class LayerFilter:
    """Keep only some features of a larger upstream file (e.g. Natural Earth's whole world)."""

    bbox: tuple[float, float, float, float] | None = None  # lon/lat min, max; feature must touch
    codes: frozenset[str] | None = None


@dataclass(frozen=True)
class ParsedArea:
    level: str
    code: str
    name_th: str
    name_en: str
    iso_code: str
    parent_code: str | None
    geometry: shapely.Geometry
    geometry_json: str  # canonical GeoJSON text of ``geometry`` (what is stored)
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
    feature_index: int


@dataclass(frozen=True)
class ParsedLayer:
    level: str
    sha1: str
    areas: list[ParsedArea]
    skipped: int  # features left out by a LayerFilter


def layer_parse(
    data: bytes, *, level: str | None = None, keep: LayerFilter | None = None
) -> ParsedLayer:
    """Parse a GeoJSON FeatureCollection of areas; raise :class:`LayerInvalid` on any problem."""
    sha1 = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    document = geojson_document_load(data)
    features = document["features"]
    if level is not None and level not in LEVELS:
        raise LayerInvalid([LayerProblem("unknown_level", params={"level": level})])
    detected = level or layer_detect(features)
    problems: list[LayerProblem] = []
    areas: list[ParsedArea] = []
    first_index: dict[str, int] = {}
    skipped = 0
    for index, feature in enumerate(features):
        try:
            area = _feature_parse(index, feature, detected, keep)
        except LayerInvalid as invalid:
            # Still note the code, so a later duplicate of a broken feature is reported too.
            problems.extend(invalid.problems)
            area = None
            code, label = _feature_code(feature, detected), invalid.problems[0].feature_label
        else:
            if area is None:
                skipped += 1
                continue
            code, label = area.code, _label(area.code, area.name_en)
        if code and code in first_index:
            params = {"code": code, "first": str(first_index[code])}
            problems.append(LayerProblem("duplicate_code", index, label, params))
            continue
        if code:
            first_index[code] = index
        if area is not None:
            areas.append(area)
    if not problems and not areas:
        problems.append(LayerProblem("no_features"))
    if problems:
        raise LayerInvalid(problems)
    return ParsedLayer(detected, sha1, areas, skipped)


def layer_detect(features: Sequence[Any]) -> str:
    """Tell the layer from the properties of the first feature (most specific code first)."""
    props = features[0].get("properties") if features and isinstance(features[0], dict) else None
    if isinstance(props, dict):
        keys = set(props)
        if keys & {"ADM3_PCODE", "tam_code"}:
            return "subdistrict"
        if keys & {"ADM2_PCODE", "amp_code"}:
            return "district"
        if keys & {"ADM1_PCODE", "pro_code"}:
            return "province"
        if keys & {"ADM0_A3", "ISO_A3"}:
            return "country"
    raise LayerInvalid([LayerProblem("unknown_layer")])


def geojson_document_load(data: bytes) -> dict[str, Any]:
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LayerInvalid([LayerProblem("not_json", params={"detail": str(exc)})]) from exc
    if (
        not isinstance(document, dict)
        or document.get("type") != "FeatureCollection"
        or not isinstance(document.get("features"), list)
    ):
        raise LayerInvalid([LayerProblem("not_feature_collection")])
    crs = document.get("crs")
    if crs is not None:
        name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
        if not isinstance(name, str) or not _ACCEPTED_CRS.search(name.strip()):
            raise LayerInvalid([LayerProblem("wrong_crs", params={"crs": json.dumps(crs)})])
    return document


def _text(props: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        value = props.get(key)
        if value is None or value == -99 or value == "-99":
            continue
        text = str(value).strip()
        if text:
            return text
    return ""


def _label(code: str, name: str) -> str:
    return " ".join(part for part in (code, name) if part)


def _dopa(props: Mapping[str, Any], plain_key: str, pcode_key: str) -> str:
    plain = _text(props, plain_key)
    if plain:
        return plain
    pcode = _text(props, pcode_key)
    return pcode.removeprefix("TH")


def _codes_and_names(props: Mapping[str, Any], level: str) -> tuple[str, str | None, str, str, str]:
    """Return code, parent code, Thai name, English name and ISO code of one feature."""
    if level == "country":
        code = _text(props, "ISO_A3", "ADM0_A3").upper()
        name_th = _text(props, "NAME_TH") or COUNTRY_NAMES_TH.get(code, "")
        return code, None, name_th, _text(props, "NAME_EN", "NAME", "ADMIN"), code
    if level == "province":
        code = _dopa(props, "pro_code", "ADM1_PCODE")
        iso = _text(props, "iso3166_2") or (f"TH-{code}" if code else "")
        return code, None, _text(props, "ADM1_TH"), _text(props, "ADM1_EN"), iso
    if level == "district":
        code = _dopa(props, "amp_code", "ADM2_PCODE")
        parent = _dopa(props, "pro_code", "ADM1_PCODE")
        return code, parent, _text(props, "ADM2_TH"), _text(props, "ADM2_EN"), ""
    code = _dopa(props, "tam_code", "ADM3_PCODE")
    parent = _dopa(props, "amp_code", "ADM2_PCODE")
    return code, parent, _text(props, "ADM3_TH"), _text(props, "ADM3_EN"), ""


def _feature_code(feature: Any, level: str) -> str:
    props = feature.get("properties") if isinstance(feature, dict) else None
    return _codes_and_names(props, level)[0] if isinstance(props, dict) else ""


def _feature_parse(
    index: int, feature: Any, level: str, keep: LayerFilter | None
) -> ParsedArea | None:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise LayerInvalid([LayerProblem("not_feature", index)])
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        props = {}
    code, parent, name_th, name_en, iso = _codes_and_names(props, level)
    label = _label(code, name_en or name_th)
    if keep is not None and keep.codes is not None and code not in keep.codes:
        return None
    problems: list[LayerProblem] = []
    if not code:
        problems.append(LayerProblem("missing_code", index, label, {"level": level}))
    elif not _CODE_PATTERNS[level].match(code):
        problems.append(LayerProblem("bad_code", index, label, {"code": code, "level": level}))
    elif parent is not None and not code.startswith(parent):
        problems.append(
            LayerProblem("parent_mismatch", index, label, {"code": code, "parent": parent})
        )
    for language, name in (("th", name_th), ("en", name_en)):
        if not name:
            problems.append(LayerProblem(f"missing_name_{language}", index, label))
        elif len(name) > _MAX_NAME_LENGTH:
            problems.append(LayerProblem(f"long_name_{language}", index, label))
    geometry = _geometry_parse(index, label, feature.get("geometry"), problems, keep)
    if geometry is _OUTSIDE_FILTER:
        return None
    if problems or geometry is None:
        raise LayerInvalid(problems)
    bounds = shapely.bounds(geometry)
    bbox = (float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3]))
    return ParsedArea(
        level=level,
        code=code,
        name_th=name_th,
        name_en=name_en,
        iso_code=iso,
        parent_code=parent,
        geometry=geometry,
        geometry_json=shapely.to_geojson(geometry),
        bbox=bbox,
        feature_index=index,
    )


def _geometry_parse(
    index: int, label: str, raw: Any, problems: list[LayerProblem], keep: LayerFilter | None
) -> shapely.Geometry | None:
    if not isinstance(raw, dict) or raw.get("type") is None:
        problems.append(LayerProblem("missing_geometry", index, label))
        return None
    kind = str(raw.get("type"))
    if kind not in ("Polygon", "MultiPolygon"):
        problems.append(LayerProblem("not_polygon", index, label, {"type": kind}))
        return None
    try:
        geometry = shape(raw)
    except (ValueError, TypeError, AttributeError, IndexError, ShapelyError) as exc:
        problems.append(LayerProblem("bad_geometry", index, label, {"detail": str(exc)}))
        return None
    if geometry.is_empty:
        problems.append(LayerProblem("empty_geometry", index, label))
        return None
    min_x, min_y, max_x, max_y = shapely.bounds(geometry)
    if keep is not None and keep.bbox is not None:
        # Bounds only: cheap, and safe on the invalid polygons of far-away features we drop.
        west, south, east, north = keep.bbox
        if max_x < west or min_x > east or max_y < south or min_y > north:
            return _OUTSIDE_FILTER
    if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
        # Metres (UTM 47N, EPSG:32647 …) rather than degrees: the file is in a projected CRS.
        problems.append(LayerProblem("projected_coordinates", index, label))
        return None
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        repaired = polygonal_part(shapely.make_valid(geometry))
        if repaired is None:
            problems.append(LayerProblem("invalid_geometry", index, label, {"reason": reason}))
            return None
        geometry = repaired
    return geometry


def polygonal_part(geometry: shapely.Geometry) -> shapely.Geometry | None:
    """Keep the polygons of a repaired geometry (make_valid may add lines and points)."""
    parts = [
        part
        for part in shapely.get_parts(geometry)
        if part.geom_type in ("Polygon", "MultiPolygon") and not part.is_empty and part.area > 0
    ]
    if not parts:
        return None
    merged = shapely.union_all(parts) if len(parts) > 1 else parts[0]
    if merged.is_empty or merged.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    return merged
