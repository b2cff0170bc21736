"""Load reference layers from GeoJSON files or URLs: ``manage.py geo_load PATH_OR_URL [...]``.

Administrative areas (country → sub-district) and, with ``--layer land_use|risk_places`` or when
the properties say so, land-use / responsibility zones and risk places as a named layer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.text import slugify

from opengov.accounts.selectors import organisation_get
from opengov.geo.feature_layers import FEATURE_LAYER_KINDS, feature_layer_detect
from opengov.geo.geojson_layers import LEVELS
from opengov.geo.layer_sources import source_is_url
from opengov.geo.models import LayerVisibility
from opengov.geo.services import (
    AreaLayerLoadError,
    area_layers_load,
    feature_layer_load,
    reference_layers_load,
)


def _feature_kind(source: str) -> str | None:
    """Land-use / risk-place layer detected from a local file's first feature, else None."""
    if source_is_url(source):
        return None
    try:
        document = json.loads(Path(source).read_bytes())
        features = document.get("features") if isinstance(document, dict) else None
    except (OSError, ValueError):
        return None  # the area loader reports the unreadable file with its own message
    return feature_layer_detect(features) if isinstance(features, list) else None


class Command(BaseCommand):
    help = (
        "Load countries, provinces, districts or sub-districts from GeoJSON files or URLs "
        "(in level order, whatever the argument order), or land-use zones and risk places as a "
        "named layer. Without arguments, load the registered reference layers from "
        "OPENGOV_DATA_DIR or their canonical URLs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="*", metavar="PATH_OR_URL")
        parser.add_argument(
            "--layer",
            choices=(*LEVELS, *FEATURE_LAYER_KINDS),
            help="layer of every file given (default: detected from the properties)",
        )
        parser.add_argument(
            "--slug", help="identifier of a zone / risk-place layer (default: file name)"
        )
        parser.add_argument("--name-th", default="", help="Thai name of a zone / risk-place layer")
        parser.add_argument(
            "--name-en", default="", help="English name of a zone / risk-place layer"
        )
        parser.add_argument(
            "--owner", help="slug of the organisation owning a private zone / risk-place layer"
        )
        parser.add_argument(
            "--visibility", choices=LayerVisibility.values, default=LayerVisibility.PUBLIC
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sources: list[str] = options["sources"]
        layer: str | None = options["layer"]
        try:
            if not sources:
                for result in reference_layers_load():
                    self.stdout.write(result.summary())
                return
            kinds = {source: layer or _feature_kind(source) for source in sources}
            features = [s for s in sources if kinds[s] in FEATURE_LAYER_KINDS]
            areas = [s for s in sources if s not in features]
            for result in area_layers_load(sources=areas, layer=layer) if areas else []:
                self.stdout.write(result.summary())
            for source in features:
                self._feature_layer_load(source, kinds[source], options)
        except AreaLayerLoadError as error:
            raise CommandError(error.bilingual()) from error

    def _feature_layer_load(self, source: str, kind: str | None, options: dict[str, Any]) -> None:
        owner_id = None
        if options["owner"]:
            owner = organisation_get(slug=options["owner"])
            if owner is None:
                raise CommandError(
                    f"ไม่พบหน่วยงาน {options['owner']} / No organisation {options['owner']}"
                )
            owner_id = owner.pk
        slug = options["slug"] or slugify(Path(source.split("?")[0]).stem)[:80]
        result = feature_layer_load(
            source=source,
            slug=slug,
            kind=kind,
            name_th=options["name_th"],
            name_en=options["name_en"],
            owner_organisation_id=owner_id,
            visibility=options["visibility"],
        )
        self.stdout.write(result.summary())
