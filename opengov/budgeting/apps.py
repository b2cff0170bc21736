from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetingConfig(AppConfig):
    name = "opengov.budgeting"
    label = "budgeting"
    verbose_name = _("Participatory budgeting")

    def ready(self) -> None:
        # Registers the periodic "count closed votes" job with the core scheduler.
        from opengov.budgeting import tasks  # noqa: F401
