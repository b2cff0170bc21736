"""Demo step: the reference geography every other app tags its records with."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from opengov.core.demo import demo_step
from opengov.geo.services import AreaLayerLoadError, feature_layer_load, reference_layers_load


@demo_step(order=10, name="geo: reference layers")
def load_reference_layers(write: Callable[[str], None]) -> None:
    """Countries, provinces, districts and sub-districts from OPENGOV_DATA_DIR (or the canonical
    URLs); files already loaded (same SHA-1) are skipped, so a warm start takes milliseconds.

    A layer that cannot be read (e.g. no network and no data folder) is reported and the platform
    still starts: pages work without boundaries, and lookups answer "none" until a load succeeds.
    """
    try:
        reference_layers_load(write=write)
    except AreaLayerLoadError as error:
        write("WARNING: reference layers not (fully) loaded / โหลดชั้นข้อมูลอ้างอิงไม่ครบ")
        write(error.bilingual())


POWER_PLANTS_FILE = "power_plants_gppd_sea.geojson"


@demo_step(order=11, name="geo: power plants (risk places)")
def load_power_plants(write: Callable[[str], None]) -> None:
    """WRI Global Power Plant Database rows for Thailand and its neighbours as the public
    risk-place layer ``gppd-power-plants`` (hotspots are linked to the nearest one)."""
    path = Path(settings.OPENGOV_DATA_DIR) / "geo" / POWER_PLANTS_FILE
    if not path.is_file():
        write(f"geo: no {POWER_PLANTS_FILE} in {path.parent} — skipped / ไม่พบไฟล์ ข้าม")
        return
    try:
        result = feature_layer_load(
            source=str(path),
            slug="gppd-power-plants",
            kind="risk_places",
            name_th="โรงไฟฟ้า (ฐานข้อมูลโรงไฟฟ้าโลก WRI)",
            name_en="Power plants (WRI Global Power Plant Database)",
        )
    except AreaLayerLoadError as error:
        write(error.bilingual())
        return
    write(result.summary())
