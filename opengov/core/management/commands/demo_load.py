"""Load reference and demo data from every app (idempotent: a second run changes nothing)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from opengov.core.demo import demo_steps


class Command(BaseCommand):
    help = "Load the real reference data and demo content of every app (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, step in demo_steps():
            self.stdout.write(f"== {name}")
            step(self.stdout.write)
