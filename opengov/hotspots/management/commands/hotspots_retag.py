"""Re-tag stored detections after a layer changed: ``manage.py hotspots_retag [--since D]``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opengov.hotspots.services import detections_retag


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(
            f"วันที่ต้องเป็น YYYY-MM-DD: {text!r} / a date must be YYYY-MM-DD: {text!r}"
        ) from exc


class Command(BaseCommand):
    help = (
        "Recompute country, province, district, land-use class and nearest risk place of stored "
        "detections (after geo_load of a zone, risk-place or boundary layer) and rebuild the "
        "daily counts of the days that changed. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", type=_day, help="first Thai-time day (YYYY-MM-DD)")
        parser.add_argument("--until", type=_day, help="last Thai-time day (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        result = detections_retag(since=options["since"], until=options["until"])
        self.stdout.write(
            f"examined {result.examined}, changed {result.changed}, days refreshed "
            f"{result.days_refreshed} / ตรวจ {result.examined} เปลี่ยน {result.changed} "
            f"วันที่คำนวณใหม่ {result.days_refreshed}"
        )
