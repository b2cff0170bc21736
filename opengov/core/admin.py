from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from opengov.core.models import ScheduledRun


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin[ScheduledRun]):
    """Read-only history of the scheduler's claimed slots (written only by the scheduler)."""

    list_display = ("job_name", "slot", "enqueued_at", "task_result_id")
    list_filter = ("job_name",)
    date_hierarchy = "slot"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ScheduledRun | None = None) -> bool:
        return False
