from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HotspotsConfig(AppConfig):
    name = "opengov.hotspots"
    label = "hotspots"
    verbose_name = _("Fire hotspots")

    def ready(self) -> None:
        # Registers the periodic FIRMS ingest job with the core scheduler.
        from opengov.hotspots import tasks  # noqa: F401
