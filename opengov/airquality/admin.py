from __future__ import annotations

from django.contrib import admin

from opengov.airquality.models import RawPayload, Reading, Station
from opengov.core.admin_read_only import ReadOnlyAdmin


@admin.register(Station)
class StationAdmin(ReadOnlyAdmin[Station]):
    list_display = (
        "source",
        "source_id",
        "name_th",
        "name_en",
        "kind",
        "province_code",
        "district_code",
        "last_reading_at",
    )
    list_filter = ("source", "kind", "flagged_stale")
    search_fields = ("source_id", "name_th", "name_en", "area_th", "area_en")


@admin.register(Reading)
class ReadingAdmin(ReadOnlyAdmin[Reading]):
    list_display = ("station", "parameter", "averaging", "value", "unit", "observed_at")
    list_filter = ("source", "parameter", "averaging")
    list_select_related = ("station",)
    search_fields = ("station__source_id",)
    date_hierarchy = "observed_at"
    raw_id_fields = ("station", "raw_payload")
    show_full_result_count = False


@admin.register(RawPayload)
class RawPayloadAdmin(ReadOnlyAdmin[RawPayload]):
    list_display = (
        "source",
        "kind",
        "origin",
        "fetched_at",
        "parse_status",
        "readings_count",
        "size",
    )
    list_filter = ("source", "kind", "parse_status")
    exclude = ("body",)
    search_fields = ("origin", "sha256")
