"""``manage.py airquality_ingest air4thai|openaq|csv …`` — fetch or read source payloads and ingest
them (raw payload kept, parsed, upserted idempotently); prints one summary line per payload."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opengov.airquality.models import PayloadKind
from opengov.airquality.services import IngestResult, readings_ingest_payload
from opengov.airquality.source_runs import (
    AIR4THAI,
    OPENAQ,
    air4thai_history_run,
    air4thai_latest_run,
    openaq_api_key,
    openaq_run,
)
from opengov.airquality.sources.air4thai.parser import payload_kind_detect
from opengov.airquality.sources.http_fetch import FetchError
from opengov.airquality.sources.records import PayloadInvalid

SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,31}$")
STATION_IN_NAME = re.compile(r"_((?:bkp)?\d+t|o\d+|m\d+)_", re.IGNORECASE)
OPENAQ_FILE_KINDS = {
    "locations": PayloadKind.OPENAQ_LOCATIONS,
    "sensors": PayloadKind.OPENAQ_SENSORS,
    "measurements": PayloadKind.OPENAQ_MEASUREMENTS,
}


def _day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(
            f"{name}: วันที่ต้องอยู่ในรูป YYYY-MM-DD / must be a date YYYY-MM-DD (got {text!r})"
        ) from error


def _read(path_text: str) -> tuple[Path, bytes]:
    path = Path(path_text)
    try:
        return path, path.read_bytes()
    except OSError as error:
        raise CommandError(
            f"อ่านไฟล์ไม่ได้ / cannot read the file: {path} ({error.strerror})"
        ) from error


class Command(BaseCommand):
    help = "Ingest air-quality data: air4thai [--file PATH | --since/--until], openaq, csv PATH --source NAME"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", choices=[AIR4THAI, OPENAQ, "csv"])
        parser.add_argument("path", nargs="?", help="CSV file (csv source)")
        parser.add_argument("--file", help="ingest a saved payload instead of fetching")
        parser.add_argument("--since", help="first day of history to fetch (YYYY-MM-DD, ICT)")
        parser.add_argument("--until", help="last day of history to fetch (YYYY-MM-DD, ICT)")
        parser.add_argument("--station", default="", help="station ID for files that lack it")
        parser.add_argument("--kind", choices=sorted(OPENAQ_FILE_KINDS), help="OpenAQ file kind")
        parser.add_argument("--source", dest="source_name", help="source name for CSV uploads")
        parser.add_argument("--location", action="append", help="OpenAQ location ID (repeatable)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            results = self._run(options)
        except PayloadInvalid as invalid:
            raise CommandError(
                "ข้อมูลไม่ถูกต้อง ไม่ได้บันทึกสิ่งใด / invalid payload, nothing was stored:\n"
                + invalid.bilingual()
            ) from invalid
        except FetchError as error:
            raise CommandError(str(error)) from error
        for result in results:
            self.stdout.write(result.summary())

    def _run(self, options: dict[str, Any]) -> list[IngestResult]:
        source: str = options["source"]
        if source == "csv":
            return [self._csv(options)]
        if options["file"]:
            return [self._file(source, options)]
        if source == OPENAQ:
            if not openaq_api_key():
                raise CommandError(
                    "ต้องตั้งค่า OPENAQ_API_KEY / set OPENAQ_API_KEY (free key from openaq.org)"
                )
            return openaq_run(location_ids=options["location"])
        if options["since"] or options["until"]:
            since = _day(options["since"] or options["until"], "--since")
            until = _day(options["until"] or options["since"], "--until")
            if until < since:
                raise CommandError("--until ต้องไม่ก่อน --since / --until must not be before --since")
            if (until - since).days > 92:
                raise CommandError(
                    "ช่วงวันที่ยาวเกิน 92 วัน / at most 92 days (Air4Thai keeps about 90 days)"
                )
            return air4thai_history_run(since=since, until=until)
        return [air4thai_latest_run()]

    def _file(self, source: str, options: dict[str, Any]) -> IngestResult:
        path, body = _read(options["file"])
        station = options["station"]
        if source == AIR4THAI:
            kind = payload_kind_detect(body)
            if kind == PayloadKind.HISTORY_PIVOT and not station:
                match = STATION_IN_NAME.search(path.name)
                if match is None:
                    raise CommandError(
                        "ไฟล์ตารางไขว้ไม่ระบุสถานี ใช้ --station / the pivot file does not name "
                        "its station: use --station"
                    )
                station = match.group(1)
        else:
            if not options["kind"]:
                raise CommandError("ระบุ --kind / give --kind (locations, sensors, measurements)")
            kind = OPENAQ_FILE_KINDS[options["kind"]]
        return readings_ingest_payload(
            source=source,
            payload_bytes=body,
            kind=kind,
            fetched_at=datetime.now(UTC),
            origin=path.name,
            options={"station_id": station} if station else None,
        )

    def _csv(self, options: dict[str, Any]) -> IngestResult:
        if not options["path"]:
            raise CommandError(
                "ระบุไฟล์ CSV / give the CSV file: airquality_ingest csv PATH --source NAME"
            )
        name = options["source_name"] or ""
        if not SOURCE_NAME.match(name) or name in {AIR4THAI, OPENAQ}:
            raise CommandError(
                "--source: ชื่อแหล่งข้อมูลเป็นตัวพิมพ์เล็ก ตัวเลข - _ . ไม่เกิน 32 ตัว และไม่ใช่ "
                "air4thai/openaq / lower-case letters, digits, - _ . (≤ 32), not air4thai/openaq"
            )
        path, body = _read(options["path"])
        return readings_ingest_payload(
            source=name,
            payload_bytes=body,
            kind=PayloadKind.CSV_UPLOAD,
            fetched_at=datetime.now(UTC),
            origin=path.name,
        )
