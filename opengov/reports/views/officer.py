"""Officer pages: the organisation's queue with SLA timers and bulk steps, private originals;
the moderators' page (flags, fallback queue)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opengov.accounts.access import (
    moderator_required,
    organisation_officer_required,
    signed_in_user,
)
from opengov.accounts.models import Organisation
from opengov.accounts.selectors import organisation_list, user_is_officer
from opengov.reports.models import ReportFlag, ReportPhoto, Status
from opengov.reports.selectors import reports_fallback_queue, reports_for_organisation, sla_state
from opengov.reports.services import report_bulk_transition, report_route

QUEUE_STATUSES = ("open", "closed", *Status.values)


@organisation_officer_required()
def organisation_queue(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    status = request.GET.get("status", "open")
    if status not in QUEUE_STATUSES:
        status = "open"
    now = timezone.now()
    rows = [
        (r, sla_state(r, now=now))
        for r in reports_for_organisation(organisation, status=status)[:500]
    ]
    return render(
        request,
        "reports/queue.html",
        {
            "organisation": organisation,
            "rows": rows,
            "status": status,
            "bulk_choices": [
                (s, Status(s).label) for s in ("acknowledged", "in_progress", "not_relevant")
            ],
        },
    )


@require_POST
@organisation_officer_required()
def organisation_queue_bulk(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    ids = [int(v) for v in request.POST.getlist("report") if v.isdigit()]
    try:
        moved, skipped = report_bulk_transition(
            actor=signed_in_user(request),
            organisation=organisation,
            report_ids=ids,
            to_status=request.POST.get("to_status", ""),
            note=request.POST.get("note", ""),
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("%(moved)d changed, %(skipped)d skipped.") % {"moved": moved, "skipped": skipped},
        )
    return redirect("reports:queue", slug=organisation.slug)


def photo_original(request: HttpRequest, uuid: uuid.UUID) -> FileResponse:
    """The original upload (with its EXIF location), for officers of the responsible organisation."""
    photo = get_object_or_404(ReportPhoto.objects.select_related("report__organisation"), uuid=uuid)
    organisation = photo.report.organisation
    if organisation is None or not user_is_officer(request.user, organisation):
        raise PermissionDenied
    response = FileResponse(
        default_storage.open(photo.original_path, "rb"), content_type=photo.original_content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@moderator_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        report = get_object_or_404(reports_fallback_queue(), pk=request.POST.get("report", "0"))
        target = Organisation.objects.filter(
            slug=request.POST.get("organisation", ""), is_active=True
        ).first()
        if target is None:
            messages.error(request, _("Choose an organisation."))
        else:
            report_route(actor=signed_in_user(request), report=report, organisation=target)
            messages.success(request, _("Report #%(id)s sent on.") % {"id": report.pk})
        return redirect("reports:moderation")
    flags = ReportFlag.objects.filter(resolved_at__isnull=True).select_related("report")
    return render(
        request,
        "reports/moderation.html",
        {
            "flags": flags,
            "fallback": reports_fallback_queue()[:200],
            "organisations": organisation_list(),
        },
    )
