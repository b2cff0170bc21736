from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ParseStatus(models.TextChoices):
    PARSED = "parsed", _("Parsed")
    FAILED = "failed", _("Rejected")


class FirmsPayload(models.Model):
    """A FIRMS CSV body exactly as fetched or uploaded, kept for audit and re-parsing.

    Stored once per SHA-256 of the body; the MAP_KEY never appears in ``origin``."""

    product = models.CharField(_("product"), max_length=64, blank=True)
    origin = models.CharField(_("URL or file name"), max_length=1000, blank=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    fetched_at = models.DateTimeField(_("fetched at"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveIntegerField(_("size (bytes)"))
    body = models.BinaryField(_("body"))
    parse_status = models.CharField(_("parse status"), max_length=16, choices=ParseStatus.choices)
    parse_error = models.TextField(_("parse error"), blank=True)
    parsed_at = models.DateTimeField(_("parsed at"), null=True, blank=True)
    file_rows = models.PositiveIntegerField(_("data rows in file"), default=0)

    class Meta:
        verbose_name = _("FIRMS payload")
        verbose_name_plural = _("FIRMS payloads")
        ordering = ("-fetched_at", "-id")

    def __str__(self) -> str:
        return f"{self.product or 'firms'} {self.fetched_at:%Y-%m-%d %H:%M} ({self.sha256[:12]})"
