from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from opengov.airquality.models import RawPayload, Reading, Station

from .conftest import LATEST_FILE, OPENAQ_LOCATIONS_FILE, PIVOT_FILE

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("airquality_ingest", *args, stdout=out)
    return out.getvalue()


def test_file_latest_then_again_is_skipped():
    first = run("air4thai", "--file", str(LATEST_FILE))
    assert "stations created 33" in first and "readings created 81" in first
    second = run("air4thai", "--file", str(LATEST_FILE))
    assert "already ingested" in second
    assert Reading.objects.count() == 81


def test_pivot_file_station_taken_from_name():
    out = run("air4thai", "--file", str(PIVOT_FILE))
    assert "readings created 1631" in out
    assert Station.objects.get().source_id == "35t"


def test_openaq_file():
    out = run("openaq", "--file", str(OPENAQ_LOCATIONS_FILE), "--kind", "locations")
    assert "stations created 1" in out


def test_csv_upload(tmp_path):
    path = tmp_path / "community.csv"
    path.write_text(
        "station_id,observed_at,parameter,value,lat,lon\ncm-01,2025-01-08T23:00,PM25,39.0,18.79,98.99\n",
        encoding="utf-8",
    )
    out = run("csv", str(path), "--source", "cmu-community")
    assert "readings created 1" in out
    assert Station.objects.get().source == "cmu-community"


def test_bad_csv_is_reported_by_line_and_nothing_stored(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "station_id,observed_at,parameter,value\na,2025-01-08T23:00,PM25,1\na,nope,PM25,2\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as caught:
        run("csv", str(path), "--source", "community")
    message = str(caught.value)
    assert "line 3, observed_at" in message and "บรรทัด 3" in message
    assert (RawPayload.objects.count(), Reading.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("air4thai", "--file", "/nonexistent/file.json"), "cannot read the file"),
        (("air4thai", "--since", "2026-13-01"), "YYYY-MM-DD"),
        (("air4thai", "--since", "2026-09-02", "--until", "2026-09-01"), "must not be before"),
        (("csv", "x.csv", "--source", "Air4Thai!"), "--source"),
        (("csv",), "CSV"),
        (("openaq", "--file", str(OPENAQ_LOCATIONS_FILE)), "--kind"),
    ],
)
def test_bad_input_is_a_bilingual_command_error(args, needle):
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert needle in str(caught.value)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(caught.value))


def test_malformed_file_is_a_command_error(tmp_path):
    path = tmp_path / "latest.json"
    path.write_bytes(b'{"stations": [{"stationID": "1t", "AQILast": {"date": "x", "time": "y"}}]}')
    with pytest.raises(CommandError, match="nothing was stored"):
        run("air4thai", "--file", str(path))
    assert Station.objects.count() == 0


def test_openaq_without_key(monkeypatch, settings):
    monkeypatch.delenv("OPENAQ_API_KEY", raising=False)
    settings.OPENAQ_API_KEY = ""
    with pytest.raises(CommandError, match="OPENAQ_API_KEY"):
        run("openaq")


def test_demo_step_is_idempotent():
    from opengov.airquality.demo import load_captured_payloads

    lines: list[str] = []
    load_captured_payloads(lines.append)
    assert Reading.objects.count() == 81 + 1631 + 39176
    lines.clear()
    load_captured_payloads(lines.append)
    assert all("already ingested" in line for line in lines) and len(lines) == 3


def test_periodic_jobs_registered():
    from opengov.core.scheduling import periodic_jobs

    jobs = {job.name: job.cron for job in periodic_jobs()}
    assert jobs["airquality.air4thai_latest"] == "30 * * * *"
    assert jobs["airquality.openaq_latest"] == "45 * * * *"


def test_openaq_task_without_key_does_nothing(monkeypatch, settings):
    from opengov.airquality.tasks import openaq_latest_ingest

    monkeypatch.delenv("OPENAQ_API_KEY", raising=False)
    settings.OPENAQ_API_KEY = ""
    assert openaq_latest_ingest.call() == 0
    assert Station.objects.count() == 0
