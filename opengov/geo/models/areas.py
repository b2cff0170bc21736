"""Reference areas (countries, provinces, districts, sub-districts) and the record of each layer load."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaLevel(models.TextChoices):
    COUNTRY = "country", _("Country")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    SUBDISTRICT = "subdistrict", _("Sub-district")


class Area(models.Model):
    """One administrative area with its official code and its boundary as GeoJSON (WGS84).

    Codes: ISO 3166-1 alpha-3 for countries (``THA``), DOPA codes for Thai areas (province ``50``,
    district ``5001``, sub-district ``500101``).
    """

    level = models.CharField(_("level"), max_length=16, choices=AreaLevel.choices)
    code = models.CharField(_("code"), max_length=16)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    iso_code = models.CharField(_("ISO code"), max_length=16, blank=True)
    geometry = models.TextField(_("boundary (GeoJSON)"))
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()
    source = models.CharField(_("source"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["level", "code"]
        constraints = [
            models.UniqueConstraint(fields=["level", "code"], name="geo_area_unique_level_code")
        ]
        indexes = [models.Index(fields=["level", "parent"], name="geo_area_level_parent")]

    def __str__(self) -> str:
        return f"{self.name_th} ({self.code})"


class LayerLoad(models.Model):
    """Provenance of one successful ``geo_load`` of a file or URL."""

    level = models.CharField(_("level"), max_length=16, choices=AreaLevel.choices)
    source = models.CharField(_("source"), max_length=500)
    sha1 = models.CharField(_("SHA-1 of the file"), max_length=40)
    feature_count = models.PositiveIntegerField(_("features"))
    created = models.PositiveIntegerField(_("created"))
    updated = models.PositiveIntegerField(_("updated"))
    unchanged = models.PositiveIntegerField(_("unchanged"))
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("layer load")
        verbose_name_plural = _("layer loads")
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"{self.level} {self.source}"
