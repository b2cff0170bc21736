"""Fixtures of the reports tests: media in a temporary folder, photos made with Pillow (one with
EXIF GPS), a report of each persona's making, routing rules to agency A."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from PIL import Image

from opengov.reports.models import AreaRoute, Report
from opengov.reports.services import report_submit

NOW = datetime.fromisoformat("2026-12-05T10:00:00+07:00")
# Doi Suthep foothills, Chiang Mai (no boundary data in these tests: areas stay empty).
LAT, LON = 18.8050, 98.9500


def jpeg_with_gps(
    *, lat: float = 18.81, lon: float = 98.95, taken: str = "2026:12:05 09:30:00"
) -> bytes:
    size = (64, 48)
    image = Image.new("RGB", size, (200, 80, 20))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (int(lat), int((lat % 1) * 60), round(((lat * 60) % 1) * 60, 2))
    gps[3] = "E"
    gps[4] = (int(lon), int((lon % 1) * 60), round(((lon * 60) % 1) * 60, 2))
    exif.get_ifd(0x8769)[0x9003] = taken
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (30, 20), (0, 0, 255, 128)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def route_a(agency_a):
    """District 5001 (Mueang Chiang Mai) and province 50 go to agency A."""
    return AreaRoute.objects.create(area_code="50", organisation=agency_a)


@pytest.fixture
def report_a(db, agency_a, citizen, frozen) -> Report:
    """A citizen's report with one photo, routed to agency A."""
    result = report_submit(
        channel="web",
        category="farm_burning",
        lat=LAT,
        lon=LON,
        seen_at=NOW - timedelta(hours=1),
        description="Burning stubble next to the canal",
        reporter=citizen,
        contact_phone="+66812345678",
        contact_name="Somchai Private",
        photos=[jpeg_with_gps()],
    )
    report = result.report
    report.organisation = agency_a
    report.save()
    return report
