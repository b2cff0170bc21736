"""Air-quality pages (server-rendered; the map script only adds the Leaflet map)."""

from __future__ import annotations

from opengov.airquality.views.pages import province_detail, station_detail, station_map

__all__ = ["province_detail", "station_detail", "station_map"]
