"""The report form (works without JavaScript) and the nearby-duplicates fragment."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opengov.accounts.models import User
from opengov.reports.forms import ReportForm, errors_to_form
from opengov.reports.models import Category, Channel
from opengov.reports.photos import MAX_BYTES_DEFAULT
from opengov.reports.rate_limit import submit_allowed, submit_record
from opengov.reports.selectors import report_by_idempotency_key, reports_nearby
from opengov.reports.services import report_submit
from opengov.reports.services.photo_store import MAX_PHOTOS


def client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) and request.user.is_active else None


def _photos(request: HttpRequest, form: ReportForm) -> list[bytes] | None:
    files = request.FILES.getlist("photos")
    limit = int(getattr(settings, "OPENGOV_REPORT_PHOTO_MAX_BYTES", MAX_BYTES_DEFAULT))
    if len(files) > MAX_PHOTOS:
        form.add_error(None, _("At most %(max)d photos.") % {"max": MAX_PHOTOS})
        return None
    for number, upload in enumerate(files, start=1):
        if upload.size is not None and upload.size > limit:
            form.add_error(
                None,
                _("Photo %(number)d is larger than %(mb)d MB.")
                % {"number": number, "mb": limit // (1024 * 1024)},
            )
            return None
    return [upload.read() for upload in files]


def _render(
    request: HttpRequest,
    form: ReportForm,
    nearby: Sequence[object] | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "reports/new.html",
        {"form": form, "nearby": nearby or [], "max_photos": MAX_PHOTOS},
        status=status,
    )


def report_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if request.method != "POST":
        return _render(request, ReportForm(initial={"client_token": uuid.uuid4().hex}))
    form = ReportForm(request.POST)
    if not submit_allowed(ip=client_ip(request), user_id=user.pk if user else None):
        form.is_valid()
        form.add_error(
            None, _("Too many reports from here in the last hour. Please try again later.")
        )
        return _render(request, form, status=429)
    if not form.is_valid():
        return _render(request, form, status=400)
    data = form.cleaned_data
    photos = _photos(request, form)
    if photos is None:
        return _render(request, form, status=400)
    known = report_by_idempotency_key(data["client_token"])
    if known is not None:  # a retry of a submission that already went through
        return redirect("reports:detail", pk=known.pk)
    if data["lat"] is not None and data["lon"] is not None and not data["confirm_new"]:
        nearby = reports_nearby(category=data["category"], lat=data["lat"], lon=data["lon"])
        if nearby:
            bound = request.POST.copy()
            bound["confirm_new"] = "1"
            return _render(request, ReportForm(bound), nearby=nearby)
    try:
        result = report_submit(
            channel=Channel.WEB,
            category=data["category"],
            lat=data["lat"],
            lon=data["lon"],
            address=data["address"],
            seen_at=data["seen_at"],
            description=data["description"],
            reporter=user,
            contact_name=data["contact_name"],
            contact_email=data["contact_email"] or "",
            contact_phone=data["contact_phone"],
            photos=photos,
            idempotency_key=data["client_token"] or None,
        )
    except ValidationError as error:
        errors_to_form(form, error)
        return _render(request, form, status=400)
    except PermissionDenied:
        form.add_error(None, _("This account may not submit reports."))
        return _render(request, form, status=403)
    if result.created:
        submit_record(ip=client_ip(request), user_id=user.pk if user else None)
        messages.success(
            request, _("Thank you. Your report #%(id)s was received.") % {"id": result.report.pk}
        )
    return redirect("reports:detail", pk=result.report.pk)


def report_nearby(request: HttpRequest) -> HttpResponse:
    """HTML fragment: open reports of the same category within 500 m in the last 48 hours."""
    category = request.GET.get("category", "")
    try:
        lat = float(request.GET.get("lat", ""))
        lon = float(request.GET.get("lon", ""))
    except ValueError:
        return HttpResponse("")
    if category not in Category.values or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return HttpResponse("")
    nearby = reports_nearby(category=category, lat=lat, lon=lon)
    return render(request, "reports/includes/nearby.html", {"nearby": nearby})
