"""Background counting (django-tasks) and the job that counts areas whose voting has closed.

Phases switch by themselves (``Process.phase_at`` reads the dates); this job only makes sure that
every area of a process in the counting phase gets counted without an officer pressing a button.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from opengov.budgeting.models import CountRun, Process
from opengov.budgeting.services import count_execute, count_queue
from opengov.core.scheduling import periodic


@task()
def area_count(run_id: int) -> list[str]:
    """Count one queued ``CountRun``; returns the winners' project ids."""
    return list(count_execute(run_id=run_id).winners)


@periodic("*/10 * * * *", name="budgeting.count_closed_votes")
@task()
def count_closed_votes() -> int:
    """Queue a count for every area whose vote closed and that has no count yet."""
    now = timezone.now()
    queued = 0
    for process in Process.objects.filter(voting_close_at__lte=now, results_at__gt=now):
        for area in process.areas.all():
            if not CountRun.objects.filter(area=area, comparison_rule="").exists():
                count_queue(area=area)
                queued += 1
    return queued
