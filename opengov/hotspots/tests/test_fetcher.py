"""FIRMS fetcher and live ingest on httpx.MockTransport (sockets are disabled in tests)."""

from __future__ import annotations

import httpx
import pytest

from opengov.hotspots.models import Detection, FirmsPayload, ParseStatus
from opengov.hotspots.services import firms_live_ingest
from opengov.hotspots.sources.firms import fetcher
from opengov.hotspots.sources.firms.fetcher import FirmsFetchError, firms_fetch
from opengov.hotspots.sources.firms.parser import FirmsInvalid
from opengov.hotspots.tests.conftest import VIIRS_NOAA20, firms_bytes

AREA = (
    "https://firms.modaps.eosdis.nasa.gov/api/area/csv/SECRETKEY/VIIRS_NOAA20_NRT/92,5,110,28.5/2"
)
KEYLESS = (
    "https://firms.modaps.eosdis.nasa.gov/data/active_fire/noaa-20-viirs-c2/csv/"
    "J1_VIIRS_C2_SouthEast_Asia_24h.csv"
)


def _client(responses: list[httpx.Response | Exception], seen: list[str]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        answer = responses.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_area_api_url_and_key_masked():
    seen: list[str] = []
    client = _client([httpx.Response(200, content=b"latitude\n")], seen)
    got = firms_fetch(client, product="VIIRS_NOAA20_NRT", days=2, map_key="SECRETKEY")
    assert seen == [AREA]
    assert got.url == AREA.replace("SECRETKEY", "***")
    assert (got.status, got.body) == (200, b"latitude\n")


def test_keyless_regional_file_and_retries_with_backoff():
    seen: list[str] = []
    waits: list[float] = []
    client = _client(
        [
            httpx.Response(503),
            httpx.ConnectTimeout("slow"),
            httpx.Response(200, content=b"ok"),
        ],
        seen,
    )
    got = firms_fetch(client, product="VIIRS_NOAA20_NRT", sleep=waits.append)
    assert seen == [KEYLESS, KEYLESS, KEYLESS]
    assert waits == [2.0, 4.0]
    assert got.body == b"ok"


def test_gives_up_after_the_last_attempt():
    waits: list[float] = []
    client = _client([httpx.Response(502)] * 4, [])
    with pytest.raises(FirmsFetchError, match="HTTP 502 after 4 attempts"):
        firms_fetch(client, product="MODIS_NRT", sleep=waits.append)
    assert waits == [2.0, 4.0, 8.0]


def test_client_errors_are_not_retried_and_bad_key_is_named():
    seen: list[str] = []
    client = _client([httpx.Response(404)], seen)
    with pytest.raises(FirmsFetchError, match="HTTP 404"):
        firms_fetch(client, product="MODIS_NRT", sleep=lambda _s: None)
    assert len(seen) == 1
    bad_key = _client([httpx.Response(400, content=b"Invalid MAP_KEY.")], [])
    with pytest.raises(FirmsFetchError, match="Invalid MAP_KEY") as caught:
        firms_fetch(bad_key, product="MODIS_NRT", map_key="SECRETKEY", sleep=lambda _s: None)
    assert "SECRETKEY" not in str(caught.value)


def test_bad_options_are_refused():
    client = _client([], [])
    with pytest.raises(ValueError, match="unknown FIRMS product 'VIIRS'"):
        firms_fetch(client, product="VIIRS")
    with pytest.raises(ValueError, match="only the 24-hour file"):
        firms_fetch(client, product="MODIS_NRT", days=2)
    with pytest.raises(ValueError, match="days must be 1–5"):
        firms_fetch(client, product="MODIS_NRT", days=6, map_key="k")


@pytest.mark.django_db
def test_live_ingest_stores_and_tags(reference_areas, settings):
    settings.FIRMS_MAP_KEY = "SECRETKEY"
    seen: list[str] = []
    client = _client([httpx.Response(200, content=firms_bytes(VIIRS_NOAA20))], seen)
    result = firms_live_ingest(product="VIIRS_NOAA20_NRT", days=2, client=client)
    assert (result.file_rows, result.ingested, result.by_country) == (300, 300, {"none": 300})
    payload = FirmsPayload.objects.get()
    assert (payload.product, payload.origin, payload.http_status) == (
        "VIIRS_NOAA20_NRT",
        AREA.replace("SECRETKEY", "***"),
        200,
    )
    assert set(Detection.objects.values_list("product", flat=True)) == {"VIIRS_NOAA20_NRT"}


@pytest.mark.django_db
def test_live_body_that_is_not_firms_is_kept_as_failed(settings):
    settings.FIRMS_MAP_KEY = ""
    client = _client([httpx.Response(200, content=b"<html>maintenance</html>")], [])
    with pytest.raises(FirmsInvalid):
        firms_live_ingest(product="MODIS_NRT", client=client)
    payload = FirmsPayload.objects.get()
    assert payload.parse_status == ParseStatus.FAILED
    assert "missing column" in payload.parse_error
    assert not Detection.objects.exists()


def test_http_client_has_timeouts():
    client = fetcher.http_client(timeout=30)
    assert (client.timeout.read, client.timeout.connect) == (30, 10)
    assert client.headers["User-Agent"].startswith("opengov-th/")
