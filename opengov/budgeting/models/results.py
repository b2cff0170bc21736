"""A stored count of one area: the page reads it instead of counting again."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opengov.budgeting.models.process import MONEY, ProcessArea


class CountStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be counted")
    RUNNING = "running", _("Counting")
    DONE = "done", _("Counted")
    FAILED = "failed", _("Could not be counted")


class CountRun(models.Model):
    """One count of an area's ballots; ``input_digest`` (SHA-256 of the exported election) lets a
    finished count be reused while ballots and projects are unchanged.

    ``comparison_rule`` is empty for the official count (the process's declared rule, the one the
    public results page shows); an officer's re-count with another rule, kept for comparison only,
    names that rule.
    """

    area = models.ForeignKey(ProcessArea, on_delete=models.CASCADE, related_name="counts")
    status = models.CharField(max_length=16, choices=CountStatus.choices, default="queued")
    progress = models.PositiveSmallIntegerField(default=0)
    input_digest = models.CharField(max_length=64, blank=True)
    rule = models.CharField(max_length=40, blank=True)
    comparison_rule = models.CharField(max_length=40, blank=True)
    ballots_count = models.PositiveIntegerField(default=0)
    budget = models.DecimalField(null=True, blank=True, **MONEY)
    total_cost = models.DecimalField(null=True, blank=True, **MONEY)
    winners = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("count")
        verbose_name_plural = _("counts")
        ordering = ("area", "-created_at", "-pk")

    def __str__(self) -> str:
        return f"count {self.pk} ({self.status})"
