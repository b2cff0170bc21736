"""Public pages and JSON: the list and map with filters, one report, its photos, statistics."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.forms import ChoiceField
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from opengov.accounts.selectors import user_is_moderator, user_is_officer, user_organisations
from opengov.reports import lifecycle
from opengov.reports.forms import (
    FilterForm,
    FollowForm,
    NoteForm,
    RatingForm,
    ReasonForm,
    TransitionForm,
)
from opengov.reports.models import ReportPhoto, Status
from opengov.reports.selectors import (
    PublicFilter,
    organisation_stats,
    report_public_dict,
    report_public_get,
    report_timeline,
    reports_public,
)

MAP_LIMIT = 2000


def _filter(request: HttpRequest) -> tuple[FilterForm, PublicFilter]:
    form = FilterForm(request.GET or None)
    if not form.is_bound or not form.is_valid():
        return form, PublicFilter()
    days = form.cleaned_data.get("days")
    return form, PublicFilter(
        category=form.cleaned_data["category"],
        status=form.cleaned_data["status"],
        area_code=form.cleaned_data["area"],
        start=timezone.now() - timedelta(days=days) if days else None,
    )


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    form, spec = _filter(request)
    rows = reports_public(spec).prefetch_related("photos")
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "officer_of": list(user_organisations(request.user)),
            "is_moderator": user_is_moderator(request.user),
        },
    )


@require_GET
def reports_geojson(request: HttpRequest) -> JsonResponse:
    """Visible reports with a location as GeoJSON points (public fields only)."""
    _form, spec = _filter(request)
    features = []
    for report in reports_public(spec).filter(lat__isnull=False)[:MAP_LIMIT]:
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [report.lon, report.lat]},
                "properties": {
                    "id": report.pk,
                    "url": f"{request.path.rsplit('/', 2)[0]}/{report.pk}/",
                    "category": report.category,
                    "category_label": report.get_category_display(),
                    "state": report.status,
                    "state_label": report.get_status_display(),
                    "seen_at": timezone.localtime(report.seen_at).isoformat(),
                    "corroborated": report.corroborating_detections > 0,
                },
            }
        )
    return JsonResponse({"type": "FeatureCollection", "features": features})


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_public_get(pk)
    if report is None:
        raise Http404
    user = request.user
    is_officer = report.organisation is not None and user_is_officer(user, report.organisation)
    is_reporter = user.is_authenticated and report.reporter_id == user.pk
    follow_form, transition_form = FollowForm(), TransitionForm()
    context = {
        "report": report,
        "timeline": report_timeline(report),
        "photos": [p for p in report.photos.all() if p.kind == "report"],
        "is_officer": is_officer,
        "is_reporter": is_reporter,
        "is_moderator": user_is_moderator(user),
        "follow_form": follow_form,
        "reason_form": ReasonForm(),
        "note_form": NoteForm(),
        "rating_form": RatingForm(initial={"rating": report.rating}),
        "transition_form": transition_form,
    }
    if not user.is_authenticated:
        follow_form.fields["email"].required = True
    allowed = lifecycle.OFFICER_TRANSITIONS.get(report.status, frozenset())
    status_field = transition_form.fields["to_status"]
    assert isinstance(status_field, ChoiceField)  # noqa: S101 - declared so in TransitionForm
    status_field.choices = [(value, label) for value, label in Status.choices if value in allowed]
    if is_officer:
        context["originals"] = list(report.photos.all())
        context["members"] = [
            m.user
            for m in report.organisation.memberships.select_related("user")  # type: ignore[union-attr]
        ]
    return render(request, "reports/detail.html", context)


@require_GET
def report_json(request: HttpRequest, pk: int) -> JsonResponse:
    report = report_public_get(pk)
    if report is None:
        raise Http404
    return JsonResponse(report_public_dict(report), json_dumps_params={"ensure_ascii": False})


@require_GET
def photo_public(request: HttpRequest, uuid: uuid.UUID) -> FileResponse:
    """The public copy (no metadata) of a photo of a visible report."""
    photo = get_object_or_404(
        ReportPhoto.objects.select_related("report"), uuid=uuid, report__is_hidden=False
    )
    response = FileResponse(
        default_storage.open(photo.public_path, "rb"), content_type="image/jpeg"
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def reports_stats(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/stats.html", {"rows": organisation_stats()})
