"""Admin for reference areas and layer loads: read-only, since boundaries come only from files."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from opengov.core.admin_read_only import ReadOnlyAdmin
from opengov.geo.models import Area, LayerLoad


@admin.register(Area)
class AreaAdmin(ReadOnlyAdmin[Area]):
    list_display = ("code", "name_th", "name_en", "level", "parent_code", "iso_code")
    list_filter = ("level",)
    search_fields = ("code", "name_th", "name_en", "iso_code")
    ordering = ("level", "code")
    list_per_page = 100
    fields = (
        "level",
        "code",
        "name_th",
        "name_en",
        "iso_code",
        "parent",
        ("min_lon", "min_lat", "max_lon", "max_lat"),
        "source",
        "geometry_size",
    )
    # Everything shown is read-only: the same names as ``fields``, with the bbox row flattened.
    readonly_fields = tuple(
        name for entry in fields for name in (entry if isinstance(entry, tuple) else (entry,))
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Area]:
        # The boundary text runs to megabytes per page; the list never shows it.
        return super().get_queryset(request).select_related("parent").defer("parent__geometry")

    @admin.display(description=_("parent code"), ordering="parent__code")
    def parent_code(self, area: Area) -> str:
        return area.parent.code if area.parent else ""

    @admin.display(description=_("boundary size (characters of GeoJSON)"))
    def geometry_size(self, area: Area) -> int:
        return len(area.geometry)


@admin.register(LayerLoad)
class LayerLoadAdmin(ReadOnlyAdmin[LayerLoad]):
    list_display = (
        "loaded_at",
        "level",
        "source",
        "feature_count",
        "created",
        "updated",
        "unchanged",
        "sha1",
    )
    list_filter = ("level",)
    search_fields = ("source", "sha1")
    readonly_fields = (
        "level",
        "source",
        "sha1",
        "feature_count",
        "created",
        "updated",
        "unchanged",
        "loaded_at",
    )
