"""Demo step: the captured FIRMS files in OPENGOV_DATA_DIR/firms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

from opengov.core.demo import demo_step
from opengov.hotspots.services import firms_ingest
from opengov.hotspots.sources.firms.parser import FirmsInvalid


def captured_firms_dir() -> Path:
    return Path(settings.OPENGOV_DATA_DIR) / "firms"


@demo_step(order=40, name="hotspots: captured FIRMS files")
def load_captured_firms(write: Callable[[str], None]) -> None:
    """Ingest every captured FIRMS CSV when present; a file already ingested (same SHA-256) is
    skipped, so a warm start costs one query per file."""
    folder = captured_firms_dir()
    if not folder.is_dir():
        write(f"hotspots: no FIRMS files in {folder} — skipped / ไม่พบไฟล์ FIRMS ข้าม")
        return
    for path in sorted(folder.glob("*.csv")):
        try:
            result = firms_ingest(
                body=path.read_bytes(),
                fetched_at=datetime.fromtimestamp(path.stat().st_mtime, UTC),
                origin=path.name,
                product=path.stem.split("__")[0][:64],
                skip_parsed=True,
            )
        except FirmsInvalid as invalid:
            write(f"WARNING: {path.name} rejected / ไฟล์ถูกปฏิเสธ: {invalid.bilingual()}")
            continue
        write(f"{path.name}: {result.summary()}")
