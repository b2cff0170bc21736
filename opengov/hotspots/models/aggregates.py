from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyCount(models.Model):
    """Detections per Thai-time day, instrument, satellite, country, province, land-use class and
    confidence (``confident`` = passes the default filter), with their total FRP.

    Rebuilt from :class:`~opengov.hotspots.models.Detection` for every day an ingest touched, so it
    always equals a GROUP BY over the detections (district figures are read from the detections,
    which carry an index on district and day)."""

    day = models.DateField(_("day (Thai time)"))
    instrument = models.CharField(_("instrument"), max_length=8)
    satellite = models.CharField(_("satellite"), max_length=8)
    country_code = models.CharField(_("country"), max_length=3, blank=True)
    province_code = models.CharField(_("province code"), max_length=16, blank=True)
    land_use_class = models.CharField(_("land-use class"), max_length=32)
    confident = models.BooleanField(_("passes the default confidence filter"))
    count = models.PositiveIntegerField(_("detections"))
    frp_sum = models.FloatField(_("total FRP (MW)"))

    class Meta:
        verbose_name = _("daily hotspot count")
        verbose_name_plural = _("daily hotspot counts")
        ordering = ("-day", "country_code", "province_code")
        constraints = [
            models.UniqueConstraint(
                fields=(
                    "day",
                    "instrument",
                    "satellite",
                    "country_code",
                    "province_code",
                    "land_use_class",
                    "confident",
                ),
                name="hotspots_dailycount_unique",
            )
        ]
        indexes = [
            models.Index(fields=["instrument", "day"], name="hotspots_daily_instr_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.satellite} {self.country_code}/{self.province_code}: {self.count}"
