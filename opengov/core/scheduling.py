"""Registry of periodic jobs and the pure "which slot is due" rule used by the scheduler command.

Apps register their jobs at import time of their ``tasks`` module (imported from ``AppConfig.ready``):

    @periodic("5 * * * *", name="airquality.air4thai_hourly")
    @task(queue_name="ingest")
    def air4thai_fetch_latest() -> int: ...

The scheduler enqueues each job at most once per cron slot; several scheduler processes can run at once
because a slot is claimed with a unique row in the database before the job is enqueued.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from croniter import croniter
from django_tasks.base import Task

ICT = ZoneInfo("Asia/Bangkok")


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    cron: str
    task: Task[Any, Any]
    kwargs: dict[str, Any] = field(default_factory=dict)

    def due_slot(self, now: datetime) -> datetime:
        """The latest cron slot at or before ``now``; cron fields are read in Thai time (ICT)."""
        return latest_slot(self.cron, now)


_REGISTRY: dict[str, PeriodicJob] = {}


def latest_slot(cron: str, now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    local = now.astimezone(ICT)
    itr = croniter(cron, local)
    if croniter.match(cron, local.replace(second=0, microsecond=0)):
        return local.replace(second=0, microsecond=0)
    slot: datetime = itr.get_prev(datetime)
    return slot


def periodic(
    cron: str, *, name: str | None = None, **kwargs: Any
) -> Callable[[Task[Any, Any]], Task[Any, Any]]:
    """Register a django-tasks ``Task`` to be enqueued on a cron schedule (Thai time)."""
    if not croniter.is_valid(cron):
        raise ValueError(f"invalid cron expression: {cron!r}")

    def register(task_obj: Task[Any, Any]) -> Task[Any, Any]:
        job_name = name or task_obj.module_path
        existing = _REGISTRY.get(job_name)
        if existing is not None and existing.task.module_path != task_obj.module_path:
            raise ValueError(f"periodic job name {job_name!r} is registered twice")
        _REGISTRY[job_name] = PeriodicJob(job_name, cron, task_obj, dict(kwargs))
        return task_obj

    return register


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_REGISTRY.values(), key=lambda job: job.name)
