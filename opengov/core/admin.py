from __future__ import annotations

from django.contrib import admin

from opengov.core.admin_read_only import ReadOnlyAdmin
from opengov.core.models import ScheduledRun


@admin.register(ScheduledRun)
class ScheduledRunAdmin(ReadOnlyAdmin[ScheduledRun]):
    """Read-only history of the scheduler's claimed slots (written only by the scheduler)."""

    list_display = ("job_name", "slot", "enqueued_at", "task_result_id")
    list_filter = ("job_name",)
    date_hierarchy = "slot"
