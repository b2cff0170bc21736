"""Enqueue registered periodic jobs when their cron slot (Thai time) comes due.

Run one or several next to the task workers: ``python manage.py scheduler``. A slot is claimed in the
database before its job is enqueued, so extra schedulers never enqueue a job twice.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from opengov.core.scheduling import periodic_jobs
from opengov.core.services import scheduled_run_claim_and_enqueue


class Command(BaseCommand):
    help = "Enqueue periodic jobs on their cron schedule (Thai time)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=20.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="check once, then exit")
        parser.add_argument("--list", action="store_true", help="list the registered jobs and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        jobs = periodic_jobs()
        if options["list"]:
            for job in jobs:
                self.stdout.write(f"{job.name}\t{job.cron}\t{job.task.module_path}")
            return
        stop = threading.Event()

        def request_stop(signum: int, frame: FrameType | None) -> None:
            stop.set()

        if not options["once"]:
            signal.signal(signal.SIGINT, request_stop)
            signal.signal(signal.SIGTERM, request_stop)
            self.stdout.write(f"scheduler: {len(jobs)} periodic job(s); Ctrl-C to stop")
        while True:
            now = timezone.now()
            for job in jobs:
                run = scheduled_run_claim_and_enqueue(job=job, now=now)
                if run is not None:
                    self.stdout.write(f"enqueued {job.name} for {run.slot.isoformat()}")
            if options["once"] or stop.wait(options["interval"]):
                break
        if not options["once"]:
            self.stdout.write("scheduler: stopped")
