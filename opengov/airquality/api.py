"""Air-quality API (mounted at /api/v1/airquality): stations, latest values (JSON and GeoJSON),
series of readings (JSON and CSV).

Every value says its averaging (``1h``, ``24h``, ``8h``), unit, source and observed time; times are
ISO 8601 in Thai time (``+07:00``), the end of the averaging period; a daily point is an ICT
calendar date. Values are numbers (not strings) rounded as the source sent them.

Errors: bad query parameters → 422 ``{"detail": [{"loc", "msg", "msg_th"}]}`` naming the field and
the rule in English and Thai (as in the areas API); unknown station → 404 ``{"detail",
"detail_th"}``. The messages are written in both languages here rather than through gettext: an API
answer carries both, whatever the request's language.

CSV (``readings.csv``): UTF-8 **with** a byte-order mark, because Excel (the tool most officers open
it with) otherwise shows ``µg/m³`` and Thai text garbled; read it with ``encoding="utf-8-sig"``.
The first row is the header, no comment rows; one row per point.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from typing import Any, Final, Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import P, QueryEx, Router, Status

from opengov.airquality.api_convert import (
    ATTRIBUTION,
    as_number,
    decimal_text,
    parameter_unit,
    station_now_out,
    station_out,
    station_ref_out,
)
from opengov.airquality.api_schemas import (
    FeatureCollectionOut,
    FeatureOut,
    LatestOut,
    PointGeometryOut,
    PointOut,
    ReadingsOut,
    StationOut,
    StationPageOut,
)
from opengov.airquality.models import Averaging, Parameter, Station
from opengov.airquality.selectors import (
    STALE_AFTER_HOURS,
    SeriesPoint,
    readings_series,
    station_get,
    stations_list,
    stations_now,
)
from opengov.airquality.selectors.series import ICT_ZONE
from opengov.airquality.sources.records import UNITS
from opengov.core.api_errors import (
    ErrorOut,
    FieldErrorOut,
    ValidationErrorOut,
    query_field_error,
    query_moment_parse,
)

router = Router()

PAGE_DEFAULT: Final = 100
PAGE_MAX: Final = 1000
DEFAULT_SPAN: Final = timedelta(days=7)
MAX_SPAN: Final[dict[str, timedelta]] = {"hour": timedelta(days=93), "day": timedelta(days=731)}
CSV_HEADER: Final = (
    "source",
    "station_id",
    "parameter",
    "interval",
    "time",
    "value",
    "unit",
    "averaging",
    "count",
)


# --- helpers ---------------------------------------------------------------------------------


def _not_found(source: str, source_id: str) -> Status[Any]:
    return Status(
        404,
        ErrorOut(
            detail=f"No station {source_id} of source {source}.",
            detail_th=f"ไม่พบสถานี {source_id} ของแหล่งข้อมูล {source}",
        ),
    )


class _SeriesQuery:
    """The validated query of a readings request, or the errors that stop it."""

    def __init__(
        self,
        *,
        param: str,
        start_raw: str | None,
        end_raw: str | None,
        interval: str,
        averaging: str | None,
    ) -> None:
        self.errors: list[FieldErrorOut] = []
        parameter = param.strip().upper().replace(".", "")
        if parameter not in Parameter.values:
            self.errors.append(
                query_field_error(
                    "param",
                    f"param must be one of {', '.join(Parameter.values)}.",
                    f"param ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ {', '.join(Parameter.values)}",
                )
            )
        self.parameter = parameter
        if interval not in MAX_SPAN:
            self.errors.append(
                query_field_error(
                    "interval", "interval must be hour or day.", "interval ต้องเป็น hour หรือ day"
                )
            )
        self.interval: Literal["hour", "day"] = "day" if interval == "day" else "hour"
        if averaging and averaging not in Averaging.values:
            self.errors.append(
                query_field_error(
                    "averaging",
                    f"averaging must be one of {', '.join(Averaging.values)}.",
                    f"averaging ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ {', '.join(Averaging.values)}",
                )
            )
        self.averaging = averaging or None
        start, start_error = query_moment_parse("from", start_raw)
        end, end_error = query_moment_parse("to", end_raw)
        self.errors += [e for e in (start_error, end_error) if e is not None]
        self.end = end or timezone.now()
        self.start = start or self.end - DEFAULT_SPAN
        if not start_error and not end_error and self.errors == []:
            span = MAX_SPAN[self.interval]
            if self.start > self.end:
                self.errors.append(
                    query_field_error("from", "from must not be after to.", "from ต้องไม่อยู่หลัง to")
                )
            elif self.end - self.start > span:
                self.errors.append(
                    query_field_error(
                        "to",
                        f"The span from–to may be at most {span.days} days for interval"
                        f" {self.interval}.",
                        f"ช่วง from–to ยาวได้ไม่เกิน {span.days} วันสำหรับ interval {self.interval}",
                    )
                )


def _series_request(
    source: str,
    source_id: str,
    query: _SeriesQuery,
) -> tuple[Station | None, list[SeriesPoint], Status[Any] | None]:
    station = station_get(source=source, source_id=source_id)
    if station is None:
        return None, [], _not_found(source, source_id)
    if query.errors:
        return station, [], Status(422, ValidationErrorOut(detail=query.errors))
    points = readings_series(
        station=station,
        parameter=query.parameter,
        start=query.start,
        end=query.end,
        interval=query.interval,
        averaging=query.averaging,
    )
    return station, points, None


def _point_time(point: SeriesPoint) -> datetime | date:
    if isinstance(point.time, datetime):
        return point.time.astimezone(ICT_ZONE)
    return point.time


# --- endpoints -------------------------------------------------------------------------------

_PARAM_DOC = "Parameter code: PM25, PM10, O3, CO, NO2, SO2, WS, WD, TEMP, RH, RAIN, PRES"
_FROM_DOC = "Start (inclusive), ISO 8601 with offset; default: 7 days before `to`"
_TO_DOC = "End (inclusive), ISO 8601 with offset; default: now"
_INTERVAL_DOC = "hour (values as measured) or day (mean per Thai calendar day)"
_AVERAGING_DOC = (
    "One averaging (1h, 24h, 8h, nowcast); default: 1-hour values where present, else the "
    "official averaging of the Thai AQI (PM 24h, O3/CO 8h)"
)


@router.get("/stations", response=StationPageOut, summary="List stations")
def station_list(
    request: HttpRequest,
    province: QueryEx[str | None, P(description="Province code, e.g. 50 (Chiang Mai)")] = None,
    kind: QueryEx[
        str | None,
        P(pattern="^(reference|low_cost|mobile)$", description="Kind of station"),
    ] = None,
    source: QueryEx[str | None, P(description="Source, e.g. air4thai")] = None,
    limit: QueryEx[int, P(ge=1, le=PAGE_MAX, description="Page size")] = PAGE_DEFAULT,
    offset: QueryEx[int, P(ge=0, description="Number of stations to skip")] = 0,
) -> StationPageOut:
    """Stations ordered by source and id, filtered by province code, kind and source."""
    stations = stations_list(province_code=province, kind=kind, source=source)
    return StationPageOut(
        count=stations.count(),
        items=[station_out(s) for s in stations[offset : offset + limit]],
    )


@router.get(
    "/stations/{source}/{source_id}",
    response={200: StationOut, 404: ErrorOut},
    summary="One station",
)
def station_detail(
    request: HttpRequest, source: str, source_id: str
) -> Status[StationOut | ErrorOut]:
    """One station by source and its id at the source (e.g. ``air4thai`` / ``35t``)."""
    station = station_get(source=source, source_id=source_id)
    if station is None:
        return _not_found(source, source_id)
    return Status(200, station_out(station))


@router.get(
    "/stations/{source}/{source_id}/readings",
    response={200: ReadingsOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="Series of one parameter at one station",
)
def station_readings(
    request: HttpRequest,
    source: str,
    source_id: str,
    param: QueryEx[str, P(description=_PARAM_DOC)] = "PM25",
    start: QueryEx[str | None, P(alias="from", description=_FROM_DOC)] = None,
    end: QueryEx[str | None, P(alias="to", description=_TO_DOC)] = None,
    interval: QueryEx[str, P(description=_INTERVAL_DOC)] = "hour",
    averaging: QueryEx[str | None, P(description=_AVERAGING_DOC)] = None,
) -> Status[Any]:
    """Hourly values (time = end of the hour) or daily means (time = Thai calendar date).

    The span is capped at 93 days hourly and 731 days daily. Each point carries its averaging,
    unit, source and ``count`` (readings behind a daily mean — judge completeness with it).
    """
    query = _SeriesQuery(
        param=param, start_raw=start, end_raw=end, interval=interval, averaging=averaging
    )
    station, points, failure = _series_request(source, source_id, query)
    if failure is not None or station is None:
        return failure or _not_found(source, source_id)
    unit = parameter_unit(station, query.parameter)
    return Status(
        200,
        ReadingsOut(
            station=station_ref_out(station),
            parameter=query.parameter,
            interval=query.interval,
            start=query.start.astimezone(ICT_ZONE),
            end=query.end.astimezone(ICT_ZONE),
            unit=unit,
            source=station.source,
            attribution=ATTRIBUTION.get(station.source, station.source),
            points=[
                PointOut(
                    time=_point_time(p),
                    value=as_number(p.value),
                    count=p.count,
                    averaging=p.averaging,
                    unit=unit,
                    source=station.source,
                )
                for p in points
            ],
        ),
    )


@router.get(
    "/stations/{source}/{source_id}/readings.csv",
    response={200: str, 404: ErrorOut, 422: ValidationErrorOut},
    summary="Series of one parameter at one station as CSV",
    openapi_extra={
        "responses": {
            200: {
                "description": "UTF-8 CSV with a byte-order mark; header row: "
                + ",".join(CSV_HEADER),
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        }
    },
)
def station_readings_csv(
    request: HttpRequest,
    source: str,
    source_id: str,
    param: QueryEx[str, P(description=_PARAM_DOC)] = "PM25",
    start: QueryEx[str | None, P(alias="from", description=_FROM_DOC)] = None,
    end: QueryEx[str | None, P(alias="to", description=_TO_DOC)] = None,
    interval: QueryEx[str, P(description=_INTERVAL_DOC)] = "hour",
    averaging: QueryEx[str | None, P(description=_AVERAGING_DOC)] = None,
) -> HttpResponse | Status[Any]:
    """The same series as ``readings``, one row per point, as a download."""
    query = _SeriesQuery(
        param=param, start_raw=start, end_raw=end, interval=interval, averaging=averaging
    )
    station, points, failure = _series_request(source, source_id, query)
    if failure is not None or station is None:
        return failure or _not_found(source, source_id)
    unit = parameter_unit(station, query.parameter)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for point in points:
        writer.writerow(
            (
                station.source,
                station.source_id,
                query.parameter,
                query.interval,
                _point_time(point).isoformat(),
                decimal_text(point.value),
                unit,
                point.averaging,
                point.count,
            )
        )
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    first = query.start.astimezone(ICT_ZONE).date().isoformat()
    last = query.end.astimezone(ICT_ZONE).date().isoformat()
    filename = f"{station.source}_{station.source_id}_{query.parameter}_{query.interval}_{first}_{last}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/latest", response=LatestOut, summary="Every station's latest hour")
def latest(
    request: HttpRequest,
    province: QueryEx[str | None, P(description="Province code, e.g. 50")] = None,
) -> LatestOut:
    """Each station's latest hour with its Thai AQI (from the official 24-h/8-h/1-h values).

    A stale station (latest hour older than 3 h, or flagged by the source) keeps its last values
    and time, with ``is_stale`` true, ``band_number`` 0 and no band colour: show it greyed, never as
    current.
    """
    return LatestOut(
        generated_at=timezone.now().astimezone(ICT_ZONE),
        stale_after_hours=STALE_AFTER_HOURS,
        items=[station_now_out(now) for now in stations_now(province_code=province)],
    )


@router.get(
    "/latest.geojson",
    response=FeatureCollectionOut,
    summary="Every station's latest hour as GeoJSON",
    openapi_extra={
        "responses": {
            200: {
                "description": "GeoJSON FeatureCollection (application/geo+json)",
                "content": {
                    "application/geo+json": {
                        "schema": {"$ref": "#/components/schemas/FeatureCollectionOut"}
                    }
                },
            }
        }
    },
)
def latest_geojson(
    request: HttpRequest,
    province: QueryEx[str | None, P(description="Province code, e.g. 50")] = None,
) -> HttpResponse:
    """One Point feature per station (geometry null where the station has no coordinates).

    Properties: source, source_id, name_th, name_en, province_code, observed_at, is_stale,
    age_hours, aqi, aqi_pollutant, aqi_scheme, band_number, band_colour, band_name_th, band_name_en,
    pm25_1h, pm25_24h (µg/m³), pm25_unit, attribution.
    """
    features = []
    for now in stations_now(province_code=province):
        out = station_now_out(now)
        station = now.station
        geometry = (
            PointGeometryOut(type="Point", coordinates=[station.lon, station.lat])
            if station.lat is not None and station.lon is not None
            else None
        )
        properties = {
            "source": station.source,
            "source_id": station.source_id,
            "name_th": out.station.name_th,
            "name_en": out.station.name_en,
            "province_code": station.province_code,
            "observed_at": out.observed_at.isoformat() if out.observed_at else None,
            "is_stale": out.is_stale,
            "age_hours": out.age_hours,
            "aqi": out.aqi,
            "aqi_pollutant": out.aqi_pollutant,
            "aqi_scheme": out.aqi_scheme,
            "band_number": out.band_number,
            "band_colour": out.band_colour,
            "band_name_th": out.band_name_th,
            "band_name_en": out.band_name_en,
            "pm25_1h": as_number(now.pm25_1h),
            "pm25_24h": as_number(now.pm25_24h),
            "pm25_unit": UNITS["PM25"],
            "attribution": out.attribution,
        }
        features.append(
            FeatureOut(
                type="Feature",
                id=f"{station.source}:{station.source_id}",
                geometry=geometry,
                properties=properties,
            )
        )
    collection = FeatureCollectionOut(type="FeatureCollection", features=features)
    return HttpResponse(
        collection.model_dump_json(), content_type="application/geo+json; charset=utf-8"
    )
