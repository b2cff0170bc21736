"""Demo step: the reference geography every other app tags its records with."""

from __future__ import annotations

from collections.abc import Callable

from opengov.core.demo import demo_step
from opengov.geo.services import AreaLayerLoadError, reference_layers_load


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
