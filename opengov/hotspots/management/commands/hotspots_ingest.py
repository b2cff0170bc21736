"""``manage.py hotspots_ingest firms --file PATH [--json]`` or
``hotspots_ingest firms --live --product VIIRS_NOAA20_NRT --days 1``.

Stores the body once (by SHA-256), parses every FIRMS header variant, tags country / province /
district and inserts only detections not stored yet. ``--json`` prints exactly one object
``{"file_rows", "ingested", "duplicates", "rejected": [{"line", "reason"}], "by_country"}``;
the meaning of each count (also on a re-run) is in :mod:`opengov.hotspots.services`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opengov.hotspots.services import FirmsIngestResult, firms_ingest, firms_live_ingest
from opengov.hotspots.sources.firms.fetcher import MAX_DAYS, PRODUCTS, FirmsFetchError
from opengov.hotspots.sources.firms.parser import FirmsInvalid


def product_from_name(name: str) -> str:
    """``MODIS_C6_1_Global_24h__2025-…csv`` → ``MODIS_C6_1_Global_24h`` (text before ``__``)."""
    return Path(name).stem.split("__")[0][:64]


class Command(BaseCommand):
    help = "Ingest NASA FIRMS fire detections: firms --file PATH [--json] | firms --live"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", choices=["firms"])
        parser.add_argument("--file", help="a FIRMS CSV file (any header variant)")
        parser.add_argument("--live", action="store_true", help="fetch from FIRMS now")
        parser.add_argument("--product", help=f"FIRMS source: {', '.join(PRODUCTS)}")
        parser.add_argument("--days", type=int, default=1, help=f"1–{MAX_DAYS} (area API)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = self._run(options)
        except FirmsInvalid as invalid:
            raise CommandError(
                "ไฟล์ FIRMS ไม่ถูกต้อง ไม่ได้บันทึกสิ่งใด / invalid FIRMS file, nothing was "
                f"stored: {invalid.bilingual()}"
            ) from invalid
        except FirmsFetchError as error:
            raise CommandError(str(error)) from error
        except ValueError as error:
            raise CommandError(f"ค่าที่ระบุไม่ถูกต้อง / invalid option: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        self.stdout.write(result.summary())
        for rejected in result.rejected:
            self.stdout.write(f"  line {rejected['line']}: {rejected['reason']}")

    def _run(self, options: dict[str, Any]) -> FirmsIngestResult:
        if bool(options["file"]) == bool(options["live"]):
            raise CommandError("ระบุ --file หรือ --live อย่างใดอย่างหนึ่ง / give either --file or --live")
        if options["live"]:
            product = options["product"] or ""
            if product not in PRODUCTS:
                raise CommandError(f"--product ต้องเป็นหนึ่งใน / must be one of: {', '.join(PRODUCTS)}")
            return firms_live_ingest(product=product, days=options["days"])
        path = Path(options["file"])
        try:
            body = path.read_bytes()
        except OSError as error:
            raise CommandError(
                f"อ่านไฟล์ไม่ได้ / cannot read the file: {path} ({error.strerror})"
            ) from error
        return firms_ingest(
            body=body,
            fetched_at=datetime.now(UTC),
            origin=path.name,
            product=options["product"] or product_from_name(path.name),
        )
