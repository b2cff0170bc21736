from __future__ import annotations

from django.contrib import admin

from opengov.core.admin_read_only import ReadOnlyAdmin
from opengov.hotspots.models import Detection, FirmsPayload


@admin.register(Detection)
class DetectionAdmin(ReadOnlyAdmin[Detection]):
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
class FirmsPayloadAdmin(ReadOnlyAdmin[FirmsPayload]):
    list_display = ("product", "origin", "fetched_at", "parse_status", "file_rows", "size")
    list_filter = ("parse_status", "product")
    exclude = ("body",)
