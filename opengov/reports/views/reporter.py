"""The reporter's private page (``/reports/reporter/<token>/``): rate, re-open within 14 days,
stop or resume the messages — for reporters with or without an account. A wrong, expired or
voided token is a 404; the page is never cached nor sent as a referrer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from opengov.reports.forms import NoteForm, RatingForm
from opengov.reports.models import Report
from opengov.reports.reporter_links import report_for_reporter_token
from opengov.reports.selectors import report_timeline
from opengov.reports.services import (
    report_notifications_set,
    report_rate_by_link,
    report_reopen_by_link,
    reporter_may_reopen,
)


def _private(response: HttpResponse) -> HttpResponse:
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _act(request: HttpRequest, token: str) -> None:
    action = request.POST.get("action", "")
    if action == "rate":
        form = RatingForm(request.POST)
        rating = form.cleaned_data["rating"] if form.is_valid() else 0
        report_rate_by_link(token=token, rating=rating)
        messages.success(request, _("Thank you for your rating."))
    elif action == "reopen":
        note_form = NoteForm(request.POST)
        note = note_form.cleaned_data["note"] if note_form.is_valid() else ""
        report_reopen_by_link(token=token, note=note)
        messages.success(request, _("The report is open again."))
    elif action in ("stop", "resume"):
        report_notifications_set(token=token, enabled=action == "resume")
        if action == "stop":
            messages.success(request, _("You will get no more messages about this report."))
        else:
            messages.success(request, _("You will be told about every step of this report."))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reporter_page(request: HttpRequest, token: str) -> HttpResponse:
    report: Report | None = report_for_reporter_token(token)
    if report is None:
        raise Http404
    if request.method == "POST":
        try:
            _act(request, token)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        return _private(redirect(request.path))
    context = {
        "report": report,
        "timeline": report_timeline(report),
        "rating_form": RatingForm(initial={"rating": report.rating}),
        "note_form": NoteForm(),
        "may_reopen": reporter_may_reopen(report),
    }
    return _private(render(request, "reports/reporter.html", context))
