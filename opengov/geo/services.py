"""Write side of the geo app: load reference layers into ``Area`` rows, and land-use zones and
risk places into ``FeatureLayer`` layers (all or nothing per file, idempotent)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from opengov.accounts.models import Organisation
from opengov.accounts.selectors import AnyUser, user_is_officer, user_is_platform_admin
from opengov.geo.feature_layers import ParsedFeatureLayer, feature_layer_parse
from opengov.geo.geojson_layers import (
    LEVELS,
    PARENT_LEVEL,
    LayerInvalid,
    LayerProblem,
    ParsedArea,
    ParsedLayer,
    layer_parse,
)
from opengov.geo.layer_messages import problems_render, problems_render_bilingual
from opengov.geo.layer_sources import layer_source_read, source_is_url
from opengov.geo.models import (
    Area,
    FeatureLayer,
    FeatureLayerKind,
    LayerLoad,
    LayerVisibility,
    RiskPlace,
    Zone,
)
from opengov.geo.reference_layers import (
    REFERENCE_LAYERS,
    reference_layer_for_source,
    reference_layer_location,
)
from opengov.geo.selectors import area_index_clear, feature_index_clear

_COMPARED_FIELDS = (
    "name_th",
    "name_en",
    "iso_code",
    "parent_id",
    "geometry",
    "min_lon",
    "min_lat",
    "max_lon",
    "max_lat",
)
_BATCH = 500


@dataclass(frozen=True)
class LayerLoadResult:
    level: str
    source: str
    sha1: str
    features: int
    created: int
    updated: int
    unchanged: int
    absent: int  # rows of this level not in the file: kept, since other records point at them
    seconds: float
    skipped: bool = False  # demo: same file as the last load, nothing read into the database

    def summary(self) -> str:
        if self.skipped:
            return f"{self.level}: {self.source} already loaded (sha1 {self.sha1[:12]})"
        return (
            f"{self.level}: {self.features} areas from {self.source} — created {self.created}, "
            f"updated {self.updated}, unchanged {self.unchanged}, absent {self.absent} "
            f"({self.seconds:.2f} s)"
        )


class AreaLayerLoadError(Exception):
    """A layer file was rejected; nothing from it was loaded."""

    def __init__(self, source: str, problems: Sequence[LayerProblem]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(problems_render(source, self.problems, "en"))

    def render(self, language: str) -> str:
        return problems_render(self.source, self.problems, language)

    def bilingual(self) -> str:
        return problems_render_bilingual(self.source, self.problems)


def _layer_read(source: str, layer: str | None) -> ParsedLayer:
    reference = reference_layer_for_source(source)
    try:
        data = layer_source_read(source, timeout=float(settings.OPENGOV_HTTP_TIMEOUT))
        return layer_parse(data, level=layer, keep=reference.keep if reference else None)
    except LayerInvalid as invalid:
        raise AreaLayerLoadError(source, invalid.problems) from invalid


def area_layer_load(*, source: str, layer: str | None = None) -> LayerLoadResult:
    """Load one GeoJSON file or URL of areas (level from the properties or ``layer``).

    All or nothing: on any problem :class:`AreaLayerLoadError` names every bad feature and the
    database is unchanged. Re-loading the same file creates and rewrites nothing."""
    started = time.perf_counter()
    parsed = _layer_read(source, layer)
    return _parsed_layer_store(parsed=parsed, source=source, started=started)


def area_layers_load(*, sources: Sequence[str], layer: str | None = None) -> list[LayerLoadResult]:
    """Load several files in level order (country → province → district → sub-district).

    Every file is read and checked before any is stored; each file is then its own transaction.
    """
    started = time.perf_counter()
    parsed = [(source, _layer_read(source, layer)) for source in sources]
    parsed.sort(key=lambda item: LEVELS.index(item[1].level))
    results = []
    for source, layer_data in parsed:
        results.append(_parsed_layer_store(parsed=layer_data, source=source, started=started))
        started = time.perf_counter()
    return results


def reference_layers_load(*, write: Callable[[str], None] | None = None) -> list[LayerLoadResult]:
    """Load the registered reference layers from ``OPENGOV_DATA_DIR/geo`` or their canonical URLs.

    A layer is skipped without parsing when the last load of its level read the same bytes (same
    SHA-1) — or the same pinned URL — so a warm start costs a few file hashes."""
    say = write or (lambda _line: None)
    data_dir = Path(settings.OPENGOV_DATA_DIR)
    results = []
    for reference in REFERENCE_LAYERS:
        source = reference_layer_location(reference, data_dir)
        if source is None:
            say(f"{reference.level}: no file in {data_dir / 'geo'} and no canonical URL; skipped")
            continue
        last = LayerLoad.objects.filter(level=reference.level).order_by("-id").first()
        if source_is_url(source):
            if last is not None and last.source == source:
                skipped = LayerLoadResult(
                    reference.level, source, last.sha1, last.feature_count, 0, 0, 0, 0, 0.0, True
                )
                results.append(skipped)
                say(skipped.summary())
                continue
            result = area_layer_load(source=source, layer=reference.level)
        else:
            started = time.perf_counter()
            try:
                data = Path(source).read_bytes()
            except OSError as exc:
                problem = LayerProblem(
                    "source_unreadable", params={"source": source, "detail": str(exc)}
                )
                raise AreaLayerLoadError(source, [problem]) from exc
            sha1 = hashlib.sha1(data, usedforsecurity=False).hexdigest()
            if last is not None and last.sha1 == sha1:
                skipped = LayerLoadResult(
                    reference.level, source, sha1, last.feature_count, 0, 0, 0, 0, 0.0, True
                )
                results.append(skipped)
                say(skipped.summary())
                continue
            try:
                parsed = layer_parse(data, level=reference.level, keep=reference.keep)
            except LayerInvalid as invalid:
                raise AreaLayerLoadError(source, invalid.problems) from invalid
            result = _parsed_layer_store(parsed=parsed, source=source, started=started)
        results.append(result)
        say(result.summary())
    return results


def _parents(level: str) -> dict[str, int]:
    parent_level = PARENT_LEVEL[level]
    if parent_level is not None:
        rows = Area.objects.filter(level=parent_level).values_list("code", "id")
        return dict(rows)
    if level == "province":
        # Provinces hang under Thailand when the country layer is loaded (optional).
        return dict(Area.objects.filter(level="country", code="THA").values_list("code", "id"))
    return {}


def _area_values(area: ParsedArea, parent_id: int | None) -> dict[str, object]:
    min_lon, min_lat, max_lon, max_lat = area.bbox
    return {
        "name_th": area.name_th,
        "name_en": area.name_en,
        "iso_code": area.iso_code,
        "parent_id": parent_id,
        "geometry": area.geometry_json,
        "min_lon": min_lon,
        "min_lat": min_lat,
        "max_lon": max_lon,
        "max_lat": max_lat,
    }


@transaction.atomic
def _parsed_layer_store(*, parsed: ParsedLayer, source: str, started: float) -> LayerLoadResult:
    level = parsed.level
    parents = _parents(level)
    problems = []
    for area in parsed.areas:
        if PARENT_LEVEL[level] is not None and area.parent_code not in parents:
            problems.append(
                LayerProblem(
                    "parent_not_loaded",
                    area.feature_index,
                    f"{area.code} {area.name_en}",
                    {"parent": area.parent_code or "", "parent_level": PARENT_LEVEL[level] or ""},
                )
            )
    if problems:
        raise AreaLayerLoadError(source, problems)

    existing = {row.code: row for row in Area.objects.filter(level=level)}
    to_create: list[Area] = []
    to_update: list[Area] = []
    for area in parsed.areas:
        parent_id = parents.get(area.parent_code or "THA") if level != "country" else None
        values = _area_values(area, parent_id)
        row = existing.pop(area.code, None)
        if row is None:
            row = Area(level=level, code=area.code, source=source[:500], **values)
            row.clean_fields(exclude=["parent"])
            to_create.append(row)
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.source = source[:500]
            row.clean_fields(exclude=["parent"])
            to_update.append(row)
    Area.objects.bulk_create(to_create, batch_size=_BATCH)
    Area.objects.bulk_update(to_update, [*_COMPARED_FIELDS, "source"], batch_size=_BATCH)
    load = LayerLoad(
        level=level,
        source=source[:500],
        sha1=parsed.sha1,
        feature_count=len(parsed.areas),
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(parsed.areas) - len(to_create) - len(to_update),
    )
    load.full_clean()
    load.save()
    # The cached point index must see the new polygons, but only once they are committed.
    transaction.on_commit(area_index_clear)
    return LayerLoadResult(
        level=level,
        source=source,
        sha1=parsed.sha1,
        features=len(parsed.areas),
        created=load.created,
        updated=load.updated,
        unchanged=load.unchanged,
        absent=len(existing),
        seconds=time.perf_counter() - started,
    )


@dataclass(frozen=True)
class FeatureLayerLoadResult:
    slug: str
    kind: str
    source: str
    sha1: str
    features: int
    created: int
    updated: int
    removed: int
    seconds: float
    skipped: bool = False  # same bytes as the last load of this layer: nothing written

    def summary(self) -> str:
        if self.skipped:
            return f"{self.kind} {self.slug}: {self.source} already loaded (sha1 {self.sha1[:12]})"
        return (
            f"{self.kind} {self.slug}: {self.features} features from {self.source} — created "
            f"{self.created}, updated {self.updated}, removed {self.removed} ({self.seconds:.2f} s)"
        )


def feature_layer_load(
    *,
    source: str,
    slug: str,
    kind: str | None = None,
    name_th: str = "",
    name_en: str = "",
    owner_organisation_id: int | None = None,
    visibility: str = LayerVisibility.PUBLIC,
    data: bytes | None = None,
) -> FeatureLayerLoadResult:
    """Load a land-use zone layer or a risk-place layer (file, URL or ``data``) as layer ``slug``.

    All or nothing: every feature is checked first and :class:`AreaLayerLoadError` names every bad
    one. Loading the same bytes again writes nothing. A changed file replaces the layer's zones;
    risk places are matched by their source id (or name and position) so that hotspots tagged
    with them keep the link. Public land-use layers must use GISTDA's six classes; a private
    layer (``visibility="organisation"``, an owner required) may use its own class labels."""
    started = time.perf_counter()
    if visibility not in LayerVisibility.values:
        raise AreaLayerLoadError(
            source, [LayerProblem("bad_visibility", params={"value": visibility})]
        )
    private = visibility == LayerVisibility.ORGANISATION
    if private and owner_organisation_id is None:
        raise AreaLayerLoadError(source, [LayerProblem("private_without_owner")])
    try:
        raw = (
            data
            if data is not None
            else layer_source_read(source, timeout=float(settings.OPENGOV_HTTP_TIMEOUT))
        )
        parsed = feature_layer_parse(raw, kind=kind, private=private)
    except LayerInvalid as invalid:
        raise AreaLayerLoadError(source, invalid.problems) from invalid
    layer = FeatureLayer.objects.filter(slug=slug).first()
    if layer is not None and layer.sha1 == parsed.sha1 and layer.kind == parsed.kind:
        return FeatureLayerLoadResult(
            slug, parsed.kind, source, parsed.sha1, parsed.feature_count, 0, 0, 0, 0.0, True
        )
    with transaction.atomic():
        layer = layer or FeatureLayer(slug=slug)
        layer.kind = parsed.kind
        layer.name_th = name_th or layer.name_th or slug
        layer.name_en = name_en or layer.name_en or slug
        layer.visibility = visibility
        layer.owner_organisation_id = owner_organisation_id
        layer.source = source[:500]
        layer.sha1 = parsed.sha1
        layer.feature_count = parsed.feature_count
        layer.full_clean()
        layer.save()
        if parsed.kind in (FeatureLayerKind.LAND_USE, FeatureLayerKind.BURN_SCARS):
            counts = _zones_replace(layer, parsed)
        else:
            counts = _risk_places_upsert(layer, parsed)
    transaction.on_commit(feature_index_clear)
    return FeatureLayerLoadResult(
        slug,
        parsed.kind,
        source,
        parsed.sha1,
        parsed.feature_count,
        *counts,
        seconds=time.perf_counter() - started,
    )


def _zones_replace(layer: FeatureLayer, parsed: ParsedFeatureLayer) -> tuple[int, int, int]:
    removed, _ = Zone.objects.filter(layer=layer).delete()
    zones = []
    for zone in parsed.zones:
        min_lon, min_lat, max_lon, max_lat = zone.bbox
        zones.append(
            Zone(
                layer=layer,
                zone_class=zone.zone_class,
                name=zone.name,
                year=zone.year,
                geometry=zone.geometry_json,
                min_lon=min_lon,
                min_lat=min_lat,
                max_lon=max_lon,
                max_lat=max_lat,
            )
        )
    Zone.objects.bulk_create(zones, batch_size=_BATCH)
    return len(zones), 0, removed


def _place_key(external_id: str, name: str, lat: float, lon: float) -> str:
    return external_id or f"{name}@{lat:.6f},{lon:.6f}"


def _risk_places_upsert(layer: FeatureLayer, parsed: ParsedFeatureLayer) -> tuple[int, int, int]:
    existing = {
        _place_key(row.external_id, row.name, row.lat, row.lon): row
        for row in RiskPlace.objects.filter(layer=layer)
    }
    to_create: list[RiskPlace] = []
    to_update: list[RiskPlace] = []
    fields = ("kind", "external_id", "name", "lat", "lon", "country_code", "capacity_mw", "fuel")
    for place in parsed.places:
        values = {name: getattr(place, name) for name in fields}
        row = existing.pop(_place_key(place.external_id, place.name, place.lat, place.lon), None)
        if row is None:
            to_create.append(RiskPlace(layer=layer, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            to_update.append(row)
    RiskPlace.objects.bulk_create(to_create, batch_size=_BATCH)
    RiskPlace.objects.bulk_update(to_update, fields, batch_size=_BATCH)
    RiskPlace.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
    return len(to_create), len(to_update), len(existing)


class LayerUploadRefused(Exception):
    """The uploader may not write this layer (Thai and English messages)."""

    def __init__(self, message_en: str, message_th: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_th = message_th


def feature_layer_upload(
    *,
    user: AnyUser,
    organisation: Organisation,
    name_th: str,
    name_en: str,
    kind: str,
    visibility: str,
    data: bytes,
    filename: str,
) -> FeatureLayerLoadResult:
    """An officer loads (or replaces) a layer of their organisation from an uploaded GeoJSON
    file. Only platform admins may publish a public layer: public land-use layers and risk
    places change the public hotspot figures. Same checks and all-or-nothing load as
    :func:`feature_layer_load`."""
    if not user_is_officer(user, organisation):
        raise LayerUploadRefused(
            "Only officers of the organisation may load its layers.",
            "เฉพาะเจ้าหน้าที่ของหน่วยงานเท่านั้นที่นำเข้าชั้นข้อมูลของหน่วยงานได้",
        )
    if visibility == LayerVisibility.PUBLIC and not user_is_platform_admin(user):
        raise LayerUploadRefused(
            "Only platform administrators may publish a public layer.",
            "เฉพาะผู้ดูแลแพลตฟอร์มเท่านั้นที่เผยแพร่ชั้นข้อมูลสาธารณะได้",
        )
    slug = f"{organisation.slug}-{slugify(name_en or name_th) or 'layer'}"[:80]
    taken = FeatureLayer.objects.filter(slug=slug).first()
    if taken is not None and taken.owner_organisation_id != organisation.pk:
        raise LayerUploadRefused(
            f"The layer name {slug} is taken; choose another English name.",
            f"ชื่อชั้นข้อมูล {slug} ถูกใช้แล้ว โปรดเลือกชื่อภาษาอังกฤษอื่น",
        )
    return feature_layer_load(
        source=f"upload:{filename}"[:500],
        slug=slug,
        kind=kind,
        name_th=name_th,
        name_en=name_en,
        owner_organisation_id=organisation.pk,
        visibility=visibility,
        data=data,
    )
