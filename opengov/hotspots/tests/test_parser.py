"""The pure FIRMS parser on every captured file and on made-up malformed input."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from opengov.hotspots.sources.firms.parser import (
    FirmsInvalid,
    acquired_at_parse,
    firms_parse,
)
from opengov.hotspots.tests.conftest import (
    ALL_FILES,
    MODIS_2019,
    MODIS_2025,
    MODIS_ARCHIVE,
    VIIRS_NOAA20,
    VIIRS_SEA,
    VIIRS_SNPP_API,
    firms_bytes,
)

# file → (data rows, instrument/satellite counts) — rows as in shared/data/firms/SOURCES.md
EXPECTED = {
    MODIS_2025: (2383, {("MODIS", "Terra"): 440, ("MODIS", "Aqua"): 1943}),
    MODIS_2019: (3867, {("MODIS", "Terra"): 664, ("MODIS", "Aqua"): 3203}),
    VIIRS_SEA: (4339, {("VIIRS", "SNPP"): 4339}),
    VIIRS_SNPP_API: (300, {("VIIRS", "SNPP"): 300}),
    VIIRS_NOAA20: (300, {("VIIRS", "NOAA20"): 300}),
    MODIS_ARCHIVE: (643, {("MODIS", "Terra"): 293, ("MODIS", "Aqua"): 350}),
}


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_shared_file_parses_completely(name):
    parsed = firms_parse(firms_bytes(name))
    rows, sensors = EXPECTED[name]
    assert parsed.file_rows == rows
    assert len(parsed.detections) == rows
    assert parsed.duplicates == 0
    assert parsed.rejected == []
    assert Counter((d.instrument, d.satellite) for d in parsed.detections) == sensors


def test_viirs_text_file_words_and_unpadded_times():
    parsed = firms_parse(firms_bytes(VIIRS_SEA))
    assert Counter(d.confidence_class for d in parsed.detections) == {"n": 3946, "l": 259, "h": 134}
    assert Counter(d.acquired_at.date().isoformat() for d in parsed.detections) == {
        "2019-09-28": 2224,
        "2019-09-29": 2115,
    }
    first = parsed.detections[0]
    assert first.acquired_at == datetime(2019, 9, 28, 4, 48, tzinfo=UTC)  # acq_time "448"
    assert (first.lat, first.lon) == (Decimal("-8.42835"), Decimal("122.60705"))
    assert (first.bright, first.bright2, first.frp) == (330.9, 295.8, 7.2)
    assert (first.confidence_raw, first.confidence_pct, first.version) == (
        "nominal",
        None,
        "1.0NRT",
    )
    assert all(d.confidence_pct is None for d in parsed.detections)


def test_modis_numeric_confidence_and_bins():
    parsed = firms_parse(firms_bytes(MODIS_2025))
    first = parsed.detections[0]
    assert first.acquired_at == datetime(2025, 4, 23, 2, 34, tzinfo=UTC)
    assert (first.confidence_raw, first.confidence_pct, first.confidence_class) == ("44", 44, "n")
    assert (first.bright, first.bright2, first.version, first.daynight) == (
        315.26,
        293.88,
        "6.1NRT",
        "D",
    )
    for d in parsed.detections:
        assert d.confidence_pct is not None
        expected = "l" if d.confidence_pct < 30 else "n" if d.confidence_pct < 80 else "h"
        assert d.confidence_class == expected
    assert Counter(d.acquired_at.date().isoformat() for d in parsed.detections) == {
        "2025-04-23": 469,
        "2025-04-24": 1914,
    }


def test_api_header_letters_and_noaa20_with_modis_column_names():
    snpp = firms_parse(firms_bytes(VIIRS_SNPP_API))
    assert Counter(d.confidence_class for d in snpp.detections) == {"n": 293, "h": 7}
    noaa20 = firms_parse(firms_bytes(VIIRS_NOAA20))
    first = noaa20.detections[0]
    # "brightness"/"bright_t31" columns, but satellite 1 + instrument VIIRS: a VIIRS detection.
    assert (first.instrument, first.satellite, first.bright, first.bright2) == (
        "VIIRS",
        "NOAA20",
        305.3,
        288.7,
    )
    assert first.acquired_at == datetime(2020, 10, 2, 4, 6, tzinfo=UTC)


def test_archive_type_column_and_spreadsheet_dates():
    parsed = firms_parse(firms_bytes(MODIS_ARCHIVE))
    assert Counter(d.fire_type for d in parsed.detections) == {0: 298, 2: 335, 3: 10}
    first = parsed.detections[0]
    assert first.acquired_at == datetime(2019, 8, 1, 0, 56, tzinfo=UTC)  # "1/8/2019", "56"
    assert (first.version, first.confidence_pct) == ("6.3", 48)


def _resave(body: bytes) -> bytes:
    """What a spreadsheet does to a FIRMS file: D/M/YYYY dates, unpadded times, CRLF."""
    lines = body.decode().splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        year, month, day = cells[5].split("-")
        cells[5] = f"{int(day)}/{int(month)}/{year}"
        cells[6] = str(int(cells[6]))
        out.append(",".join(cells))
    return ("\r\n".join(out) + "\r\n").encode()


def test_spreadsheet_resaved_copy_gives_the_same_detections(tmp_path):
    original = firms_bytes(MODIS_2025)
    head = b"\n".join(original.split(b"\n")[:41]) + b"\n"  # header + 40 real rows
    resaved_path = tmp_path / "resaved.csv"
    resaved_path.write_bytes(_resave(head))
    assert b"23/4/2025" in resaved_path.read_bytes()
    assert b",234,T," in resaved_path.read_bytes()
    resaved = firms_parse(resaved_path.read_bytes())
    expected = firms_parse(head)
    assert resaved.file_rows == 40
    assert [(d.key(), d.line) for d in resaved.detections] == [
        (d.key(), d.line) for d in expected.detections
    ]


HEADER_B = "latitude,longitude,brightness,scan,track,acq_date,acq_time,satellite,confidence,version,bright_t31,frp,daynight"


def test_malformed_rows_are_reported_by_line_and_duplicates_counted():
    good = "18.5,98.9,320.1,1,1,2024-03-01,0630,A,85,6.1NRT,295,20.5,D"
    body = "\n".join(
        [
            HEADER_B,
            good,
            good,  # duplicate of line 2
            "18.5,98.9,320.1,1,1,2024-03-01,0630,A,85,6.1NRT,295,20.5",  # 12 fields
            "",  # blank: ignored, not counted
            "95.0,98.9,320.1,1,1,2024-03-01,0630,A,85,6.1NRT,295,20.5,D",
            "18.5,98.9,320.1,1,1,2024-02-30,0630,A,85,6.1NRT,295,20.5,D",
            "18.5,98.9,320.1,1,1,2024-03-01,2460,A,85,6.1NRT,295,20.5,D",
            "18.5,98.9,320.1,1,1,2024-03-01,0630,X,85,6.1NRT,295,20.5,D",
            "18.5,98.9,320.1,1,1,2024-03-01,0630,A,high,6.1NRT,295,20.5,D",
            "18.5,98.9,320.1,1,1,2024-03-01,0630,A,85,6.1NRT,295,abc,D",
            "18.6,98.9,320.1,1,1,2024-03-01,0630,A,85,6.1NRT,295,20.5,D",
        ]
    ).encode()
    parsed = firms_parse(body)
    assert parsed.file_rows == 10
    assert parsed.duplicates == 1
    assert [d.line for d in parsed.detections] == [2, 12]
    assert [(r.line, r.reason) for r in parsed.rejected] == [
        (4, "expected 13 fields, found 12"),
        (6, "latitude '95.0' is outside ±90"),
        (7, "acq_date '2024-02-30' is not a calendar date"),
        (8, "acq_time '2460' is not a time of day"),
        (9, "satellite 'X' is unknown"),
        (10, "confidence 'high' is not an integer 0–100 for MODIS"),
        (11, "frp 'abc' is not a number"),
    ]


def test_instrument_contradicting_satellite_is_rejected():
    header = "latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,instrument,confidence,version,bright_ti5,frp,daynight"
    body = f"{header}\n18.5,98.9,330,0.4,0.4,2024-03-01,627,N20,MODIS,n,2.0NRT,290,3,D\n"
    parsed = firms_parse(body.encode())
    assert [(r.line, r.reason) for r in parsed.rejected] == [
        (2, "instrument 'MODIS' does not match satellite 'N20'")
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x00l\x00a", "the file is not UTF-8 text (byte 0)"),
        (b"Invalid MAP_KEY.", "FIRMS answered 'Invalid MAP_KEY.' — check FIRMS_MAP_KEY"),
        (
            b"lat,lon,acq_date\n1,2,2024-01-01\n",
            "line 1: not a FIRMS header, missing column(s): acq_time, confidence, daynight, frp, "
            "latitude, longitude, satellite, scan, track, version, bright_ti4|brightness",
        ),
        (
            (HEADER_B + ",frp\n").encode(),
            "line 1: column 'frp' appears twice",
        ),
    ],
)
def test_unreadable_content_or_bad_header_is_refused(body, message):
    with pytest.raises(FirmsInvalid) as caught:
        firms_parse(body)
    assert caught.value.message_en == message
    assert caught.value.message_th
    assert " / " in caught.value.bilingual()


def test_header_names_are_trimmed_and_case_insensitive():
    header = " Latitude ,LONGITUDE,Brightness,scan,track,acq_date,acq_time,satellite,confidence,version,bright_t31,frp,daynight"
    parsed = firms_parse(
        f"\ufeff{header}\n18.5,98.9,320,1,1,2024-03-01,0630,T,10,6.1NRT,295,2,N\n".encode()
    )
    assert [(d.satellite, d.confidence_class, d.daynight) for d in parsed.detections] == [
        ("Terra", "l", "N")
    ]


def test_acquired_at_is_day_first_and_pads_time():
    assert acquired_at_parse("29/3/2023", "45") == datetime(2023, 3, 29, 0, 45, tzinfo=UTC)
    assert acquired_at_parse("2023-03-29", "0045") == datetime(2023, 3, 29, 0, 45, tzinfo=UTC)
    with pytest.raises(ValueError, match="acq_date '3/29/2023' is not a calendar date"):
        acquired_at_parse("3/29/2023", "45")
