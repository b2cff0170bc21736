"""A PB process (one organisation, one total budget, phases with dates) and its areas."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from itertools import pairwise
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from opengov.budgeting.counting import SUPPORTED_RULES

MONEY: dict[str, Any] = {"max_digits": 16, "decimal_places": 2}


class Phase(models.TextChoices):
    INFORMATION = "information", _("Information")
    PROPOSALS = "proposals", _("Proposal submission")
    REVIEW = "review", _("Review by officers")
    VOTING = "voting", _("Voting")
    COUNTING = "counting", _("Counting")
    RESULTS = "results", _("Results")
    IMPLEMENTATION = "implementation", _("Implementation follow-up")


class BallotStyle(models.TextChoices):
    APPROVAL = "approval", _("Approval: choose between a minimum and a maximum number of projects")
    KNAPSACK = "knapsack", _("Knapsack: choose projects whose total cost fits the budget")
    CUMULATIVE = "cumulative", _("Cumulative: share out points among projects")
    RANKED = "ranked", _("Ranked: order your favourite projects")
    CHOOSE_ONE = "choose-1", _("Choose one project")


class VerificationLevel(models.TextChoices):
    ACCOUNT = "account", _("Signed-in account")
    PHONE = "phone", _("Account with a phone number")


class Process(models.Model):
    """One PB process of one organisation; the phase follows from the dates (``phase_at``)."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="budgeting_processes",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    title_th = models.CharField(_("title (Thai)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    total_budget = models.DecimalField(
        _("total budget (baht)"), validators=[MinValueValidator(Decimal(0))], **MONEY
    )
    currency = models.CharField(_("currency"), max_length=3, default="THB")
    ballot_style = models.CharField(
        _("ballot style"), max_length=16, choices=BallotStyle.choices, default=BallotStyle.APPROVAL
    )
    min_projects = models.PositiveIntegerField(_("minimum projects on a ballot"), default=1)
    max_projects = models.PositiveIntegerField(
        _("maximum projects on a ballot"), null=True, blank=True
    )
    max_total_points = models.PositiveIntegerField(
        _("points each voter shares out (cumulative)"), null=True, blank=True
    )
    max_points_per_project = models.PositiveIntegerField(
        _("most points for one project (cumulative)"), null=True, blank=True
    )
    rank_points = models.CharField(
        _("points per rank (ranked), e.g. 3,2,1"), max_length=60, blank=True
    )
    rule = models.CharField(
        _("counting rule"),
        max_length=40,
        choices=[(name, name) for name in SUPPORTED_RULES],
        default="greedy",
    )
    min_score_threshold = models.PositiveIntegerField(
        _("minimum votes for a project to be funded"), null=True, blank=True
    )
    proposals_open_at = models.DateTimeField(_("proposals open"))
    review_open_at = models.DateTimeField(_("review by officers starts"))
    voting_open_at = models.DateTimeField(_("voting opens"))
    voting_close_at = models.DateTimeField(_("voting closes"))
    results_at = models.DateTimeField(_("results published"))
    implementation_at = models.DateTimeField(_("implementation starts"), null=True, blank=True)
    min_age = models.PositiveIntegerField(_("minimum age of voters"), default=0)
    residence_area_name = models.CharField(_("voters must live in"), max_length=200, blank=True)
    verification_level = models.CharField(
        _("verification needed to vote"),
        max_length=16,
        choices=VerificationLevel.choices,
        default=VerificationLevel.ACCOUNT,
    )
    national_id_required = models.BooleanField(
        _("web voters give their Thai national ID number"),
        default=False,
        help_text=_(
            "Paper ballots always carry the voter's national ID number. Asking web voters for it "
            "too makes sure that each person votes once, on the web or on paper."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("PB process")
        verbose_name_plural = _("PB processes")
        ordering = ("-voting_open_at", "pk")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" and self.title_en else self.title_th

    def clean(self) -> None:
        dates = [
            ("proposals_open_at", self.proposals_open_at),
            ("review_open_at", self.review_open_at),
            ("voting_open_at", self.voting_open_at),
            ("voting_close_at", self.voting_close_at),
            ("results_at", self.results_at),
        ]
        for (_earlier, first), (later, second) in pairwise(dates):
            if first and second and second < first:
                raise ValidationError(
                    {later: _("The phases must follow each other: this date is too early.")}
                )
        if self.max_projects is not None and self.max_projects < self.min_projects:
            raise ValidationError({"max_projects": _("The maximum must not be below the minimum.")})
        if self.ballot_style == BallotStyle.CUMULATIVE and not self.max_total_points:
            raise ValidationError(
                {"max_total_points": _("A cumulative ballot needs the number of points.")}
            )
        if self.ballot_style == BallotStyle.RANKED and not self.rank_points_list():
            raise ValidationError(
                {"rank_points": _("Give the points per rank as whole numbers, e.g. 3,2,1.")}
            )

    def rank_points_list(self) -> list[int]:
        """Points for rank 1, 2, … (ranked ballots); empty when not set or not numbers."""
        parts = [part.strip() for part in self.rank_points.split(",") if part.strip()]
        if not parts or not all(part.isdigit() for part in parts):
            return []
        return [int(part) for part in parts]

    @property
    def currency_label(self) -> str:
        """How amounts are named on pages: "baht" (บาท) for THB, else the ISO 4217 code."""
        return str(_("baht")) if self.currency == "THB" else self.currency

    def phase_at(self, now: datetime) -> Phase:
        """The phase at ``now``: phases switch by themselves when their dates pass."""
        if now < self.proposals_open_at:
            return Phase.INFORMATION
        if now < self.review_open_at:
            return Phase.PROPOSALS
        if now < self.voting_open_at:
            return Phase.REVIEW
        if now < self.voting_close_at:
            return Phase.VOTING
        if now < self.results_at:
            return Phase.COUNTING
        if self.implementation_at is None or now < self.implementation_at:
            return Phase.RESULTS
        return Phase.IMPLEMENTATION


class ProcessArea(models.Model):
    """A heading of a process with its own budget; voters vote in one area of a process.

    The ``pb_*`` fields keep what an imported `.pb` file declared (META, column order) so that an
    export gives back the same election.
    """

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="areas", verbose_name=_("process")
    )
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    budget = models.DecimalField(_("budget"), validators=[MinValueValidator(Decimal(0))], **MONEY)
    latitude = models.FloatField(_("map centre latitude"), null=True, blank=True)
    longitude = models.FloatField(_("map centre longitude"), null=True, blank=True)
    pb_meta = models.JSONField(default=dict, blank=True, editable=False)
    # PostgreSQL's jsonb does not keep key order: the file's META order is kept here.
    pb_meta_order = models.JSONField(default=list, blank=True, editable=False)
    pb_project_columns = models.JSONField(default=list, blank=True, editable=False)
    pb_vote_columns = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("area (heading)")
        verbose_name_plural = _("areas (headings)")
        ordering = ("process", "name_th", "pk")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" and self.name_en else self.name_th

    @property
    def is_imported(self) -> bool:
        return bool(self.pb_meta)


class Category(models.Model):
    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="categories", verbose_name=_("process")
    )
    name_th = models.CharField(_("name (Thai)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ("name_th", "pk")

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" and self.name_en else self.name_th
