from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from opengov.airquality.models import RawPayload, Reading, Station


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Rows come only from ingest; the admin shows them and never edits them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Station)
class StationAdmin(ReadOnlyAdmin):
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
class ReadingAdmin(ReadOnlyAdmin):
    list_display = ("station", "parameter", "averaging", "value", "unit", "observed_at")
    list_filter = ("source", "parameter", "averaging")
    list_select_related = ("station",)
    search_fields = ("station__source_id",)
    date_hierarchy = "observed_at"
    raw_id_fields = ("station", "raw_payload")
    show_full_result_count = False


@admin.register(RawPayload)
class RawPayloadAdmin(ReadOnlyAdmin):
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
