from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from config.api import api
from opengov.core.views import healthz
from opengov.reports.line.views import line_webhook

admin.site.site_header = admin.site.site_title = "opengov"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("open311/v2/", include("opengov.reports.open311.urls")),
    path("line/webhook", line_webhook, name="line_webhook"),
]

# Thai pages live at /, English at /en/. set_language sits inside too, so that the posted "next" URL is
# resolved in the language of the page it came from (outside, /en/… cannot be translated back to Thai).
urlpatterns += i18n_patterns(
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("opengov.core.urls")),
    path("accounts/", include("opengov.accounts.urls")),
    path("air/", include("opengov.airquality.urls")),
    path("hotspots/", include("opengov.hotspots.urls")),
    path("reports/", include("opengov.reports.urls")),
    path("budget/", include("opengov.budgeting.urls")),
    path("geo/", include("opengov.geo.urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=False,
)
