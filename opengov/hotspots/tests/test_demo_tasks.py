"""The demo step (idempotent, fast on re-run) and the scheduled FIRMS job."""

from __future__ import annotations

import httpx
import pytest

from opengov.core.scheduling import periodic_jobs
from opengov.hotspots.demo import load_captured_firms
from opengov.hotspots.models import Detection, FirmsPayload
from opengov.hotspots.sources.firms import fetcher
from opengov.hotspots.tasks import LIVE_PRODUCTS, firms_nrt_ingest
from opengov.hotspots.tests.conftest import VIIRS_NOAA20, firms_bytes

ALL_ROWS = 2383 + 3867 + 4339 + 300 + 300 + 643


@pytest.mark.django_db
def test_demo_step_ingests_every_file_once(reference_areas, django_assert_max_num_queries):
    lines: list[str] = []
    load_captured_firms(lines.append)
    assert len(lines) == 6
    assert Detection.objects.count() == ALL_ROWS
    assert FirmsPayload.objects.count() == 6
    again: list[str] = []
    with django_assert_max_num_queries(6):
        load_captured_firms(again.append)
    assert all("already ingested" in line for line in again)
    assert Detection.objects.count() == ALL_ROWS


@pytest.mark.django_db
def test_demo_step_without_data_dir(settings, tmp_path):
    settings.OPENGOV_DATA_DIR = tmp_path
    lines: list[str] = []
    load_captured_firms(lines.append)
    assert lines == [
        f"hotspots: no FIRMS files in {tmp_path / 'firms'} — skipped / ไม่พบไฟล์ FIRMS ข้าม"
    ]


@pytest.mark.django_db
def test_scheduled_job_fetches_each_product_and_survives_failures(
    reference_areas, monkeypatch, settings
):
    settings.FIRMS_MAP_KEY = ""
    answers = [httpx.Response(200, content=firms_bytes(VIIRS_NOAA20)), httpx.Response(404)]
    answers.append(httpx.Response(200, content=b"<html></html>"))
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path.rsplit("/", 1)[-1])
        return answers.pop(0)

    monkeypatch.setattr(
        fetcher,
        "http_client",
        lambda *, timeout: httpx.Client(transport=httpx.MockTransport(handler)),
    )
    assert firms_nrt_ingest.call() == 300
    assert seen == [
        "SUOMI_VIIRS_C2_SouthEast_Asia_24h.csv",
        "J1_VIIRS_C2_SouthEast_Asia_24h.csv",
        "MODIS_C6_1_SouthEast_Asia_24h.csv",
    ]
    assert LIVE_PRODUCTS == ("VIIRS_SNPP_NRT", "VIIRS_NOAA20_NRT", "MODIS_NRT")
    job = next(job for job in periodic_jobs() if job.name == "hotspots.firms_nrt")
    assert job.cron == "20,50 * * * *"
