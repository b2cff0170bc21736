from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from opengov.hotspots.models import Detection, FirmsPayload


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Rows come only from ingest; the admin shows them and never edits them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Detection)
class DetectionAdmin(ReadOnlyAdmin):
    list_display = (
        "acquired_at",
        "instrument",
        "satellite",
        "lat",
        "lon",
        "frp",
        "confidence_class",
        "country_code",
        "province_code",
    )
    list_filter = ("instrument", "satellite", "confidence_class", "daynight", "country_code")
    search_fields = ("province_code", "district_code")
    date_hierarchy = "acquired_at"
    raw_id_fields = ("raw_payload",)
    show_full_result_count = False


@admin.register(FirmsPayload)
class FirmsPayloadAdmin(ReadOnlyAdmin):
    list_display = ("product", "origin", "fetched_at", "parse_status", "file_rows", "size")
    list_filter = ("parse_status", "product")
    exclude = ("body",)
