"""The pure upwind transport-risk index (spec §5.1): the spec's worked example and hand-computed
cases. One degree of great-circle arc is 6371 · π / 180 = 111.19493 km, so hotspots placed due
north of a receptor on the equator have distances and bearings that can be checked by hand."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

import pytest

from opengov.hotspots.attribution import (
    LABEL_EN,
    LABEL_TH,
    HotspotRecord,
    Receptor,
    UpwindParameters,
    Wind,
    WindCandidate,
    bearing_deg,
    distance_km,
    hotspot_passes_filter,
    upwind_offset_deg,
    upwind_transport_risk,
    upwind_transport_risk_series,
    wind_choose,
)

HOUR = datetime(2024, 3, 1, 12, tzinfo=UTC)
STATION_35T = Receptor(18.840732, 98.96978, "35t")
EQUATOR = Receptor(0.0, 0.0, "equator")
KM_PER_DEGREE = 111.19492664455873

# spec §5.1 worked example: id, lat, lon, FRP, age h, β, d km, Δ, K, A
WORKED = [
    ("H1", 19.30455, 97.97165, 10.0, 18, 296.3, 116.9, 18.7, 0.2105, 0.9475),
    ("H2", 18.2826333, 99.6598166, 50.0, 14, 130.4, 95.6, 175.4, 0.2795, 0.0),
    ("H3", 20.0, 97.5, 20.0, 6, 310.1, 200.9, 4.9, 0.0686, 0.9964),
    ("H4", 20.427325, 99.883842, 30.0, 28, 28.3, 200.7, 73.3, 0.0688, 0.2868),
]


def hotspot(
    hotspot_id: str,
    lat: float,
    lon: float,
    frp: float | None,
    age_hours: float,
    *,
    instrument: str = "VIIRS",
    confidence_class: str = "n",
    confidence_pct: int | None = None,
    fire_type: int | None = None,
    country: str = "",
    land_use: str = "unknown",
) -> HotspotRecord:
    return HotspotRecord(
        hotspot_id=hotspot_id,
        lat=lat,
        lon=lon,
        frp_mw=frp,
        acquired_at=HOUR - timedelta(hours=age_hours),
        instrument=instrument,
        satellite="SNPP" if instrument == "VIIRS" else "Aqua",
        confidence_class=confidence_class,
        confidence_pct=confidence_pct,
        fire_type=fire_type,
        country_code=country,
        land_use=land_use,
    )


def worked_hotspots() -> list[HotspotRecord]:
    return [hotspot(row[0], row[1], row[2], row[3], row[4]) for row in WORKED]


def totals(result, attribute):
    return [getattr(ring, attribute) for ring in result.rings]


@pytest.mark.parametrize("row", WORKED, ids=[row[0] for row in WORKED])
def test_worked_example_geometry_matches_the_spec_table(row):
    _, lat, lon, _, _, bearing, distance, offset, kernel, alignment = row
    beta = bearing_deg(STATION_35T.lat, STATION_35T.lon, lat, lon)
    d = distance_km(STATION_35T.lat, STATION_35T.lon, lat, lon)
    delta = upwind_offset_deg(beta, 315.0)
    assert beta == pytest.approx(bearing, abs=0.05)
    assert d == pytest.approx(distance, abs=0.05)
    assert delta == pytest.approx(offset, abs=0.05)
    assert math.exp(-d / 75.0) == pytest.approx(kernel, abs=0.00005)
    assert max(math.cos(math.radians(delta)), 0.0) == pytest.approx(alignment, abs=0.00005)


@pytest.mark.parametrize("half_angle", [45.0, 22.5])
def test_worked_example_scores_only_h1(half_angle):
    parameters = UpwindParameters(sector_half_angle_deg=half_angle)
    result = upwind_transport_risk(
        STATION_35T, HOUR, Wind(315.0, 2.0, "air4thai"), worked_hotspots(), parameters
    )
    assert [ring.ring_km for ring in result.rings] == [50.0, 100.0, 250.0, 500.0]
    assert totals(result, "count") == [0, 0, 1, 1]
    assert totals(result, "frp_sum_mw") == [0.0, 0.0, 10.0, 10.0]
    scores = totals(result, "score")
    assert scores[:2] == [0.0, 0.0]
    assert scores[2] == pytest.approx(1.994, abs=0.005)
    assert scores[3] == pytest.approx(1.994, abs=0.005)
    assert result.fallback_window is False
    assert result.direction_missing is False
    [only] = result.contributions
    assert only.hotspot_id == "H1"
    assert only.distance_km == pytest.approx(116.9, abs=0.05)
    assert only.bearing_deg == pytest.approx(296.3, abs=0.05)
    assert only.offset_deg == pytest.approx(18.7, abs=0.05)
    assert only.kernel == pytest.approx(0.2105, abs=0.00005)
    assert only.alignment == pytest.approx(0.9475, abs=0.00005)
    assert (only.time_weight, only.age_hours, only.frp_mw) == (1.0, 18.0, 10.0)
    assert only.contribution == pytest.approx(1.994, abs=0.005)
    assert result.parameters.method_version == "upwind-sector/1"
    assert result.wind.source == "air4thai"


def test_worked_example_h3_arrives_once_its_window_opens():
    # H3 (d = 200.9 km, 7.2 km/h → 27.9 h of travel) needs an age in [24.9, 33.9] h; at age 6 h
    # it is too early, at age 30 h it contributes 20 · 0.0686 · 0.9964 = 1.367.
    late_h3 = hotspot("H3", 20.0, 97.5, 20.0, 30)
    result = upwind_transport_risk(STATION_35T, HOUR, Wind(315.0, 2.0, "air4thai"), [late_h3])
    assert totals(result, "count") == [0, 0, 1, 1]
    assert result.rings[2].score == pytest.approx(1.367, abs=0.002)


def test_tophat_alignment_gives_full_weight_inside_the_sector():
    # Worked example H1 with A = 1: 10 · exp(−116.887 / 75) = 10 · 0.210452 = 2.10452.
    result = upwind_transport_risk(
        STATION_35T,
        HOUR,
        Wind(315.0, 2.0, "air4thai"),
        worked_hotspots(),
        UpwindParameters(alignment="tophat"),
    )
    assert result.rings[2].score == pytest.approx(2.10452, abs=0.00001)
    assert result.contributions[0].alignment == 1.0


def test_cosine_and_tophat_on_an_equator_case():
    # Receptor (0, 0), hotspot due north at 0.5° (β = 0, d = 55.5975 km), wind from 40° at
    # 5 m/s = 18 km/h: Δ = 40°, travel 3.089 h → window [0.089, 9.089] h, age 3 h is inside.
    # K = exp(−55.5975 / 75) = 0.476494; cosine A = cos 40° = 0.766044.
    # cosine: 10 · 0.476494 · 0.766044 = 3.650159; top-hat: 10 · 0.476494 = 4.764943.
    north = [hotspot("N", 0.5, 0.0, 10.0, 3)]
    wind = Wind(40.0, 5.0, "era5")
    cosine = upwind_transport_risk(EQUATOR, HOUR, wind, north)
    tophat = upwind_transport_risk(EQUATOR, HOUR, wind, north, UpwindParameters(alignment="tophat"))
    assert totals(cosine, "count") == [0, 1, 1, 1]
    assert cosine.rings[1].score == pytest.approx(3.650159, abs=1e-6)
    assert tophat.rings[1].score == pytest.approx(4.764943, abs=1e-6)
    # A 22.5° sector leaves the hotspot (Δ = 40°) outside.
    narrow = upwind_transport_risk(
        EQUATOR, HOUR, wind, north, UpwindParameters(sector_half_angle_deg=22.5)
    )
    assert totals(narrow, "count") == [0, 0, 0, 0]


def test_calm_wind_uses_the_fallback_window_and_flags_it():
    # u = 0: the window is the fixed 0–24 h. All three sit due north at 0.5° (d = 55.5975 km,
    # Δ = 0, A = 1, K = 0.476494). Age 20 h → in: 10 · 0.476494 = 4.764943. Age 30 h → out.
    # Detected 1 h after t (age −1 h) → out: a result for hour t never uses later passes.
    hotspots = [
        hotspot("in", 0.5, 0.0, 10.0, 20),
        hotspot("stale", 0.5, 0.0, 40.0, 30),
        hotspot("later", 0.5, 0.0, 80.0, -1),
    ]
    for speed in (0.0, None):
        result = upwind_transport_risk(EQUATOR, HOUR, Wind(0.0, speed, "air4thai"), hotspots)
        assert result.fallback_window is True
        assert totals(result, "count") == [0, 1, 1, 1]
        assert totals(result, "frp_sum_mw") == [0.0, 10.0, 10.0, 10.0]
        assert result.rings[3].score == pytest.approx(4.764943, abs=1e-6)
        assert [item.hotspot_id for item in result.contributions] == ["in"]


def test_optional_decaying_tail_after_the_window():
    # Calm wind, window 0–24 h, tail 6 h: age 30 h is 6 h past the end → T = exp(−1) = 0.367879;
    # 40 · 0.476494 · 0.367879 = 7.011698.
    stale = [hotspot("stale", 0.5, 0.0, 40.0, 30)]
    result = upwind_transport_risk(
        EQUATOR, HOUR, Wind(0.0, 0.0, "air4thai"), stale, UpwindParameters(tail_hours=6.0)
    )
    assert result.contributions[0].time_weight == pytest.approx(math.exp(-1.0))
    assert result.rings[1].score == pytest.approx(7.011698, abs=1e-6)


def test_confidence_filter_drops_low_viirs_low_modis_and_non_vegetation():
    viirs = [
        hotspot("kept", 0.5, 0.0, 10.0, 3),
        hotspot("low", 0.5, 0.0, 10.0, 3, confidence_class="l"),
        hotspot("static", 0.5, 0.0, 10.0, 3, fire_type=2),
        hotspot("veg", 0.5, 0.0, 10.0, 3, fire_type=0, confidence_class="h"),
    ]
    modis = [
        hotspot(
            "m20", 0.5, 0.0, 10.0, 3, instrument="MODIS", confidence_class="l", confidence_pct=20
        ),
        hotspot(
            "m30", 0.5, 0.0, 10.0, 3, instrument="MODIS", confidence_class="n", confidence_pct=30
        ),
    ]
    wind = Wind(0.0, 5.0, "air4thai")
    filtered = upwind_transport_risk(EQUATOR, HOUR, wind, viirs + modis)
    assert [item.hotspot_id for item in filtered.contributions] == ["kept", "veg"]
    assert filtered.ignored == {
        "low_confidence": 1,
        "not_vegetation_fire": 1,
        "other_instrument": 2,
    }

    modis_series = upwind_transport_risk(
        EQUATOR, HOUR, wind, viirs + modis, UpwindParameters(instrument="MODIS")
    )
    assert [item.hotspot_id for item in modis_series.contributions] == ["m30"]
    assert modis_series.ignored == {"low_confidence": 1, "other_instrument": 4}

    unfiltered = upwind_transport_risk(
        EQUATOR, HOUR, wind, viirs + modis, UpwindParameters(confidence_filter=False)
    )
    assert [item.hotspot_id for item in unfiltered.contributions] == [
        "kept",
        "low",
        "static",
        "veg",
    ]
    # 4 · 10 · 0.476494 (Δ = 0, A = 1) = 19.059772
    assert unfiltered.rings[1].score == pytest.approx(19.059772, abs=1e-6)

    assert hotspot_passes_filter(viirs[0]) is True
    assert hotspot_passes_filter(viirs[1]) is False
    assert hotspot_passes_filter(modis[0]) is False
    assert hotspot_passes_filter(modis[1]) is True


def test_other_instrument_is_ignored_entirely():
    # One sensor per series: a MODIS detection in a VIIRS series never counts, even unfiltered.
    modis = hotspot("m", 0.5, 0.0, 99.0, 3, instrument="MODIS", confidence_pct=90)
    result = upwind_transport_risk(
        EQUATOR,
        HOUR,
        Wind(0.0, 5.0, "air4thai"),
        [modis],
        UpwindParameters(confidence_filter=False),
    )
    assert totals(result, "count") == [0, 0, 0, 0]
    assert result.ignored == {"other_instrument": 1}


def test_split_per_country_and_land_use_class():
    # All due north (Δ = 0, A = 1), wind 10 m/s = 36 km/h, age 5 h:
    #   a 0.3° d = 33.3585 km, travel 0.93 h, K = 0.640965, MMR conservation forest, FRP 5
    #   b 0.6° d = 66.7170 km, travel 1.85 h, K = 0.410837, THA agriculture, FRP 7
    #   c 2.0° d = 222.3899 km, travel 6.18 h → window [3.18, 12.18], K = 0.051550, MMR agri., FRP 11
    #   d 6.0° d = 667.2 km, beyond the last ring → not counted
    # terms: a 3.204827, b 2.875857, c 0.567053
    hotspots = [
        hotspot("a", 0.3, 0.0, 5.0, 5, country="MMR", land_use="conservation_forest"),
        hotspot("b", 0.6, 0.0, 7.0, 5, country="THA", land_use="agriculture"),
        hotspot("c", 2.0, 0.0, 11.0, 5, country="MMR", land_use="agriculture"),
        hotspot("d", 6.0, 0.0, 13.0, 5, country="MMR", land_use="agriculture"),
    ]
    result = upwind_transport_risk(EQUATOR, HOUR, Wind(0.0, 10.0, "air4thai"), hotspots)
    assert totals(result, "count") == [1, 2, 3, 3]
    assert totals(result, "frp_sum_mw") == [5.0, 12.0, 23.0, 23.0]
    assert totals(result, "score") == pytest.approx(
        [3.204827, 6.080684, 6.647737, 6.647737], abs=1e-6
    )
    assert list(result.by_country) == ["MMR", "THA"]
    mmr = result.by_country["MMR"]
    assert [ring.count for ring in mmr] == [1, 1, 2, 2]
    assert [ring.frp_sum_mw for ring in mmr] == [5.0, 5.0, 16.0, 16.0]
    assert [ring.score for ring in mmr] == pytest.approx(
        [3.204827, 3.204827, 3.771880, 3.771880], abs=1e-6
    )
    tha = result.by_country["THA"]
    assert [ring.count for ring in tha] == [0, 1, 1, 1]
    assert tha[3].score == pytest.approx(2.875857, abs=1e-6)
    assert list(result.by_land_use) == ["agriculture", "conservation_forest"]
    assert [ring.count for ring in result.by_land_use["agriculture"]] == [0, 1, 2, 2]
    assert [ring.frp_sum_mw for ring in result.by_land_use["agriculture"]] == [0.0, 7.0, 18.0, 18.0]
    assert [ring.count for ring in result.by_land_use["conservation_forest"]] == [1, 1, 1, 1]


def test_untagged_country_is_reported_as_unknown():
    result = upwind_transport_risk(
        EQUATOR, HOUR, Wind(0.0, 5.0, "air4thai"), [hotspot("x", 0.5, 0.0, 10.0, 3)]
    )
    assert list(result.by_country) == ["unknown"]
    assert list(result.by_land_use) == ["unknown"]


@pytest.mark.parametrize(
    ("bearing", "wind_from", "offset"),
    [
        (359.0, 1.0, 2.0),
        (1.0, 359.0, 2.0),
        (0.0, 350.0, 10.0),
        (350.0, 10.0, 20.0),
        (0.0, 180.0, 180.0),
    ],
)
def test_offset_wraps_around_north(bearing, wind_from, offset):
    assert upwind_offset_deg(bearing, wind_from) == pytest.approx(offset)


def test_bearings_are_normalised_to_0_360():
    assert bearing_deg(0.0, 0.0, 1.0, 0.0) == 0.0
    assert bearing_deg(0.0, 0.0, 0.0, 1.0) == pytest.approx(90.0)
    assert bearing_deg(0.0, 0.0, -1.0, 0.0) == pytest.approx(180.0)
    assert bearing_deg(0.0, 0.0, 0.0, -1.0) == pytest.approx(270.0)
    assert distance_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(KM_PER_DEGREE)


def test_hotspot_just_west_of_north_with_wind_just_east_of_north():
    # Hotspot (0.5, −0.01): tan β = −0.01 · cos 0.5° / sin 0.5° → β = 358.8543°; wind from 5°:
    # Δ = |((358.8543 − 5 + 540) mod 360) − 180| = |173.8543 − 180| = 6.1457°, A = 0.994253.
    # d = 55.6086 km, K = exp(−55.6086 / 75) = 0.476424; 10 · K · A = 4.736859.
    # A hotspot due west (β = 270°) with the same wind is 95° off → outside the sector.
    hotspots = [hotspot("nnw", 0.5, -0.01, 10.0, 3), hotspot("west", 0.0, -0.5, 10.0, 3)]
    result = upwind_transport_risk(EQUATOR, HOUR, Wind(5.0, 5.0, "air4thai"), hotspots)
    [only] = result.contributions
    assert only.hotspot_id == "nnw"
    assert only.bearing_deg == pytest.approx(358.8543, abs=1e-4)
    assert only.offset_deg == pytest.approx(6.1457, abs=1e-4)
    assert only.alignment == pytest.approx(0.994253, abs=1e-6)
    assert only.contribution == pytest.approx(4.736859, abs=1e-5)


def test_empty_input():
    result = upwind_transport_risk(EQUATOR, HOUR, Wind(0.0, 5.0, "air4thai"), [])
    assert totals(result, "count") == [0, 0, 0, 0]
    assert totals(result, "score") == [0.0, 0.0, 0.0, 0.0]
    assert result.by_country == {}
    assert result.by_land_use == {}
    assert result.contributions == ()
    assert result.ignored == {}


def test_missing_direction_counts_nothing_and_is_flagged():
    result = upwind_transport_risk(
        EQUATOR, HOUR, Wind(None, 3.0, "air4thai"), [hotspot("x", 0.5, 0.0, 10.0, 3)]
    )
    assert result.direction_missing is True
    assert totals(result, "count") == [0, 0, 0, 0]


def test_missing_frp_counts_the_hotspot_but_adds_no_power():
    result = upwind_transport_risk(
        EQUATOR, HOUR, Wind(0.0, 5.0, "air4thai"), [hotspot("x", 0.5, 0.0, None, 3)]
    )
    assert totals(result, "count") == [0, 1, 1, 1]
    assert totals(result, "score") == [0.0, 0.0, 0.0, 0.0]


def test_as_dict_is_json_and_carries_the_labels_and_parameters():
    result = upwind_transport_risk(
        STATION_35T, HOUR, Wind(315.0, 2.0, "air4thai"), worked_hotspots()
    )
    data = json.loads(json.dumps(result.as_dict(), ensure_ascii=False))
    assert data["label_th"] == LABEL_TH
    assert data["label_en"] == LABEL_EN
    assert "ไม่ใช่การระบุแหล่งกำเนิด" in data["label_th"]
    assert data["hour"] == "2024-03-01T12:00:00+00:00"
    assert data["parameters"]["rings_km"] == [50.0, 100.0, 250.0, 500.0]
    assert data["parameters"]["method_version"] == "upwind-sector/1"
    assert data["wind"] == {"from_deg": 315.0, "speed_ms": 2.0, "source": "air4thai"}
    assert data["fallback_window"] is False
    assert data["rings"][2]["count"] == 1
    assert data["by_country"]["unknown"][3]["frp_sum_mw"] == 10.0
    assert data["contributions"][0]["hotspot_id"] == "H1"


def test_series_reuses_the_geometry_per_hour():
    later = HOUR + timedelta(hours=12)
    winds = {later: Wind(135.0, 2.0, "air4thai"), HOUR: Wind(315.0, 2.0, "air4thai")}
    first, second = upwind_transport_risk_series(STATION_35T, winds, worked_hotspots())
    assert first.hour == HOUR
    assert first.rings[2].score == pytest.approx(1.994, abs=0.005)
    # 12 h later from 135°: H2 (β 130.4°, age 26 h) is upwind but its window is [10.3, 19.3] h.
    assert second.hour == later
    assert totals(second, "count") == [0, 0, 0, 0]


def test_invalid_parameters_are_refused():
    with pytest.raises(ValueError, match="rings_km"):
        UpwindParameters(rings_km=(100.0, 50.0))
    with pytest.raises(ValueError, match="alignment"):
        UpwindParameters(alignment="gaussian")  # type: ignore[arg-type]
    naive = datetime(2024, 3, 1)  # noqa: DTZ001 - the mistake under test
    with pytest.raises(ValueError, match="aware"):
        upwind_transport_risk(EQUATOR, naive, Wind(0.0, 1.0, "x"), [hotspot("x", 0.5, 0.0, 1.0, 1)])


def test_wind_choice_prefers_the_station_then_the_nearest_source():
    candidates = [
        WindCandidate("open-meteo", 18.84, 98.97, 200.0, 1.0, tier=2),
        WindCandidate("tmd:far", 19.5, 99.0, 270.0, 3.0),
        WindCandidate("era5:near", 18.75, 99.0, 300.0, 2.5),
        WindCandidate("tmd:broken", 18.84, 98.97, None, 2.0),
    ]
    own = Wind(315.0, 0.0, "air4thai:35t")
    chosen = wind_choose(STATION_35T, own, candidates)
    assert chosen is not None
    assert (chosen.source, chosen.distance_km, chosen.wind) == ("air4thai:35t", 0.0, own)

    # The station lacks WS: the nearest usable tier-1 source wins over a nearer tier-2 one.
    chosen = wind_choose(STATION_35T, Wind(315.0, None, "air4thai:35t"), candidates)
    assert chosen is not None
    assert chosen.source == "era5:near"
    assert chosen.wind == Wind(300.0, 2.5, "era5:near")
    assert chosen.distance_km == pytest.approx(
        distance_km(STATION_35T.lat, STATION_35T.lon, 18.75, 99.0)
    )

    chosen = wind_choose(STATION_35T, None, candidates[:1] + candidates[3:])
    assert chosen is not None
    assert chosen.source == "open-meteo"
    assert wind_choose(STATION_35T, None, candidates[1:2], max_distance_km=50.0) is None
    assert wind_choose(STATION_35T, None, []) is None
