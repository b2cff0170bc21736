from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "opengov.reports"
    label = "reports"
    verbose_name = _("Citizen reports")

    def ready(self) -> None:
        # Registers the periodic corroboration job and the e-mail notifier (and the LINE
        # channel's notifier and tasks).
        from opengov.reports import tasks  # noqa: F401
        from opengov.reports.line import notify as line_notify  # noqa: F401
        from opengov.reports.services import notify  # noqa: F401
