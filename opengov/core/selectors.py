"""Read paths of the platform core."""

from __future__ import annotations

from django_tasks import task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def task_queue_status() -> dict[str, object]:
    """Backend name and queue depth; raises if the queue's store cannot be read."""
    backend = task_backends["default"]
    status: dict[str, object] = {"backend": type(backend).__name__}
    if isinstance(backend, DatabaseBackend):
        status["ready"] = DBTaskResult.objects.ready().count()
        status["running"] = DBTaskResult.objects.running().count()
    return status
