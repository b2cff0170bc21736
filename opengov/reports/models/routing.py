"""Routing rules, edited by platform admins in the admin: area → organisation, and category →
the type of organisation that handles it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from opengov.accounts.models import OrganisationType
from opengov.reports.models.reports import Category


class AreaRoute(models.Model):
    """Reports in this province or district go to ``organisation`` (the district rule wins)."""

    area_code = models.CharField(
        _("province or district code"),
        max_length=16,
        help_text=_("DOPA code: 2 digits for a province (50 = Chiang Mai), 4 for a district."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="report_routes",
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Lower first when several rules match.")
    )

    class Meta:
        verbose_name = _("area routing rule")
        verbose_name_plural = _("area routing rules")
        ordering = ("area_code", "priority", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["area_code", "organisation"], name="reports_area_route_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area_code} → {self.organisation}"


class CategoryRoute(models.Model):
    """Among the organisations of the area, reports of ``category`` prefer this type."""

    category = models.CharField(_("category"), max_length=32, choices=Category.choices, unique=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices
    )

    class Meta:
        verbose_name = _("category routing rule")
        verbose_name_plural = _("category routing rules")
        ordering = ("category",)

    def __str__(self) -> str:
        return f"{self.category} → {self.organisation_type}"
