"""Compile every .po catalogue of the project into .mo with polib (no GNU gettext needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the project's .po translation catalogues (skips up-to-date .mo files)."

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(settings.BASE_DIR)
        compiled = 0
        for po_path in sorted(root.glob("opengov/*/locale/*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            except (OSError, ValueError) as exc:
                raise CommandError(f"cannot compile {po_path}: {exc}") from exc
            compiled += 1
        if options["verbosity"] > 1 or compiled:
            self.stdout.write(f"compiled {compiled} translation catalogue(s)")
