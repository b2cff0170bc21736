"""Infrastructure records only (no domain models live in core)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """One claimed cron slot of a periodic job; the unique pair stops two schedulers enqueuing twice."""

    job_name = models.CharField(_("job"), max_length=200)
    slot = models.DateTimeField(_("scheduled slot"))
    enqueued_at = models.DateTimeField(_("enqueued at"), auto_now_add=True)
    task_result_id = models.CharField(_("task result id"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        ordering = ["-slot"]
        constraints = [
            models.UniqueConstraint(
                fields=["job_name", "slot"], name="core_scheduledrun_unique_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.job_name} @ {self.slot.isoformat()}"
