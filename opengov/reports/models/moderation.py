"""Moderation: flags raised on reports, and accounts blocked from reporting."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opengov.reports.models.reports import Report


class ReportFlag(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="flags")
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report flag")
        verbose_name_plural = _("report flags")
        ordering = ("-created_at",)
        constraints = [
            models.UniqueConstraint(fields=["report", "flagged_by"], name="reports_flag_once")
        ]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.reason}"


class ReporterBlock(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_block"
    )
    reason = models.CharField(_("reason"), max_length=300)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("blocked reporter")
        verbose_name_plural = _("blocked reporters")

    def __str__(self) -> str:
        return str(self.user_id)
