from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from opengov.core.models import ScheduledRun
from opengov.core.scheduling import ICT, PeriodicJob, latest_slot, periodic, periodic_jobs
from opengov.core.services import scheduled_run_claim_and_enqueue


@task()
def _noop(value: int = 0) -> int:
    return value


def test_latest_slot_reads_cron_in_thai_time():
    # 03:15 ICT daily; at 20:00 UTC on the 1st it is 03:00 ICT on the 2nd -> slot is 03:15 ICT on the 1st.
    now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert latest_slot("15 3 * * *", now) == datetime(2026, 3, 1, 3, 15, tzinfo=ICT)
    # Exactly on the slot, the slot itself is due.
    assert latest_slot("0 * * * *", datetime(2026, 3, 1, 5, 0, 30, tzinfo=UTC)) == datetime(
        2026, 3, 1, 12, 0, tzinfo=ICT
    )


def test_latest_slot_needs_aware_time():
    with pytest.raises(ValueError, match="timezone-aware"):
        latest_slot("0 * * * *", datetime(2026, 3, 1, 5, 0))  # noqa: DTZ001


def test_periodic_rejects_bad_cron():
    with pytest.raises(ValueError, match="invalid cron"):
        periodic("61 * * * *", name="test.bad")


def test_core_housekeeping_job_is_registered():
    names = {job.name: job.cron for job in periodic_jobs()}
    assert names["core.prune_finished_tasks"] == "15 3 * * *"


@pytest.mark.django_db
def test_claim_enqueues_once_per_slot():
    job = PeriodicJob("test.noop", "*/10 * * * *", _noop, {"value": 7})
    now = datetime(2026, 11, 23, 8, 4, tzinfo=UTC)
    first = scheduled_run_claim_and_enqueue(job=job, now=now)
    again = scheduled_run_claim_and_enqueue(job=job, now=datetime(2026, 11, 23, 8, 9, tzinfo=UTC))
    assert first is not None
    assert first.slot == datetime(2026, 11, 23, 15, 0, tzinfo=ICT)
    assert again is None
    queued = DBTaskResult.objects.get()
    assert str(queued.id) == first.task_result_id
    assert queued.args_kwargs == {"args": [], "kwargs": {"value": 7}}
    later = scheduled_run_claim_and_enqueue(job=job, now=datetime(2026, 11, 23, 8, 10, tzinfo=UTC))
    assert later is not None
    assert ScheduledRun.objects.count() == 2
    assert DBTaskResult.objects.count() == 2


@pytest.mark.django_db
def test_scheduler_once_enqueues_registered_jobs(capsys):
    call_command("scheduler", "--once")
    assert "enqueued core.prune_finished_tasks" in capsys.readouterr().out
    call_command("scheduler", "--once")
    assert capsys.readouterr().out == ""
    assert ScheduledRun.objects.filter(job_name="core.prune_finished_tasks").count() == 1


# The worker closes database connections between tasks, which a test wrapped in a transaction
# cannot survive on PostgreSQL; hence a transactional test.
@pytest.mark.django_db(transaction=True)
def test_worker_runs_the_housekeeping_job():
    call_command("scheduler", "--once")
    # Only the default queue: the ingest jobs enqueued by the same tick would try the network.
    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        "default",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )
    result = DBTaskResult.objects.get(task_path="opengov.core.tasks.prune_finished_tasks")
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 0


@pytest.mark.django_db
def test_admin_shows_scheduled_runs_and_task_queue_in_thai(client_as):
    call_command("scheduler", "--once")
    client = client_as("platform_admin")
    index = client.get("/admin/").content.decode()
    assert "คิวงานเบื้องหลัง" in index
    assert "รอบงานตามกำหนดเวลา" in index
    runs = client.get("/admin/core/scheduledrun/")
    assert runs.status_code == 200
    assert "core.prune_finished_tasks" in runs.content.decode()
    assert client.get("/admin/core/scheduledrun/add/").status_code == 403
    tasks = client.get("/admin/django_tasks_database/dbtaskresult/")
    assert tasks.status_code == 200
    assert "พร้อมทำงาน" in tasks.content.decode()
