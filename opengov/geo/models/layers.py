"""Land-use / responsibility zones and risk places, each in a named layer that is either public
(reference data everyone sees and hotspots are tagged with) or an organisation's own."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeatureLayerKind(models.TextChoices):
    LAND_USE = "land_use", _("Land use / responsibility zones")
    RISK_PLACES = "risk_places", _("Risk places")
    BURN_SCARS = "burn_scars", _("Burn scars")


class LayerVisibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    ORGANISATION = "organisation", _("Only the owning organisation")


class LandUseClass(models.TextChoices):
    """GISTDA's six responsibility classes (spec air-quality §6.1) plus "unknown"."""

    CONSERVATION_FOREST = "conservation_forest", _("Conservation forest")
    ALRO = "alro", _("ALRO land-reform area")
    RESERVED_FOREST = "reserved_forest", _("National reserved forest")
    AGRICULTURE = "agriculture", _("Agriculture")
    COMMUNITY_OTHER = "community_other", _("Community and other")
    HIGHWAY_CORRIDOR = "highway_corridor", _("Highway corridor (50 m)")
    UNKNOWN = "unknown", _("Unknown (no land-use layer)")


class RiskPlaceKind(models.TextChoices):
    POWER_PLANT = "power_plant", _("Power plant")
    FACTORY = "factory", _("Factory")
    SUGAR_MILL = "sugar_mill", _("Sugar mill")
    OTHER = "other", _("Other")


class FeatureLayer(models.Model):
    """One loaded file of zones or risk places. ``owner_organisation_id`` is the id of an
    ``accounts.Organisation`` (a shared id, not a foreign key: accounts already depends on geo)."""

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=FeatureLayerKind.choices)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=LayerVisibility.choices,
        default=LayerVisibility.PUBLIC,
    )
    owner_organisation_id = models.PositiveIntegerField(
        _("owning organisation"), null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=500, blank=True)
    sha1 = models.CharField(_("SHA-1 of the file"), max_length=40)
    feature_count = models.PositiveIntegerField(_("features"), default=0)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("spatial layer")
        verbose_name_plural = _("spatial layers")
        ordering = ["kind", "slug"]

    def __str__(self) -> str:
        return f"{self.name_th} ({self.slug})"


class Zone(models.Model):
    """A polygon of one land-use / responsibility class (or a private layer's own class), or a
    burn scar of one year (class ``burn_scar``)."""

    layer = models.ForeignKey(
        FeatureLayer, on_delete=models.CASCADE, related_name="zones", verbose_name=_("layer")
    )
    zone_class = models.CharField(_("class"), max_length=64)
    name = models.CharField(_("name"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year burned"), null=True, blank=True)
    geometry = models.TextField(_("boundary (GeoJSON)"))
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()

    class Meta:
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        ordering = ["layer", "id"]

    def __str__(self) -> str:
        return f"{self.zone_class} {self.name}".strip()


class RiskPlace(models.Model):
    """A place whose smoke or fire matters: power plant, factory, sugar mill."""

    layer = models.ForeignKey(
        FeatureLayer,
        on_delete=models.CASCADE,
        related_name="risk_places",
        verbose_name=_("layer"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RiskPlaceKind.choices)
    external_id = models.CharField(_("identifier in the source"), max_length=64, blank=True)
    name = models.CharField(_("name"), max_length=200)
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    country_code = models.CharField(_("country"), max_length=3, blank=True)
    capacity_mw = models.FloatField(_("capacity (MW)"), null=True, blank=True)
    fuel = models.CharField(_("fuel"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("risk place")
        verbose_name_plural = _("risk places")
        ordering = ["layer", "name"]

    def __str__(self) -> str:
        return self.name
