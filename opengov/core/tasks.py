"""Housekeeping jobs of the platform itself."""

from __future__ import annotations

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from opengov.core.models import ScheduledRun
from opengov.core.scheduling import periodic

TASK_RESULT_RETENTION_DAYS = 30


@periodic("15 3 * * *", name="core.prune_finished_tasks")
@task()
def prune_finished_tasks() -> int:
    """Delete finished task results and scheduler claims older than the retention period."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=TASK_RESULT_RETENTION_DAYS,
        verbosity=0,
    )
    cutoff = timezone.now() - timedelta(days=TASK_RESULT_RETENTION_DAYS)
    deleted, _ = ScheduledRun.objects.filter(slot__lt=cutoff).delete()
    return deleted
