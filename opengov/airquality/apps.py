from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AirQualityConfig(AppConfig):
    name = "opengov.airquality"
    label = "airquality"
    verbose_name = _("Air quality")
