"""Admin for Open311 API keys: see, rename, limit and deactivate them. New keys come from
``manage.py open311_key_create``, which shows the secret once (the admin never sees it)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from opengov.reports.models import Open311ApiKey


@admin.register(Open311ApiKey)
class Open311ApiKeyAdmin(admin.ModelAdmin[Open311ApiKey]):
    list_display = ("name", "organisation", "key_prefix", "is_active", "hourly_limit", "created_at")
    list_filter = ("is_active",)
    search_fields = ("name", "key_prefix", "organisation__name_th", "organisation__name_en")
    fields = (
        "name",
        "organisation",
        "key_prefix",
        "is_active",
        "hourly_limit",
        "created_at",
        "last_used_at",
    )
    readonly_fields = ("key_prefix", "created_at", "last_used_at")
    autocomplete_fields = ("organisation",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
