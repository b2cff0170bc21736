"""Open311 GeoReport v2 views. Each parses its input, calls the reports app's services and
selectors (through this package's helpers), and renders the standard's XML or JSON."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Final

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from opengov.accounts.middleware import consent_exempt
from opengov.reports.open311 import errors
from opengov.reports.open311.catalogue import (
    SERVICES_CHANGESET,
    service_codes,
    service_definition,
    service_list,
)
from opengov.reports.open311.errors import Open311Error, problem
from opengov.reports.open311.keys import (
    open311_key_allowed,
    open311_key_check,
    open311_key_record_use,
    seconds_to_next_window,
)
from opengov.reports.open311.queries import is_request_id, reports_for_query, request_query_parse
from opengov.reports.open311.request_create import service_request_create
from opengov.reports.open311.request_wire import request_wire
from opengov.reports.open311.wire import CONTENT_TYPES, FORMATS, WireValue, render
from opengov.reports.selectors import SLA_ACKNOWLEDGE, report_public_get

SPECIFICATION: Final = "http://wiki.open311.org/GeoReport_v2"
Open311View = Callable[..., HttpResponse]


def _respond(fmt: str, root: str, value: WireValue, status: int = 200) -> HttpResponse:
    return HttpResponse(render(fmt, root, value), status=status, content_type=CONTENT_TYPES[fmt])


def _host_jurisdiction(request: HttpRequest) -> str:
    host = request.get_host().rsplit(":", 1)[0].lower()
    return host.removeprefix("www.")


def _check_jurisdiction(request: HttpRequest, params: Any) -> None:
    """One endpoint serves every agency, so ``jurisdiction_id`` is optional (empty = absent);
    when sent it must be this site's domain or one of ``OPENGOV_OPEN311_JURISDICTIONS``."""
    value = params.get("jurisdiction_id", "").strip().lower()
    known = {_host_jurisdiction(request), *getattr(settings, "OPENGOV_OPEN311_JURISDICTIONS", ())}
    if value and value not in known:
        raise Open311Error(404, [problem(errors.JURISDICTION_UNKNOWN, value=value)])


def open311_endpoint(*methods: str) -> Callable[[Open311View], Open311View]:
    """Checks the format suffix, the method and the jurisdiction; turns ``Open311Error`` into
    the standard's error array in the requested format (XML when the suffix is unknown)."""

    def decorate(view: Open311View) -> Open311View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, fmt: str, **kwargs: Any) -> HttpResponse:
            reply_fmt = fmt if fmt in FORMATS else "xml"
            try:
                if fmt not in FORMATS:
                    raise Open311Error(404, [problem(errors.FORMAT_UNKNOWN, value=fmt)])
                if request.method not in methods:
                    raise Open311Error(
                        405, [problem(errors.METHOD_NOT_ALLOWED, value=str(request.method))]
                    )
                if request.method != "POST":  # a POST checks its api_key first
                    _check_jurisdiction(request, request.GET)
                # Outside the language prefixes LocaleMiddleware always picks Thai; an API
                # client chooses with Accept-Language instead.
                with translation.override(translation.get_language_from_request(request)):
                    return view(request, *args, fmt=fmt, **kwargs)
            except Open311Error as error:
                response = _respond(reply_fmt, "errors", error.entries(), status=error.status)
                if error.status == 405:
                    response["Allow"] = ", ".join(methods)
                if error.status == 429:
                    response["Retry-After"] = str(seconds_to_next_window())
                return response

        return consent_exempt(wrapper)

    return decorate


def _endpoint_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("open311:discovery", kwargs={"fmt": "xml"})).rsplit(
        "/", 1
    )[0]


@open311_endpoint("GET", "HEAD")
def discovery(request: HttpRequest, *, fmt: str) -> HttpResponse:
    contact = getattr(settings, "OPENGOV_OPEN311_CONTACT", "") or _(
        "Open government platform team, via the contact page of this site."
    )
    key_service = getattr(settings, "OPENGOV_OPEN311_KEY_SERVICE", "") or _(
        "Ask the platform administrators for an API key (needed only to create requests)."
    )
    endpoint_type = getattr(settings, "OPENGOV_OPEN311_ENDPOINT_TYPE", "production")
    value: WireValue = {
        "changeset": SERVICES_CHANGESET,
        "contact": contact,
        "key_service": key_service,
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": _endpoint_url(request),
                "changeset": SERVICES_CHANGESET,
                "type": endpoint_type,
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return _respond(fmt, "discovery", value)


@open311_endpoint("GET", "HEAD")
def services(request: HttpRequest, *, fmt: str) -> HttpResponse:
    return _respond(fmt, "services", service_list())


@open311_endpoint("GET", "HEAD")
def service_detail(request: HttpRequest, code: str, *, fmt: str) -> HttpResponse:
    if code not in service_codes():
        raise Open311Error(404, [problem(errors.SERVICE_CODE_UNKNOWN, value=code)])
    return _respond(fmt, "service_definition", service_definition(code))


def _service_notice(organisation_name: str | None) -> str:
    hours = str(int(SLA_ACKNOWLEDGE.total_seconds() // 3600))
    if organisation_name:
        return _("Sent to %(agency)s, which should acknowledge it within %(hours)s hours.") % {
            "agency": organisation_name,
            "hours": hours,
        }
    return _(
        "Received; moderators will send it to the responsible agency within %(hours)s hours."
    ) % {"hours": hours}


def _create(request: HttpRequest, fmt: str) -> HttpResponse:
    api_key = open311_key_check(request.POST.get("api_key", ""))
    if api_key is None:
        raise Open311Error(403, [problem(errors.API_KEY_INVALID)])
    _check_jurisdiction(request, request.POST)
    if not open311_key_allowed(api_key):
        raise Open311Error(429, [problem(errors.RATE_LIMITED, value=str(api_key.hourly_limit))])
    result = service_request_create(
        params=request.POST,
        media=request.FILES.getlist("media"),
        api_key=api_key,
        idempotency_key=request.headers.get("Idempotency-Key", "")
        or request.POST.get("idempotency_key", ""),
        now=timezone.now(),
    )
    if result.created:
        open311_key_record_use(api_key)
    report = result.report
    value: list[WireValue] = [
        {
            "service_request_id": str(report.pk),
            "service_notice": _service_notice(
                report.organisation.name if report.organisation else None
            ),
            "account_id": None,
        }
    ]
    return _respond(fmt, "service_requests", value, status=201 if result.created else 200)


@csrf_exempt  # API-key authenticated, no cookies read; GET is read-only anyway
@open311_endpoint("GET", "HEAD", "POST")
def requests_collection(request: HttpRequest, *, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _create(request, fmt)
    query = request_query_parse(request.GET, now=timezone.now())
    found = reports_for_query(query)
    value: list[WireValue] = [
        request_wire(r, absolute_url=request.build_absolute_uri, extensions=query.extensions)
        for r in found
    ]
    return _respond(fmt, "service_requests", value)


@open311_endpoint("GET", "HEAD")
def request_detail(request: HttpRequest, request_id: str, *, fmt: str) -> HttpResponse:
    """One request — in JSON an array of one element, as clients expect."""
    report = report_public_get(int(request_id)) if is_request_id(request_id) else None
    if report is None:
        raise Open311Error(404, [problem(errors.REQUEST_NOT_FOUND, value=request_id)])
    extensions = request.GET.get("extensions", "").strip().lower() == "true"
    wire = request_wire(report, absolute_url=request.build_absolute_uri, extensions=extensions)
    return _respond(fmt, "service_requests", [wire])


@open311_endpoint("GET", "HEAD")
def token_detail(request: HttpRequest, token: str, *, fmt: str) -> HttpResponse:
    """We create requests synchronously (``type`` realtime) and never hand out tokens; for
    clients that ask anyway, a token equal to a visible request's id resolves to that id."""
    report = report_public_get(int(token)) if is_request_id(token) else None
    if report is None:
        raise Open311Error(404, [problem(errors.TOKEN_NOT_FOUND, value=token)])
    return _respond(
        fmt, "service_requests", [{"service_request_id": str(report.pk), "token": token}]
    )


INDEX_LANGUAGES: Final = ("th", "en")


@consent_exempt
def index(request: HttpRequest) -> HttpResponse:
    """The human-readable page at the endpoint root (the spec recommends one): the endpoints,
    the discovery document, how to get an API key and the privacy rules — in Thai (default) or
    English (``?lang=en`` or ``Accept-Language``)."""
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse(status=405)
        response["Allow"] = "GET, HEAD"
        return response
    asked = request.GET.get("lang", "")
    if asked not in INDEX_LANGUAGES:
        asked = translation.get_language_from_request(request)
    language = asked if asked in INDEX_LANGUAGES else settings.LANGUAGE_CODE
    base = _endpoint_url(request)
    with translation.override(language):
        key_service = getattr(settings, "OPENGOV_OPEN311_KEY_SERVICE", "") or _(
            "Ask the platform administrators for an API key (needed only to create requests)."
        )
        context = {
            "language": language,
            "other_language": "en" if language == "th" else "th",
            "base": base,
            "discovery_url": f"{base}/discovery.json",
            "key_service": key_service,
            "services": service_list(),
        }
        page = render_to_string("reports/open311_index.html", context, request=request)
    response = HttpResponse(page, content_type="text/html; charset=utf-8")
    response["Content-Language"] = language
    return response
