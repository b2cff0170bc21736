from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "opengov.core"
    label = "core"
    verbose_name = _("Platform core")

    def ready(self) -> None:
        # Registers the system checks and the platform's own periodic jobs.
        from opengov.core import checks, tasks  # noqa: F401
