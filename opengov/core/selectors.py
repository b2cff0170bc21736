"""Read paths of the platform core."""

from __future__ import annotations

from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult


def task_queue_status() -> dict[str, object]:
    """Backend name and queue depth; raises if the queue's store cannot be read."""
    backend = type(default_task_backend).__name__
    status: dict[str, object] = {"backend": backend}
    if backend == "DatabaseBackend":
        status["ready"] = DBTaskResult.objects.ready().count()
        status["running"] = DBTaskResult.objects.running().count()
    return status
