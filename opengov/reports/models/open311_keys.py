"""API keys of the Open311 clients allowed to create reports (``POST /open311/v2/requests``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Open311ApiKey(models.Model):
    """A client application's key. Only a SHA-256 of the key is stored (keys are 256-bit random
    tokens, so a fast hash is enough); the key itself is shown once, by ``open311_key_create``."""

    name = models.CharField(_("application name"), max_length=150)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("owner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="open311_keys",
    )
    key_prefix = models.CharField(_("key prefix"), max_length=8, editable=False)
    key_sha256 = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    hourly_limit = models.PositiveIntegerField(
        _("requests per hour"),
        default=100,
        help_text=_("New service requests allowed per hour with this key (0: no limit)."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"
