"""Processes, areas, proposals and the permission rules of the budgeting app."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.db.models import QuerySet

from opengov.accounts.models import Organisation, User
from opengov.accounts.selectors import AnyUser, user_is_officer, user_is_platform_admin
from opengov.budgeting.models import (
    Ballot,
    CountRun,
    CountStatus,
    Process,
    ProcessArea,
    Proposal,
    ProposalStatus,
)


def user_can_set_up_for(user: AnyUser, organisation: Organisation) -> bool:
    """Officers (editor/admin) of ``organisation`` and platform admins run its PB processes."""
    return user_is_platform_admin(user) or user_is_officer(user, organisation)


def user_can_manage_process(user: AnyUser, process: Process) -> bool:
    """Set up, review proposals, enter paper ballots, import, count: see ``user_can_set_up_for``."""
    return user_can_set_up_for(user, process.organisation)


def process_list() -> QuerySet[Process]:
    """Every process with its organisation, newest voting first."""
    return Process.objects.select_related("organisation").order_by("-voting_open_at", "pk")


def process_get(*, slug: str) -> Process | None:
    return Process.objects.select_related("organisation").filter(slug=slug).first()


def process_areas(process: Process) -> QuerySet[ProcessArea]:
    return process.areas.order_by("name_th", "pk")


def area_proposals_on_ballot(area: ProcessArea) -> QuerySet[Proposal]:
    """The feasible proposals of ``area`` in declared tie-break order (= ballot order)."""
    return (
        Proposal.objects.filter(area=area, status=ProposalStatus.FEASIBLE)
        .select_related("category")
        .order_by("position", "pk")
    )


def proposals_to_review(process: Process) -> QuerySet[Proposal]:
    """Every proposal of ``process`` for the officers' review list, waiting ones first."""
    return (
        Proposal.objects.filter(area__process=process)
        .exclude(status=ProposalStatus.FEASIBLE, submitted_by__isnull=True)
        .select_related("area", "category", "merged_into")
        .order_by("status", "area__name_th", "position", "pk")
    )


def area_latest_count(area: ProcessArea) -> CountRun | None:
    """The newest official count of ``area`` (any status); the page shows the newest finished
    one. Comparison counts with another rule are left out."""
    return (
        CountRun.objects.filter(area=area, comparison_rule="")
        .order_by("-created_at", "-pk")
        .first()
    )


def area_latest_done_count(area: ProcessArea) -> CountRun | None:
    return (
        CountRun.objects.filter(area=area, status=CountStatus.DONE, comparison_rule="")
        .order_by("-created_at", "-pk")
        .first()
    )


def area_count_history(area: ProcessArea) -> QuerySet[CountRun]:
    """Every count of ``area``, official and comparison, newest first (officers' history)."""
    return (
        CountRun.objects.filter(area=area)
        .select_related("requested_by")
        .order_by("-created_at", "-pk")
    )


def voter_key(user: User, process: Process) -> str:
    """Keyed hash standing for the voter on the ballot (the ballot row has no user reference)."""
    message = f"budgeting-voter:{process.pk}:{user.pk}".encode()
    return "web:" + hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def person_key(process: Process, national_id: str) -> str:
    """Keyed hash of a person's national ID number in ``process``: the same for a web and a paper
    ballot, so one person has one ballot; the number itself is never stored."""
    message = f"budgeting-person:{process.pk}:{national_id}".encode()
    return "id:" + hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def user_ballot(user: AnyUser, process: Process) -> Ballot | None:
    """The signed-in user's own ballot in ``process`` (to show and change it), or None."""
    if not isinstance(user, User):
        return None
    return Ballot.objects.filter(process=process, voter_key=voter_key(user, process)).first()
