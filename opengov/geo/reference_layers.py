"""Registry of the reference layers: where each lives under ``OPENGOV_DATA_DIR/geo/`` and the
canonical upstream URL to download when that directory is absent (pure: no Django import).

URLs point at pinned commits (SOURCES.md), so a URL that loaded once never needs fetching again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from opengov.geo.geojson_layers import COUNTRY_NAMES_TH, LayerFilter


@dataclass(frozen=True)
class ReferenceLayer:
    level: str
    file_name: str  # under OPENGOV_DATA_DIR/geo/
    url: str | None  # canonical download; None when no upstream file carries the codes
    keep: LayerFilter | None  # applied to the upstream file to get the same features
    attribution: str


_MAPTHAI: Final = (
    "https://raw.githubusercontent.com/piyayut-ch/mapthai/"
    "2e20a60189cf1737429e7f0b9359e9cc8d794e1a/data-raw/geojson"
)
_HDX_CREDIT: Final = (
    "Administrative boundaries: Royal Thai Survey Department / OCHA ROAP, via the Humanitarian "
    "Data Exchange (HDX), CC BY-IGO."
)

REFERENCE_LAYERS: Final[tuple[ReferenceLayer, ...]] = (
    ReferenceLayer(
        level="country",
        file_name="sea_countries_adm0.geojson",
        url=(
            "https://raw.githubusercontent.com/nvkelso/natural-earth-vector/"
            "709ffdf7e55f73a0d81dd1adcb4a1032a38e3730/geojson/ne_50m_admin_0_countries.geojson"
        ),
        # SOURCES.md §4: countries touching lon 85…127, lat -11…30, without the Indian Ocean
        # Territories (-99) and Japan — i.e. exactly the 19 countries we hold Thai names for.
        keep=LayerFilter(bbox=(85.0, -11.0, 127.0, 30.0), codes=frozenset(COUNTRY_NAMES_TH)),
        attribution="Made with Natural Earth (public domain).",
    ),
    ReferenceLayer(
        level="province",
        file_name="th_provinces_adm1.geojson",
        url=f"{_MAPTHAI}/th_adm1.geojson",
        keep=None,
        attribution=_HDX_CREDIT,
    ),
    ReferenceLayer(
        level="district",
        file_name="th_districts_adm2.geojson",
        url=f"{_MAPTHAI}/th_adm2.geojson",
        keep=None,
        attribution=_HDX_CREDIT,
    ),
    ReferenceLayer(
        level="subdistrict",
        file_name="th_subdistricts_adm3.geojson",
        # The upstream tambon file (Sompobch/thailand-geojson-topojson) carries names only; the
        # p-codes were joined offline from an R data file (SOURCES.md §3), so no URL gives codes.
        url=None,
        keep=None,
        attribution=_HDX_CREDIT,
    ),
)


def reference_layer_for_source(source: str) -> ReferenceLayer | None:
    """The registry entry a path or URL stands for (by URL, or by file name), if any."""
    for layer in REFERENCE_LAYERS:
        if source == layer.url or Path(source).name == layer.file_name:
            return layer
    return None


def reference_layer_location(layer: ReferenceLayer, data_dir: Path) -> str | None:
    """The local file when the data directory holds it, else the canonical URL (or None)."""
    path = data_dir / "geo" / layer.file_name
    if path.is_file():
        return str(path)
    return layer.url
