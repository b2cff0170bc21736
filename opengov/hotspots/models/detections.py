from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from opengov.hotspots.models.payloads import FirmsPayload


class Instrument(models.TextChoices):
    VIIRS = "VIIRS", "VIIRS"
    MODIS = "MODIS", "MODIS"


class ConfidenceClass(models.TextChoices):
    LOW = "l", _("low")
    NOMINAL = "n", _("nominal")
    HIGH = "h", _("high")


class Detection(models.Model):
    """One satellite active-fire detection (NASA FIRMS), one row per instrument, satellite, time
    and pixel centre whichever files it came in (24 h, 48 h, 7 d, area API, archive).

    Never mix instruments in one count series: VIIRS sees about ten times more than MODIS."""

    instrument = models.CharField(_("instrument"), max_length=8, choices=Instrument.choices)
    satellite = models.CharField(_("satellite"), max_length=8)  # SNPP NOAA20 NOAA21 Terra Aqua
    product = models.CharField(_("product"), max_length=64, blank=True)
    acquired_at = models.DateTimeField(_("acquired at (UTC)"))
    lat = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    lon = models.DecimalField(_("longitude"), max_digits=9, decimal_places=5)
    bright_ti4 = models.FloatField(_("I-4 brightness temperature (K)"), null=True, blank=True)
    bright_ti5 = models.FloatField(_("I-5 brightness temperature (K)"), null=True, blank=True)
    brightness = models.FloatField(_("channel 21/22 brightness (K)"), null=True, blank=True)
    bright_t31 = models.FloatField(_("channel 31 brightness (K)"), null=True, blank=True)
    scan = models.FloatField(_("scan pixel size (km)"), null=True, blank=True)
    track = models.FloatField(_("track pixel size (km)"), null=True, blank=True)
    frp = models.FloatField(_("fire radiative power (MW)"), null=True, blank=True)
    confidence_raw = models.CharField(_("confidence as given"), max_length=16)
    confidence_class = models.CharField(
        _("confidence class"), max_length=1, choices=ConfidenceClass.choices
    )
    confidence_pct = models.PositiveSmallIntegerField(
        _("confidence 0–100 (MODIS)"), null=True, blank=True
    )
    daynight = models.CharField(_("day or night"), max_length=1)
    version = models.CharField(_("version"), max_length=16, blank=True)
    fire_type = models.PositiveSmallIntegerField(_("type (archive)"), null=True, blank=True)
    country_code = models.CharField(_("country (ISO 3166-1 alpha-3)"), max_length=3, blank=True)
    province_code = models.CharField(_("province code"), max_length=16, blank=True)
    district_code = models.CharField(_("district code"), max_length=16, blank=True)
    land_use_class = models.CharField(
        _("land-use / responsibility class"), max_length=32, default="unknown"
    )
    risk_place = models.ForeignKey(
        "geo.RiskPlace",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nearest risk place"),
    )
    risk_place_km = models.FloatField(_("distance to the risk place (km)"), null=True, blank=True)
    acquired_day = models.DateField(_("day of acquisition (Thai time)"))
    confident = models.BooleanField(
        _("passes the default confidence filter"),
        help_text=_("VIIRS nominal or high; MODIS 30 or more; archive type 0 when given"),
    )
    raw_payload = models.ForeignKey(
        FirmsPayload,
        on_delete=models.PROTECT,
        related_name="detections",
        verbose_name=_("raw payload"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("fire detection")
        verbose_name_plural = _("fire detections")
        ordering = ("-acquired_at", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("instrument", "satellite", "acquired_at", "lat", "lon"),
                name="hotspots_detection_unique_pixel_time",
            )
        ]
        indexes = [
            models.Index(fields=["acquired_at"], name="hotspots_det_acquired"),
            models.Index(fields=["province_code", "acquired_at"], name="hotspots_det_prov_time"),
            models.Index(fields=["country_code", "acquired_at"], name="hotspots_det_country_time"),
            models.Index(
                fields=["district_code", "acquired_day"], name="hotspots_det_district_day"
            ),
            models.Index(fields=["acquired_day", "instrument"], name="hotspots_det_day_instrument"),
        ]

    def __str__(self) -> str:
        return f"{self.satellite} {self.acquired_at:%Y-%m-%d %H:%M} ({self.lat}, {self.lon})"
