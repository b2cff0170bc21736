from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PayloadKind(models.TextChoices):
    LATEST = "latest", _("Latest values")
    HISTORY_JSON = "history_json", _("History (JSON)")
    HISTORY_EXPORT = "history_export", _("History export (CSV)")
    HISTORY_PIVOT = "history_pivot", _("History pivot table (CSV)")
    OPENAQ_LOCATIONS = "openaq_locations", _("OpenAQ locations")
    OPENAQ_SENSORS = "openaq_sensors", _("OpenAQ sensors of a location")
    OPENAQ_MEASUREMENTS = "openaq_measurements", _("OpenAQ measurements of a sensor")
    CSV_UPLOAD = "csv_upload", _("CSV upload")


class ParseStatus(models.TextChoices):
    PENDING = "pending", _("Not parsed yet")
    PARSED = "parsed", _("Parsed")
    FAILED = "failed", _("Rejected")


class RawPayload(models.Model):
    """A source response or uploaded file exactly as received, kept for audit and re-parsing.

    Stored once per source and SHA-256 of the body, so a repeated fetch of unchanged content is
    recognised and skipped."""

    source = models.CharField(_("source"), max_length=32)
    kind = models.CharField(_("kind"), max_length=32, choices=PayloadKind.choices)
    origin = models.CharField(_("URL or file name"), max_length=1000, blank=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    fetched_at = models.DateTimeField(_("fetched at"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size (bytes)"))
    body = models.BinaryField(_("body"))
    parse_options = models.JSONField(_("parse options"), default=dict, blank=True)
    parse_status = models.CharField(
        _("parse status"), max_length=16, choices=ParseStatus.choices, default=ParseStatus.PENDING
    )
    parse_error = models.TextField(_("parse error"), blank=True)
    parsed_at = models.DateTimeField(_("parsed at"), null=True, blank=True)
    readings_count = models.PositiveIntegerField(_("readings in payload"), default=0)

    class Meta:
        verbose_name = _("raw payload")
        verbose_name_plural = _("raw payloads")
        ordering = ("-fetched_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=("source", "sha256"), name="airquality_payload_unique_hash"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.fetched_at:%Y-%m-%d %H:%M} ({self.sha256[:12]})"
