"""``hotspots_ingest firms`` — JSON output, re-runs, live mode and bilingual errors."""

from __future__ import annotations

import json
from io import StringIO

import httpx
import pytest
from django.core.management import CommandError, call_command

from opengov.hotspots.models import Detection, FirmsPayload
from opengov.hotspots.sources.firms import fetcher
from opengov.hotspots.tests.conftest import FIRMS_DIR, MODIS_2019, VIIRS_SNPP_API, firms_bytes


def _run(*args: str) -> str:
    out = StringIO()
    call_command("hotspots_ingest", "firms", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_json_output_is_one_exact_object_and_rerun_reports_duplicates(reference_areas):
    path = str(FIRMS_DIR / MODIS_2019)
    first = _run("--file", path, "--json")
    assert first.count("\n") == 1
    assert json.loads(first) == {
        "file_rows": 3867,
        "ingested": 3867,
        "duplicates": 0,
        "rejected": [],
        "by_country": {
            "BGD": 150,
            "CHN": 29,
            "IDN": 1,
            "IND": 65,
            "KHM": 54,
            "LAO": 666,
            "MMR": 2430,
            "MYS": 7,
            "THA": 269,
            "VNM": 184,
            "none": 12,
        },
    }
    second = json.loads(_run("--file", path, "--json"))
    assert (second["ingested"], second["duplicates"]) == (0, 3867)
    assert Detection.objects.count() == 3867
    assert set(FirmsPayload.objects.values_list("product", flat=True)) == {"MODIS_C6_Global_24h"}


@pytest.mark.django_db
def test_rejected_rows_in_json(reference_areas, tmp_path):
    lines = firms_bytes(VIIRS_SNPP_API).split(b"\n")
    lines[3] = lines[3].replace(b",N,VIIRS,", b",Q,VIIRS,")
    path = tmp_path / "bad_row.csv"
    path.write_bytes(b"\n".join(lines))
    result = json.loads(_run("--file", str(path), "--json"))
    assert result == {
        "file_rows": 300,
        "ingested": 299,
        "duplicates": 0,
        "rejected": [{"line": 4, "reason": "satellite 'Q' is unknown"}],
        "by_country": {"none": 299},
    }


@pytest.mark.django_db
def test_text_summary(reference_areas):
    out = _run("--file", str(FIRMS_DIR / VIIRS_SNPP_API))
    assert "rows 300, ingested 300, duplicates 0, rejected 0" in out


@pytest.mark.django_db
def test_bad_header_is_a_bilingual_command_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"lat,lon\n1,2\n")
    with pytest.raises(CommandError) as caught:
        _run("--file", str(path), "--json")
    message = str(caught.value)
    assert "ไม่ได้บันทึกสิ่งใด" in message and "nothing was stored" in message
    assert "missing column(s)" in message
    assert not FirmsPayload.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "give either --file or --live"),
        (("--file", "/nonexistent/x.csv"), "cannot read the file"),
        (("--live", "--product", "NOPE"), "--product ต้องเป็นหนึ่งใน / must be one of"),
        (("--live", "--product", "MODIS_NRT", "--days", "3"), "only the 24-hour file"),
    ],
)
def test_bad_options_are_command_errors(args, expected, settings):
    settings.FIRMS_MAP_KEY = ""
    with pytest.raises(CommandError, match=expected):
        _run(*args)


@pytest.mark.django_db
def test_live_fetch_failure_is_a_command_error(monkeypatch, settings):
    settings.FIRMS_MAP_KEY = ""

    def client(*, timeout: float) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(lambda _r: httpx.Response(404)))

    monkeypatch.setattr(fetcher, "http_client", client)
    with pytest.raises(CommandError, match="ดึงข้อมูล FIRMS ไม่สำเร็จ / FIRMS fetch failed"):
        _run("--live", "--product", "MODIS_NRT", "--json")
