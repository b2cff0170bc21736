from __future__ import annotations

from datetime import UTC, date, datetime

import httpx
import pytest

from opengov.airquality.models import Reading, Station
from opengov.airquality.source_runs import air4thai_history_run, air4thai_latest_run, openaq_run
from opengov.airquality.sources.air4thai import fetcher as air4thai_fetcher
from opengov.airquality.sources.http_fetch import USER_AGENT, FetchError, PoliteFetcher
from opengov.airquality.sources.openaq import fetcher as openaq_fetcher

from .conftest import OPENAQ_LOCATIONS_FILE, OPENAQ_SENSORS_FILE


def polite(handler, sleeps: list[float] | None = None, **extra) -> PoliteFetcher:
    waits = sleeps if sleeps is not None else []
    client = httpx.Client(
        transport=httpx.MockTransport(handler), headers={"User-Agent": USER_AGENT}
    )
    return PoliteFetcher(client, sleep=waits.append, clock=lambda: 0.0, **extra)


def test_latest_fetch_sends_user_agent_and_returns_raw_bytes(latest_bytes):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=latest_bytes)

    fetched = air4thai_fetcher.latest_fetch(polite(handler))
    assert fetched.body == latest_bytes and fetched.status == 200
    assert str(seen[0].url) == air4thai_fetcher.LATEST_URL
    assert seen[0].headers["User-Agent"].startswith("Mozilla/5.0 (compatible; opengov-th")


def test_retry_on_5xx_then_success_with_backoff(latest_bytes):
    calls = iter([503, 502, 200])
    sleeps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(calls)
        return httpx.Response(status, content=latest_bytes if status == 200 else b"busy")

    fetched = air4thai_fetcher.latest_fetch(polite(handler, sleeps, min_interval=0))
    assert fetched.status == 200
    assert sleeps == [2.0, 4.0]


def test_timeout_retried_then_gives_up_with_bilingual_error():
    attempts = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchError) as caught:
        air4thai_fetcher.latest_fetch(polite(handler, min_interval=0))
    assert len(attempts) == 4
    assert "timeout" in str(caught.value) and "ดึงข้อมูลไม่สำเร็จ" in str(caught.value)


def test_client_error_is_not_retried():
    attempts = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        return httpx.Response(404)

    with pytest.raises(FetchError, match="HTTP 404"):
        air4thai_fetcher.latest_fetch(polite(handler))
    assert len(attempts) == 1


def test_429_honours_retry_after_and_rate_limit_spaces_requests():
    calls = iter([429, 200, 200])
    sleeps: list[float] = []
    now = [0.0]

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(calls)
        return httpx.Response(status, headers={"Retry-After": "7"} if status == 429 else {})

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    client = httpx.Client(transport=httpx.MockTransport(handler))
    fetcher = PoliteFetcher(client, min_interval=1.0, sleep=sleep, clock=lambda: now[0])
    fetcher.get("https://api.openaq.org/v3/locations")
    fetcher.get("https://api.openaq.org/v3/locations")
    # 429 → wait Retry-After 7 s (already longer than the interval); then the second call
    # comes at once after the first answer, so it waits the 1-s minimum interval.
    assert sleeps == [7.0, 1.0]


def test_history_fetch_query():
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b'{"result":"OK","error":"","stations":[]}')

    air4thai_fetcher.history_fetch(
        polite(handler),
        station_ids=["35t", "36t"],
        since=date(2026, 9, 27),
        until=date(2026, 9, 28),
    )
    params = dict(seen[0].url.params)
    assert params["stationID"] == "35t,36t" and params["type"] == "hr"
    assert (params["sdate"], params["edate"], params["stime"], params["etime"]) == (
        "2026-09-27",
        "2026-09-28",
        "00",
        "23",
    )


@pytest.mark.django_db
def test_latest_run_stores_and_ingests(latest_bytes):
    fetcher = polite(lambda request: httpx.Response(200, content=latest_bytes))
    result = air4thai_latest_run(fetcher=fetcher)
    assert (result.stations_created, result.readings_created) == (33, 81)
    assert air4thai_latest_run(fetcher=fetcher).duplicate


@pytest.mark.django_db
def test_history_run_day_by_day(latest_bytes):
    def handler(request: httpx.Request) -> httpx.Response:
        if "getNewAQI_JSON" in request.url.path:
            return httpx.Response(200, content=latest_bytes)
        day = request.url.params["sdate"]
        body = (
            '{"result":"OK","error":"","stations":[{"stationID":"35t","params":["PM25"],'
            f'"data":[{{"DATETIMEDATA":"{day} 01:00:00","PM25":20.5}}]}}]}}'
        )
        return httpx.Response(200, content=body.encode())

    results = air4thai_history_run(
        since=date(2026, 9, 27), until=date(2026, 9, 28), fetcher=polite(handler)
    )
    assert [r.kind for r in results] == ["latest", "history_json", "history_json"]
    hourly = Reading.objects.filter(station__source_id="35t", averaging="1h")
    assert sorted(r.observed_at for r in hourly) == [
        datetime(2026, 9, 26, 18, 0, tzinfo=UTC),
        datetime(2026, 9, 27, 18, 0, tzinfo=UTC),
    ]


@pytest.mark.django_db
def test_openaq_run_with_api_key():
    keys: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        keys.append(request.headers.get("X-API-Key", ""))
        if request.url.path == "/v3/locations":
            assert request.url.params["countries_id"] == "111"
            return httpx.Response(200, content=OPENAQ_LOCATIONS_FILE.read_bytes())
        assert request.url.path == "/v3/locations/2178/sensors"
        return httpx.Response(200, content=OPENAQ_SENSORS_FILE.read_bytes())

    results = openaq_run(fetcher=polite(handler), api_key="test-key")
    assert [r.readings_created for r in results] == [0, 6]
    assert keys == ["test-key", "test-key"]
    assert Station.objects.get(source="openaq").parameters == [
        "CO",
        "NO2",
        "O3",
        "PM10",
        "PM25",
        "SO2",
    ]


def test_openaq_needs_a_key():
    with pytest.raises(ValueError, match="OPENAQ_API_KEY"):
        openaq_fetcher.locations_fetch(polite(lambda r: httpx.Response(200)), api_key="")


def test_found_more_pages():
    assert openaq_fetcher.found_more(b'{"meta":{"found":2500,"limit":1000}}', page=2)
    assert not openaq_fetcher.found_more(b'{"meta":{"found":2500,"limit":1000}}', page=3)
    assert openaq_fetcher.found_more(b'{"meta":{"found":">1000","limit":1000}}', page=1)
