"""Write paths of the platform core."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction

from opengov.core.models import ScheduledRun
from opengov.core.scheduling import PeriodicJob


def scheduled_run_claim_and_enqueue(*, job: PeriodicJob, now: datetime) -> ScheduledRun | None:
    """Enqueue ``job`` for its latest due slot unless that slot was already claimed.

    Returns the new claim, or None when another scheduler (or an earlier tick) already has it.
    With the database task backend the claim and the queued task are written in one transaction, so
    a failed enqueue leaves the slot unclaimed for the next tick.
    """
    slot = job.due_slot(now)
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job_name=job.name, slot=slot)
            result = job.task.enqueue(**job.kwargs)
            run.task_result_id = str(result.id)
            run.save(update_fields=["task_result_id"])
    except IntegrityError:
        return None
    return run
