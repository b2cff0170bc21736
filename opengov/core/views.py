from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from opengov.core.selectors import task_queue_status
from opengov.geo.selectors import area_counts_by_level


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    counts = area_counts_by_level()
    return render(
        request,
        "core/home.html",
        {
            "country_count": counts.get("country", 0),
            "province_count": counts.get("province", 0),
            "district_count": counts.get("district", 0),
        },
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness: the database answers and the task queue can be read."""
    checks: dict[str, dict[str, object]] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = {"ok": True, "vendor": connection.vendor}
    except Exception as exc:  # any driver error means "not ready"
        checks["database"] = {"ok": False, "error": exc.__class__.__name__}
    try:
        checks["tasks"] = {"ok": True, **task_queue_status()}
    except Exception as exc:
        checks["tasks"] = {"ok": False, "error": exc.__class__.__name__}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
