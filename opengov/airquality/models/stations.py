from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from opengov.airquality.sources import records


class StationKind(models.TextChoices):
    REFERENCE = records.REFERENCE, _("Reference monitor")
    LOW_COST = records.LOW_COST, _("Low-cost sensor")
    MOBILE = records.MOBILE, _("Mobile unit")


class Station(models.Model):
    """A monitoring station of one source. Names and area texts are stored as the source sends
    them (stray spaces included); use the ``*_display`` properties to show them. Province and
    district codes come from the geo index at ingest, never from the area text."""

    source = models.CharField(_("source"), max_length=32)
    source_id = models.CharField(_("ID at the source"), max_length=64)
    name_th = models.CharField(_("name (Thai)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    area_th = models.CharField(_("area (Thai)"), max_length=300, blank=True)
    area_en = models.CharField(_("area (English)"), max_length=300, blank=True)
    station_type = models.CharField(_("type at the source"), max_length=32, blank=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=StationKind.choices, default=StationKind.REFERENCE
    )
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    province_code = models.CharField(_("province code"), max_length=16, blank=True)
    district_code = models.CharField(_("district code"), max_length=16, blank=True)
    owner = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="air_quality_stations",
    )
    parameters = models.JSONField(_("parameters measured"), default=list, blank=True)
    flagged_stale = models.BooleanField(_("marked stale by the source"), default=False)
    first_reading_at = models.DateTimeField(_("first reading at"), null=True, blank=True)
    last_reading_at = models.DateTimeField(_("last reading at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("station")
        verbose_name_plural = _("stations")
        ordering = ("source", "source_id")
        constraints = [
            models.UniqueConstraint(
                fields=("source", "source_id"), name="airquality_station_unique_source_id"
            )
        ]
        indexes = [models.Index(fields=("province_code",), name="airquality_station_province")]

    def __str__(self) -> str:
        return f"{self.source}:{self.source_id} {self.name_display}"

    @property
    def name_display(self) -> str:
        return (self.name_th or self.name_en).strip()

    @property
    def name_th_display(self) -> str:
        return self.name_th.strip()

    @property
    def name_en_display(self) -> str:
        return self.name_en.strip()

    @property
    def area_th_display(self) -> str:
        return self.area_th.strip()

    @property
    def area_en_display(self) -> str:
        # One Air4Thai areaEN starts with a stray Thai PHINTHU (U+0E3A): not part of the name.
        return self.area_en.strip().lstrip("\u0e3a").strip()
