"""Signed-in citizens: submit a proposal, cast or change a ballot."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opengov.accounts.access import signed_in_user
from opengov.budgeting.selectors import area_proposals_on_ballot, user_ballot
from opengov.budgeting.services import ballot_cast, proposal_submit
from opengov.budgeting.views.common import area_or_404, process_or_404
from opengov.budgeting.views.forms import (
    BallotForm,
    ProposalForm,
    add_service_errors,
    ballot_initial,
)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_new(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_or_404(slug)
    form = ProposalForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal_submit(
                user=signed_in_user(request),
                area=data["area"],
                title=data["title"],
                description=data["description"],
                proposed_cost=data["proposed_cost"],
                category=data["category"],
                latitude=data["latitude"],
                longitude=data["longitude"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: your proposal was sent for review."))
            return redirect("budgeting:process", slug=process.slug)
    return render(
        request,
        "budgeting/form_page.html",
        {"process": process, "form": form, "title": _("Propose a project")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def ballot_vote(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    process = process_or_404(slug)
    area = area_or_404(process, area_id)
    user = signed_in_user(request)
    projects = list(area_proposals_on_ballot(area))
    mine = user_ballot(user, process)
    initial = ballot_initial(
        process, mine if mine is not None and mine.area_id == area.pk else None
    )
    form = BallotForm(request.POST or None, area=area, projects=projects, initial=initial)
    if request.method == "POST" and form.is_valid():
        vote, points = form.vote_and_points()
        try:
            ballot_cast(
                user=user,
                area=area,
                vote=vote,
                points=points,
                birth_year=form.cleaned_data.get("birth_year"),
                lives_in_area=bool(form.cleaned_data.get("lives_in_area")),
                national_id=form.cleaned_data.get("national_id") or "",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Your ballot is saved. You can change it until voting closes.")
            )
            return redirect("budgeting:process", slug=process.slug)
    return render(
        request,
        "budgeting/ballot.html",
        {"process": process, "area": area, "form": form, "has_ballot": mine is not None},
    )
