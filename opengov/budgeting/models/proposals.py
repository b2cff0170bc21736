"""Citizens' proposals; the feasible ones are the projects on the ballot of their area."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from opengov.budgeting.models.process import MONEY, Category, ProcessArea


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for review")
    FEASIBLE = "feasible", _("Feasible: on the ballot")
    REJECTED = "rejected", _("Not feasible")
    MERGED = "merged", _("Merged into a similar proposal")


class Proposal(models.Model):
    """A proposal; ``code`` is its Pabulib ``project_id`` and ``position`` the declared tie order.

    ``cost`` is what the project costs on the ballot (the officers' estimate after review; the
    proposer's own estimate stays in ``proposed_cost``).
    """

    area = models.ForeignKey(
        ProcessArea, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("area")
    )
    code = models.CharField(_("project number"), max_length=64)
    position = models.PositiveIntegerField(_("tie-break order"), default=0)
    title = models.CharField(_("title"), max_length=1000)
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("category")
    )
    proposed_cost = models.DecimalField(
        _("cost estimated by the proposer"),
        validators=[MinValueValidator(Decimal(0))],
        null=True,
        blank=True,
        **MONEY,
    )
    cost = models.DecimalField(
        _("cost"), validators=[MinValueValidator(Decimal(0))], null=True, blank=True, **MONEY
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    review_note = models.TextField(_("reason given by the officers"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    # What an imported `.pb` file said about the project (kept for a faithful export).
    pb_votes = models.IntegerField(null=True, blank=True, editable=False)
    pb_score = models.CharField(max_length=40, blank=True, editable=False)
    pb_selected = models.IntegerField(null=True, blank=True, editable=False)
    pb_categories = models.JSONField(default=list, blank=True, editable=False)
    pb_beneficiaries = models.JSONField(default=list, blank=True, editable=False)
    pb_extra = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ("area", "position", "pk")
        constraints = [
            models.UniqueConstraint(fields=("area", "code"), name="budgeting_proposal_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
