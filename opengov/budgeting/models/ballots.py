"""Who voted (``Voter``) is stored apart from what was voted (``Ballot``).

A ballot carries no user reference: only ``voter_key``, a keyed hash (HMAC with the server secret)
of the voter, so the voter can change the ballot until the deadline while the ballot table alone
cannot tell who cast it. Paper ballots enter twice (``PaperEntry``) by two officers.

``person_key`` is a keyed hash of the voter's Thai national ID number (never the number itself),
the same on the web and on paper, so that one person has one ballot across channels. Paper ballots
always have it; web ballots only when the process asks web voters for the number.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opengov.budgeting.models.process import Process, ProcessArea


class BallotChannel(models.TextChoices):
    WEB = "internet", _("Web")
    PAPER = "paper", _("Paper")
    IMPORT = "import", _("Imported file")


class Voter(models.Model):
    """That a user voted in a process (and the eligibility they declared); never what."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    birth_year = models.PositiveIntegerField(_("year of birth"), null=True, blank=True)
    lives_in_area = models.BooleanField(_("lives in the area"), default=False)
    first_voted_at = models.DateTimeField(auto_now_add=True)
    last_changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voter")
        verbose_name_plural = _("voters")
        constraints = [
            models.UniqueConstraint(fields=("process", "user"), name="budgeting_one_voter")
        ]

    def __str__(self) -> str:
        return f"voter {self.pk} of process {self.process_id}"


class Ballot(models.Model):
    """The contents of one ballot: project codes (ballot order) and, if any, points."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="ballots")
    area = models.ForeignKey(ProcessArea, on_delete=models.CASCADE, related_name="ballots")
    voter_key = models.CharField(max_length=80, editable=False)
    person_key = models.CharField(max_length=80, blank=True, editable=False)
    pb_voter_id = models.CharField(max_length=80, blank=True, editable=False)
    channel = models.CharField(max_length=16, choices=BallotChannel.choices)
    vote = models.JSONField(default=list)
    points = models.JSONField(null=True, blank=True)
    pb_extra = models.JSONField(default=dict, blank=True, editable=False)
    submitted_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ("area", "submitted_at", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("process", "voter_key"), name="budgeting_one_ballot_per_voter"
            ),
            models.UniqueConstraint(
                fields=("process", "person_key"),
                condition=~Q(person_key=""),
                name="budgeting_one_ballot_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"ballot {self.pk} ({self.channel})"


class PaperEntry(models.Model):
    """One officer's typing of one paper ballot sheet; two matching entries make a ballot."""

    area = models.ForeignKey(ProcessArea, on_delete=models.CASCADE, related_name="paper_entries")
    sheet_number = models.CharField(_("sheet number"), max_length=40)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    person_key = models.CharField(max_length=80, blank=True, editable=False)
    vote = models.JSONField(default=list)
    points = models.JSONField(null=True, blank=True)
    entered_at = models.DateTimeField(auto_now_add=True)
    ballot = models.ForeignKey(
        Ballot, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("paper ballot entry")
        verbose_name_plural = _("paper ballot entries")
        constraints = [
            models.UniqueConstraint(
                fields=("area", "sheet_number", "entered_by"), name="budgeting_paper_entry_once"
            )
        ]

    def __str__(self) -> str:
        return f"sheet {self.sheet_number}"
