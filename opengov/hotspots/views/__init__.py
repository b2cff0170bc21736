"""Public fire-hotspot pages (server-rendered; the map script only adds the Leaflet map)."""

from __future__ import annotations

from opengov.hotspots.views.attribution_page import upwind_risk
from opengov.hotspots.views.cross_border_page import cross_border
from opengov.hotspots.views.layer_page import layer_hotspots
from opengov.hotspots.views.map_page import hotspot_map
from opengov.hotspots.views.provinces_page import province_list, province_list_csv

__all__ = [
    "cross_border",
    "hotspot_map",
    "layer_hotspots",
    "province_list",
    "province_list_csv",
    "upwind_risk",
]
