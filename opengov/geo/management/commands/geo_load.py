"""Load reference areas from GeoJSON files or URLs: ``manage.py geo_load PATH_OR_URL [...]``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opengov.geo.geojson_layers import LEVELS
from opengov.geo.services import AreaLayerLoadError, area_layers_load, reference_layers_load


class Command(BaseCommand):
    help = (
        "Load countries, provinces, districts or sub-districts from GeoJSON files or URLs "
        "(in level order, whatever the argument order). Without arguments, load the registered "
        "reference layers from OPENGOV_DATA_DIR or their canonical URLs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="*", metavar="PATH_OR_URL")
        parser.add_argument(
            "--layer",
            choices=LEVELS,
            help="layer of every file given (default: detected from the properties)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sources: list[str] = options["sources"]
        try:
            if sources:
                results = area_layers_load(sources=sources, layer=options["layer"])
            else:
                results = reference_layers_load()
        except AreaLayerLoadError as error:
            raise CommandError(error.bilingual()) from error
        for result in results:
            self.stdout.write(result.summary())
