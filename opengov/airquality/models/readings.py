from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from opengov.airquality.sources import records

VALUE_MAX_DIGITS = 12
VALUE_DECIMAL_PLACES = 4


class Parameter(models.TextChoices):
    PM25 = records.PM25, "PM2.5"
    PM10 = records.PM10, "PM10"
    O3 = records.O3, "O₃"
    CO = records.CO, "CO"
    NO2 = records.NO2, "NO₂"
    SO2 = records.SO2, "SO₂"
    WS = records.WS, _("Wind speed")
    WD = records.WD, _("Wind direction")
    TEMP = records.TEMP, _("Temperature")
    RH = records.RH, _("Relative humidity")
    RAIN = records.RAIN, _("Rainfall")
    PRES = records.PRES, _("Air pressure")


class Averaging(models.TextChoices):
    HOUR_1 = records.HOUR_1, _("1-hour value")
    HOURS_24_ROLLING = records.HOURS_24_ROLLING, _("24-hour rolling mean")
    HOURS_8_ROLLING = records.HOURS_8_ROLLING, _("8-hour rolling mean")
    NOWCAST = records.NOWCAST, _("NowCast")


class Reading(models.Model):
    """One value of one parameter at one station over one averaging period.

    ``observed_at`` is the **end** of the averaging period, stored in UTC (Air4Thai labels hours by
    their end in Thai time: ``17:00`` ICT = the hour 16:00–17:00 ICT = ``10:00`` UTC).

    ``value`` is a Decimal, not a float: sources publish decimal text (``"14.3"``, ``"0.50"``), and a
    Decimal keeps it exactly, so re-ingesting compares equal (idempotency) and AQI rounding at the
    ``.5`` boundaries of the breakpoint tables is exact.
    """

    station = models.ForeignKey(
        "airquality.Station",
        verbose_name=_("station"),
        on_delete=models.CASCADE,
        related_name="readings",
    )
    source = models.CharField(_("source"), max_length=32)
    parameter = models.CharField(_("parameter"), max_length=8, choices=Parameter.choices)
    averaging = models.CharField(_("averaging"), max_length=8, choices=Averaging.choices)
    value = models.DecimalField(
        _("value"), max_digits=VALUE_MAX_DIGITS, decimal_places=VALUE_DECIMAL_PLACES
    )
    unit = models.CharField(_("unit"), max_length=16)
    observed_at = models.DateTimeField(_("end of the averaging period"))
    fetched_at = models.DateTimeField(_("fetched at"))
    raw_payload = models.ForeignKey(
        "airquality.RawPayload",
        verbose_name=_("raw payload"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="readings",
    )

    class Meta:
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        ordering = ("-observed_at", "station_id", "parameter")
        constraints = [
            models.UniqueConstraint(
                fields=("station", "parameter", "averaging", "observed_at"),
                name="airquality_reading_unique_period",
            )
        ]
        indexes = [
            models.Index(
                fields=("station", "parameter", "observed_at"),
                name="airquality_reading_series",
            ),
            models.Index(fields=("parameter", "observed_at"), name="airquality_reading_time"),
        ]

    def __str__(self) -> str:
        return f"{self.station_id} {self.parameter} {self.averaging} {self.observed_at:%Y-%m-%d %H:%M}Z = {self.value} {self.unit}"
