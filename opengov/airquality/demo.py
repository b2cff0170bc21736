"""Demo step: the captured Air4Thai and OpenAQ payloads in OPENGOV_DATA_DIR/airquality."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

from opengov.airquality.models import PayloadKind
from opengov.airquality.services import readings_ingest_payload
from opengov.airquality.sources.records import PayloadInvalid
from opengov.core.demo import demo_step

# (file name, source, kind, station id for files that do not name it)
CAPTURED: tuple[tuple[str, str, str, str], ...] = (
    (
        "air4thai_getNewAQI_JSON__2026-08-23T17ICT__excerpt_33stations.json",
        "air4thai",
        PayloadKind.LATEST,
        "",
    ),
    (
        "air4thai_forweb-history_35t_ChiangMai__2024-11-01_to_2025-01-08__hourly_pivot.csv",
        "air4thai",
        PayloadKind.HISTORY_PIVOT,
        "35t",
    ),
    (
        "air4thai_forweb-history_export__02t_03t_05t_08t__2023-12-01_to_2024-02-27__hourly.csv",
        "air4thai",
        PayloadKind.HISTORY_EXPORT,
        "",
    ),
)


def captured_payloads_dir() -> Path:
    return Path(settings.OPENGOV_DATA_DIR) / "airquality"


@demo_step(order=30, name="airquality: captured payloads")
def load_captured_payloads(write: Callable[[str], None]) -> None:
    """Ingest the captured Air4Thai files when present; a file already ingested (same SHA-256) is
    skipped, so a warm start costs one query per file. The OpenAQ fixtures are US schema samples,
    not Thai data, and are left out of the demo."""
    folder = captured_payloads_dir()
    if not folder.is_dir():
        write(f"airquality: no captured payloads in {folder} — skipped / ไม่พบไฟล์ตัวอย่าง ข้าม")
        return
    for name, source, kind, station in CAPTURED:
        path = folder / name
        if not path.is_file():
            write(f"airquality: {name} not found — skipped / ไม่พบไฟล์ ข้าม")
            continue
        try:
            result = readings_ingest_payload(
                source=source,
                payload_bytes=path.read_bytes(),
                kind=kind,
                fetched_at=datetime.fromtimestamp(path.stat().st_mtime, UTC),
                origin=name,
                options={"station_id": station} if station else None,
            )
        except PayloadInvalid as invalid:
            write(f"WARNING: {name} rejected / ไฟล์ถูกปฏิเสธ\n{invalid.bilingual()}")
            continue
        write(result.summary())
