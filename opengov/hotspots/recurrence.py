"""Repeated-burn areas from FIRMS hotspot history (spec §6.4), a FIRMS-derived proxy.

A grid cell (default 0.01°) is a *repeated burn area* when at least one hotspot fell in it in
**≥ k of the last N seasons** (default k = 3, N = 5). This is a proxy built from active-fire
detections, not a burn-scar map (GISTDA's Landsat / Sentinel dNBR scars are another source); every
display must carry the label of :func:`recurrence_labels`.

Pure module: no Django import; numpy does the grouping so half a million points take well under
a second.

Seasons. A season is a day-of-year window in local time (default 1 Jan – 31 May, ICT = UTC+7;
Thailand has no daylight saving). A season is **named by the calendar year of its end date**: with
a window that crosses the new year, 1 Dec 2023 – 31 May 2024 is season 2024. Both ends are
inclusive whole local days; a detection outside every season is not counted.

Grid. Cell ``(row, col) = (floor(lat / size), floor(lon / size))``, so negative coordinates go
to the cell below / to the west (−0.001° is row −1). The quotient is rounded to 9 decimals before
the floor so that a point exactly on a cell edge (18.84 / 0.01 = 1883.9999999999998 in binary)
lands in the cell it names.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any, Final

import numpy as np
import numpy.typing as npt

METHOD_VERSION: Final = "firms-recurrence/1"
DATA_SOURCE: Final = "FIRMS"
NO_SEASON: Final = 0
"""Season value of a detection that falls outside every season."""
SECONDS_PER_DAY: Final = 86_400
# Quotients are rounded to this many decimals before the floor (see the module docstring).
EDGE_DECIMALS: Final = 9

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Season:
    """A yearly window of whole local days, both ends inclusive, named by its end's year."""

    start_month: int = 1
    start_day: int = 1
    end_month: int = 5
    end_day: int = 31
    utc_offset_hours: float = 7.0

    def __post_init__(self) -> None:
        # 2000 is a leap year, so 29 February is accepted as an end point.
        for name, month, day in (
            ("start", self.start_month, self.start_day),
            ("end", self.end_month, self.end_day),
        ):
            try:
                date(2000, month, day)
            except ValueError as error:
                raise ValueError(f"season {name} {month}/{day} is not a calendar day") from error

    @property
    def crosses_new_year(self) -> bool:
        return (self.start_month, self.start_day) > (self.end_month, self.end_day)


DEFAULT_SEASON: Final = Season()


@dataclass(frozen=True)
class BurnPoints:
    """Hotspot positions and times as arrays: degrees, UTC seconds since 1970, and optionally a
    district code per point (``""`` = none)."""

    lat: FloatArray
    lon: FloatArray
    acquired_epoch_s: IntArray
    district_code: npt.NDArray[np.str_] | None = None

    def __post_init__(self) -> None:
        sizes = {len(self.lat), len(self.lon), len(self.acquired_epoch_s)}
        if self.district_code is not None:
            sizes.add(len(self.district_code))
        if len(sizes) > 1:
            raise ValueError("lat, lon, acquired_epoch_s and district_code differ in length")

    @classmethod
    def from_arrays(
        cls,
        lat: npt.ArrayLike,
        lon: npt.ArrayLike,
        acquired_at: npt.NDArray[np.datetime64] | Sequence[datetime],
        district_code: Sequence[str] | npt.NDArray[np.str_] | None = None,
    ) -> BurnPoints:
        """Build from array-likes; ``acquired_at`` is a ``datetime64`` array in UTC or a
        sequence of aware datetimes."""
        if isinstance(acquired_at, np.ndarray) and np.issubdtype(acquired_at.dtype, np.datetime64):
            epoch = acquired_at.astype("datetime64[s]").astype(np.int64)
        else:
            epoch = np.array([_epoch_seconds(moment) for moment in acquired_at], dtype=np.int64)
        return cls(
            lat=np.asarray(lat, dtype=np.float64),
            lon=np.asarray(lon, dtype=np.float64),
            acquired_epoch_s=epoch,
            district_code=None if district_code is None else np.asarray(district_code, dtype=str),
        )

    @classmethod
    def from_records(
        cls, records: Iterable[tuple[float, float, datetime] | tuple[float, float, datetime, str]]
    ) -> BurnPoints:
        """Build from ``(lat, lon, acquired_at)`` or ``(lat, lon, acquired_at, district_code)``
        tuples; districts are used only when every record has one."""
        rows = list(records)
        districts = [row[3] for row in rows if len(row) == 4]
        return cls.from_arrays(
            [row[0] for row in rows],
            [row[1] for row in rows],
            [row[2] for row in rows],
            districts if rows and len(districts) == len(rows) else None,
        )


@dataclass(frozen=True)
class GridCell:
    """A ``cell_deg`` × ``cell_deg`` cell; ``cell_id`` is ``"row:col"`` at that size."""

    row: int
    col: int
    cell_deg: float

    @property
    def cell_id(self) -> str:
        return f"{self.row}:{self.col}"

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(south, west, north, east) in degrees."""
        return grid_cell_bounds(self.row, self.col, self.cell_deg)


@dataclass(frozen=True)
class RecurrenceParameters:
    """Everything that shaped a result; stored with it. The window is ``first_season`` …
    ``last_season`` (N seasons); both are ``None`` only for empty input without a last season."""

    cell_deg: float
    k: int
    n: int
    first_season: int | None
    last_season: int | None
    season: Season
    data_source: str = DATA_SOURCE
    method_version: str = METHOD_VERSION


@dataclass(frozen=True)
class CellRecurrence:
    """History of one grid cell up to the last season. ``burn_years`` are all seasons with a
    hotspot in the cell (sorted); ``burn_count`` counts those in the last N seasons and
    ``hotspot_count`` the hotspots in them; ``repeated`` is ``burn_count ≥ k``."""

    row: int
    col: int
    cell_id: str
    bounds: tuple[float, float, float, float]
    burn_years: tuple[int, ...]
    burn_count: int
    hotspot_count: int
    first_burn_year: int
    last_burn_year: int
    repeated: bool


@dataclass(frozen=True)
class DistrictRecurrence:
    """The same for a district (it burned in a season when any of its hotspots fell in that
    season), plus how many of the cells its hotspots fell in are repeated. A cell straddling a
    district boundary counts for every district that has a hotspot in it."""

    district_code: str
    burn_years: tuple[int, ...]
    burn_count: int
    hotspot_count: int
    first_burn_year: int
    last_burn_year: int
    repeated: bool
    cell_count: int
    repeated_cells: int


@dataclass(frozen=True)
class BurnRecurrence:
    """Result of :func:`burn_recurrence`. ``points_counted`` are the points in a season up to
    the last season (others are outside every season, later, or have no position)."""

    parameters: RecurrenceParameters
    cells: tuple[CellRecurrence, ...]
    districts: tuple[DistrictRecurrence, ...]
    points_total: int
    points_counted: int
    label_en: str
    label_th: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form (tuples become lists)."""
        data: dict[str, Any] = asdict(self)
        data["cells"] = [_listed(asdict(cell)) for cell in self.cells]
        data["districts"] = [_listed(asdict(district)) for district in self.districts]
        return data


BURN_SCARS: Final = "burn_scars"


def recurrence_labels(k: int, n: int, data_source: str = "FIRMS") -> tuple[str, str]:
    """The required (English, Thai) label for ``k`` of ``n`` seasons: the FIRMS-only proxy, or
    burn scars mapped by an agency."""
    if data_source == BURN_SCARS:
        return (
            f"Mapped burn scars: the cell burned in at least {k} of the last {n} seasons",
            f"พื้นที่เผาไหม้จากแผนที่รอยไหม้: ช่องกริดถูกเผาอย่างน้อย {k} ใน {n} ฤดูกาลล่าสุด",
        )
    return (
        f"FIRMS-derived proxy: a hotspot in the cell in at least {k} of the last {n} seasons",
        f"ตัวชี้วัดแทนจากจุดความร้อน FIRMS: มีจุดความร้อนในช่องกริดอย่างน้อย {k} ใน {n} ฤดูกาลล่าสุด",
    )


def season_years(epoch_seconds: npt.ArrayLike, season: Season = DEFAULT_SEASON) -> IntArray:
    """Season (year of the season's end) of each UTC time in seconds since 1970, or
    :data:`NO_SEASON` (0) when the local date falls outside the season."""
    local = np.asarray(epoch_seconds, dtype=np.int64) + round(season.utc_offset_hours * 3600)
    days = (local // SECONDS_PER_DAY).astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    years = months.astype("datetime64[Y]")
    month = (months - years.astype("datetime64[M]")).astype(np.int64) + 1
    day = (days - months.astype("datetime64[D]")).astype(np.int64) + 1
    year = years.astype(np.int64) + 1970
    month_day = month * 100 + day
    start = season.start_month * 100 + season.start_day
    end = season.end_month * 100 + season.end_day
    if season.crosses_new_year:
        inside = (month_day >= start) | (month_day <= end)
        named = year + (month_day >= start)
    else:
        inside = (month_day >= start) & (month_day <= end)
        named = year
    result: IntArray = np.where(inside, named, NO_SEASON).astype(np.int64)
    return result


def season_of(acquired_at: datetime, season: Season = DEFAULT_SEASON) -> int | None:
    """Season of one aware datetime (named by the year in which the season ends), or ``None``."""
    value = int(season_years(np.array([_epoch_seconds(acquired_at)]), season)[0])
    return None if value == NO_SEASON else value


def grid_cell(lat: float, lon: float, cell_deg: float = 0.01) -> GridCell:
    """The grid cell containing a point (``floor(lat / size)``, ``floor(lon / size)``)."""
    rows, cols = _cell_indices(np.array([lat]), np.array([lon]), cell_deg)
    return GridCell(row=int(rows[0]), col=int(cols[0]), cell_deg=cell_deg)


def grid_cell_bounds(row: int, col: int, cell_deg: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) of a cell, rounded to hide binary fractions (1884 × 0.01)."""
    return (
        round(row * cell_deg, EDGE_DECIMALS),
        round(col * cell_deg, EDGE_DECIMALS),
        round((row + 1) * cell_deg, EDGE_DECIMALS),
        round((col + 1) * cell_deg, EDGE_DECIMALS),
    )


def burn_recurrence(
    points: BurnPoints
    | Iterable[tuple[float, float, datetime] | tuple[float, float, datetime, str]],
    *,
    cell_deg: float = 0.01,
    k: int = 3,
    n: int = 5,
    last_season: int | None = None,
    season: Season = DEFAULT_SEASON,
    data_source: str = DATA_SOURCE,
) -> BurnRecurrence:
    """Repeated-burn cells (and districts) from hotspot history — a FIRMS-derived proxy — or,
    with ``data_source="burn_scars"``, from points standing for mapped burn-scar cells.

    A cell is repeated when it had a hotspot in at least ``k`` of the seasons
    ``last_season − n + 1 … last_season``. ``last_season`` defaults to the latest season present
    in the data; pass it explicitly so a season without hotspots still counts as a season.
    Points after ``last_season`` are ignored, so a result can be recomputed as of any year.
    Districts are rolled up when the points carry district codes.
    """
    if cell_deg <= 0 or not math.isfinite(cell_deg):
        raise ValueError("cell_deg must be a positive number of degrees")
    if not 1 <= k <= n:
        raise ValueError("k and n must satisfy 1 <= k <= n")
    if not isinstance(points, BurnPoints):
        points = BurnPoints.from_records(points)

    seasons = season_years(points.acquired_epoch_s, season)
    positioned = np.isfinite(points.lat) & np.isfinite(points.lon)
    in_season = (seasons != NO_SEASON) & positioned
    if last_season is None and in_season.any():
        last_season = int(seasons[in_season].max())
    first_season = None if last_season is None else last_season - n + 1
    parameters = RecurrenceParameters(
        cell_deg=cell_deg,
        k=k,
        n=n,
        first_season=first_season,
        last_season=last_season,
        season=season,
        data_source=data_source,
    )
    label_en, label_th = recurrence_labels(k, n, data_source)
    counted = in_season if last_season is None else in_season & (seasons <= last_season)
    if last_season is None or first_season is None or not counted.any():
        return BurnRecurrence(
            parameters=parameters,
            cells=(),
            districts=(),
            points_total=len(seasons),
            points_counted=0,
            label_en=label_en,
            label_th=label_th,
        )

    seasons = seasons[counted]
    rows, cols = _cell_indices(points.lat[counted], points.lon[counted], cell_deg)
    row_base, col_base = int(rows.min()), int(cols.min())
    width = int(cols.max()) - col_base + 1
    cell_keys = (rows - row_base) * width + (cols - col_base)
    cell_history = _histories(cell_keys, seasons, first_season, k)
    cell_rows = cell_history.keys // width + row_base
    cell_cols = cell_history.keys % width + col_base
    # Bounds for all cells at once: per-cell round() would dominate the run time.
    souths, norths = (
        np.round(edge * cell_deg, EDGE_DECIMALS) for edge in (cell_rows, cell_rows + 1)
    )
    wests, easts = (np.round(edge * cell_deg, EDGE_DECIMALS) for edge in (cell_cols, cell_cols + 1))
    cells = tuple(
        CellRecurrence(
            row=row,
            col=col,
            cell_id=f"{row}:{col}",
            bounds=bounds,
            burn_years=years,
            burn_count=count,
            hotspot_count=hotspots,
            first_burn_year=years[0],
            last_burn_year=years[-1],
            repeated=repeated,
        )
        for row, col, bounds, (_, years, count, hotspots, repeated) in zip(
            cell_rows.tolist(),
            cell_cols.tolist(),
            zip(souths.tolist(), wests.tolist(), norths.tolist(), easts.tolist(), strict=True),
            cell_history.rows(),
            strict=True,
        )
    )

    districts: tuple[DistrictRecurrence, ...] = ()
    if points.district_code is not None:
        codes = points.district_code[counted]
        has_code = codes != ""
        if has_code.any():
            names, district_keys = np.unique(codes[has_code], return_inverse=True)
            district_keys = district_keys.astype(np.int64)
            district_history = _histories(district_keys, seasons[has_code], first_season, k)
            cell_count, repeated_cells = _district_cells(
                district_keys, cell_keys[has_code], cell_history, len(names)
            )
            districts = tuple(
                DistrictRecurrence(
                    district_code=str(names[key]),
                    burn_years=years,
                    burn_count=count,
                    hotspot_count=hotspots,
                    first_burn_year=years[0],
                    last_burn_year=years[-1],
                    repeated=repeated,
                    cell_count=cell_count[key],
                    repeated_cells=repeated_cells[key],
                )
                for key, years, count, hotspots, repeated in district_history.rows()
            )

    return BurnRecurrence(
        parameters=parameters,
        cells=cells,
        districts=districts,
        points_total=len(counted),
        points_counted=int(counted.sum()),
        label_en=label_en,
        label_th=label_th,
    )


# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Histories:
    """Per unit (cell or district), in key order: seasons burned and window counts."""

    keys: IntArray
    years: list[tuple[int, ...]]
    burn_count: list[int]
    hotspot_count: list[int]
    repeated: list[bool]

    def rows(self) -> Iterable[tuple[int, tuple[int, ...], int, int, bool]]:
        return zip(
            self.keys.tolist(),
            self.years,
            self.burn_count,
            self.hotspot_count,
            self.repeated,
            strict=True,
        )


def _epoch_seconds(moment: datetime) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("acquired_at must be timezone-aware (UTC)")
    return math.floor(moment.timestamp())


def _cell_indices(lat: FloatArray, lon: FloatArray, cell_deg: float) -> tuple[IntArray, IntArray]:
    rows = np.floor(np.round(lat / cell_deg, EDGE_DECIMALS)).astype(np.int64)
    cols = np.floor(np.round(lon / cell_deg, EDGE_DECIMALS)).astype(np.int64)
    return rows, cols


def _histories(unit_keys: IntArray, seasons: IntArray, first_season: int, k: int) -> _Histories:
    # One sort of (unit, season) pairs gives every unit's seasons in order and the hotspots per
    # pair; the units' slices are then cut at the boundaries.
    season_base = int(seasons.min())
    season_span = int(seasons.max()) - season_base + 1
    pairs, hotspots = np.unique(
        unit_keys * season_span + (seasons - season_base), return_counts=True
    )
    pair_units = pairs // season_span
    pair_seasons = pairs % season_span + season_base
    keys, starts = np.unique(pair_units, return_index=True)
    in_window = pair_seasons >= first_season
    unit_index = np.searchsorted(keys, pair_units)
    burn_count = np.bincount(unit_index, weights=in_window, minlength=len(keys)).astype(np.int64)
    window_hotspots = np.bincount(
        unit_index, weights=np.where(in_window, hotspots, 0), minlength=len(keys)
    ).astype(np.int64)
    season_list = pair_seasons.tolist()
    bounds = [*starts.tolist(), len(season_list)]
    years = [tuple(season_list[bounds[i] : bounds[i + 1]]) for i in range(len(keys))]
    return _Histories(
        keys=keys,
        years=years,
        burn_count=burn_count.tolist(),
        hotspot_count=window_hotspots.tolist(),
        repeated=(burn_count >= k).tolist(),
    )


def _district_cells(
    district_keys: IntArray,
    cell_keys: IntArray,
    cell_history: _Histories,
    district_total: int,
) -> tuple[list[int], list[int]]:
    cell_span = int(cell_keys.max()) + 1
    pairs = np.unique(district_keys * cell_span + cell_keys)
    pair_districts = pairs // cell_span
    # Every cell of a pair is in cell_history.keys (sorted), so searchsorted finds it exactly.
    cell_repeated = np.array(cell_history.repeated, dtype=np.int64)
    pair_repeated = cell_repeated[np.searchsorted(cell_history.keys, pairs % cell_span)]
    cell_count = np.bincount(pair_districts, minlength=district_total)
    repeated_cells = np.bincount(pair_districts, weights=pair_repeated, minlength=district_total)
    return cell_count.astype(np.int64).tolist(), repeated_cells.astype(np.int64).tolist()


def _listed(data: dict[str, Any]) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}
