from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AirQualityConfig(AppConfig):
    name = "opengov.airquality"
    label = "airquality"
    verbose_name = _("Air quality")

    def ready(self) -> None:
        # Registers the periodic ingest jobs with the core scheduler.
        from opengov.airquality import tasks  # noqa: F401
