"""POST actions on one report: officer steps and assignment, the reporter's rating and re-opening,
following, flagging, and the moderators' hide / unhide / block."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opengov.accounts.access import moderator_required, signed_in_user
from opengov.accounts.models import Organisation, User
from opengov.reports.forms import FollowForm, NoteForm, RatingForm, ReasonForm, TransitionForm
from opengov.reports.models import Report
from opengov.reports.selectors import report_public_get
from opengov.reports.services import (
    report_assign,
    report_flag,
    report_follow,
    report_hide,
    report_rate,
    report_reopen,
    report_transition,
    report_unhide,
    reporter_block,
)


def _back(pk: int) -> HttpResponse:
    return redirect("reports:detail", pk=pk)


def _error(request: HttpRequest, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


def _run(request: HttpRequest, pk: int, action: Callable[[], object], done: str) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, done)
    return _back(pk)


def _visible(pk: int) -> Report:
    report = report_public_get(pk)
    if report is None:
        raise Http404
    return report


@require_POST
@login_required
def report_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk)
    actor = signed_in_user(request)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        if (
            report.organisation is None
            or not actor.memberships.filter(organisation=report.organisation).exists()
        ):
            raise PermissionDenied
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, str(text))
        return _back(pk)
    data = form.cleaned_data
    refer_to = None
    if data["refer_to"]:
        refer_to = Organisation.objects.filter(slug=data["refer_to"], is_active=True).first()
    duplicate_of = (
        Report.objects.filter(pk=data["duplicate_of"]).first() if data["duplicate_of"] else None
    )
    photo = request.FILES.get("after_photo")
    return _run(
        request,
        pk,
        lambda: report_transition(
            actor=actor,
            report=report,
            to_status=data["to_status"],
            note=data["note"],
            after_photo=photo.read() if photo else None,
            refer_to=refer_to,
            duplicate_of=duplicate_of,
        ),
        _("Status changed."),
    )


@require_POST
@login_required
def report_assign_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk)
    actor = signed_in_user(request)
    raw = request.POST.get("assignee", "")
    assignee = User.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    return _run(
        request,
        pk,
        lambda: report_assign(actor=actor, report=report, assignee=assignee),
        _("Assignment saved."),
    )


@require_POST
@login_required
def report_rate_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(pk)
    actor = signed_in_user(request)
    form = RatingForm(request.POST)
    rating = form.cleaned_data["rating"] if form.is_valid() else 0
    return _run(
        request,
        pk,
        lambda: report_rate(actor=actor, report=report, rating=rating),
        _("Thank you for your rating."),
    )


@require_POST
@login_required
def report_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(pk)
    actor = signed_in_user(request)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _run(
        request,
        pk,
        lambda: report_reopen(actor=actor, report=report, note=note),
        _("The report is open again."),
    )


@require_POST
def report_follow_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(pk)
    user = request.user if isinstance(request.user, User) and request.user.is_active else None
    form = FollowForm(request.POST)
    email = form.cleaned_data["email"] if form.is_valid() else ""
    return _run(
        request,
        pk,
        lambda: report_follow(report=report, user=user, email=email or ""),
        _("You will be told about every step of this report."),
    )


@require_POST
@login_required
def report_flag_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(pk)
    actor = signed_in_user(request)
    reason = request.POST.get("reason", "")
    return _run(
        request,
        pk,
        lambda: report_flag(actor=actor, report=report, reason=reason),
        _("Thank you: a moderator will look at this report."),
    )


@require_POST
@moderator_required
def report_hide_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        report_hide(actor=signed_in_user(request), report=report, reason=reason)
    except ValidationError as error:
        _error(request, error)
        return redirect("reports:moderation")
    messages.success(request, _("Report #%(id)s is hidden.") % {"id": pk})
    return redirect("reports:moderation")


@require_POST
@moderator_required
def report_unhide_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk)
    report_unhide(actor=signed_in_user(request), report=report)
    return _back(pk)


@require_POST
@moderator_required
def report_block_reporter(request: HttpRequest, pk: int) -> HttpResponse:
    """Block the account that made report ``pk`` (moderators never see who it is)."""
    report = get_object_or_404(Report, pk=pk)
    if report.reporter is None:
        messages.error(request, _("This report was made without an account."))
        return redirect("reports:moderation")
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        reporter_block(actor=signed_in_user(request), user=report.reporter, reason=reason)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("The reporter's account is blocked from reporting."))
    return redirect("reports:moderation")
