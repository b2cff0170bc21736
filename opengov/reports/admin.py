"""Admin: platform admins edit the routing rules; reports are read here (changed through the
pages and services, so every step keeps its history and notifications)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from opengov.reports.models import AreaRoute, CategoryRoute, Report, ReporterBlock, ReportFlag
from opengov.reports.open311 import admin as open311_admin  # noqa: F401 - registers the key admin


@admin.register(AreaRoute)
class AreaRouteAdmin(admin.ModelAdmin[AreaRoute]):
    list_display = ("area_code", "organisation", "priority")
    list_filter = ("organisation",)
    search_fields = ("area_code", "organisation__name_th", "organisation__name_en")
    autocomplete_fields = ("organisation",)


@admin.register(CategoryRoute)
class CategoryRouteAdmin(admin.ModelAdmin[CategoryRoute]):
    list_display = ("category", "organisation_type")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin[Report]):
    list_display = ("id", "category", "status", "organisation", "submitted_at", "is_hidden")
    list_filter = ("status", "category", "channel", "is_hidden")
    search_fields = ("id", "address", "area_name_th")
    fields = (
        "category",
        "status",
        "channel",
        "lat",
        "lon",
        "address",
        "seen_at",
        "description",
        "area_name_th",
        "organisation",
        "is_hidden",
        "hidden_reason",
        "corroborating_detections",
    )

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ReportFlag)
class ReportFlagAdmin(admin.ModelAdmin[ReportFlag]):
    list_display = ("report", "reason", "created_at", "resolved_at")


@admin.register(ReporterBlock)
class ReporterBlockAdmin(admin.ModelAdmin[ReporterBlock]):
    list_display = ("user", "reason", "created_at")
    raw_id_fields = ("user", "blocked_by")
