"""Render the problems found in a layer file as sentences, in Thai and in English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opengov.geo.geojson_layers import LayerProblem
from opengov.geo.models import AreaLevel

MAX_PROBLEMS_SHOWN: Final = 20

_MESSAGES: Final[Mapping[str, Promise]] = {
    "not_json": _("The file is not valid JSON: {detail}"),
    "not_feature_collection": _("The file is not a GeoJSON FeatureCollection."),
    "wrong_crs": _(
        "The file declares the coordinate reference system {crs}; only WGS84 longitude/latitude "
        "(CRS84, EPSG:4326) is accepted."
    ),
    "unknown_layer": _(
        "Cannot tell the layer (country, province, district, sub-district, land_use, "
        "risk_places or burn_scars) from the properties; give it with --layer."
    ),
    "unknown_land_use_class": _(
        "{feature}: the land-use class is missing or unknown; use one of conservation_forest, "
        "alro, reserved_forest, agriculture, community_other, highway_corridor (property class, "
        "lu_code 1-6 or lu_name)."
    ),
    "missing_burn_year": _(
        "{feature}: the year of the burn is missing or not a year (property burn_year, year or "
        "burn_date)."
    ),
    "not_point": _("{feature}: the geometry is a {type}, not a Point."),
    "missing_name": _("{feature}: the name is missing."),
    "bad_visibility": _("Unknown visibility {value}: use public or organisation."),
    "private_without_owner": _("A private layer needs the organisation that owns it."),
    "unknown_level": _("Unknown layer {level}: use country, province, district or subdistrict."),
    "no_features": _("The file has no areas to load."),
    "not_feature": _("{feature}: this is not a GeoJSON Feature."),
    "missing_code": _("{feature}: the {level} code is missing."),
    "bad_code": _("{feature}: {code} is not a valid {level} code."),
    "parent_mismatch": _(
        "{feature}: the code {code} does not start with its parent code {parent}."
    ),
    "missing_name_th": _("{feature}: the Thai name is missing."),
    "missing_name_en": _("{feature}: the English name is missing."),
    "long_name_th": _("{feature}: the Thai name is longer than 200 characters."),
    "long_name_en": _("{feature}: the English name is longer than 200 characters."),
    "missing_geometry": _("{feature}: the geometry is missing."),
    "not_polygon": _("{feature}: the geometry is a {type}, not a Polygon or MultiPolygon."),
    "bad_geometry": _("{feature}: the geometry cannot be read ({detail})."),
    "empty_geometry": _("{feature}: the geometry is empty."),
    "projected_coordinates": _(
        "{feature}: the coordinates are outside the longitude/latitude range; the file seems to "
        "be in a projected coordinate system (convert it to WGS84, EPSG:4326)."
    ),
    "invalid_geometry": _(
        "{feature}: the geometry is invalid ({reason}) and cannot be repaired into a polygon."
    ),
    "duplicate_code": _("{feature}: the code {code} appears more than once (first at #{first})."),
    "parent_not_loaded": _(
        "{feature}: its {parent_level} {parent} is not loaded; load that layer first."
    ),
    "source_unreadable": _("Cannot read {source}: {detail}"),
    "download_failed": _("Cannot download {source}: {detail}"),
}
_FEATURE: Final = _("feature #{index} ({label})")
_FEATURE_UNNAMED: Final = _("feature #{index}")
_HEADER: Final = _("{source} was not loaded:")
_MORE: Final = _("… and {count} more problems.")


def _level_label(level: str) -> str:
    try:
        return str(AreaLevel(level).label).lower()
    except ValueError:
        return level


def problem_render(problem: LayerProblem) -> str:
    """One problem as a sentence in the active language."""
    params = dict(problem.params)
    for key in ("level", "parent_level"):
        if key in params:
            params[key] = _level_label(params[key])
    if problem.feature_index is not None:
        template = _FEATURE if problem.feature_label else _FEATURE_UNNAMED
        params["feature"] = str(template).format(
            index=problem.feature_index, label=problem.feature_label
        )
    message = _MESSAGES.get(problem.code)
    if message is None:
        return problem.code
    return str(message).format(**params)


def problems_render(source: str, problems: Sequence[LayerProblem], language: str) -> str:
    """A header plus one line per problem (at most ``MAX_PROBLEMS_SHOWN``) in ``language``."""
    with translation.override(language):
        lines = [str(_HEADER).format(source=source)]
        lines += [f"  - {problem_render(p)}" for p in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            lines.append("  " + str(_MORE).format(count=len(problems) - MAX_PROBLEMS_SHOWN))
    return "\n".join(lines)


def problems_render_bilingual(source: str, problems: Sequence[LayerProblem]) -> str:
    """The Thai rendering, then the English one."""
    return "\n".join(problems_render(source, problems, lang) for lang in ("th", "en"))
