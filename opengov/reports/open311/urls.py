"""Mounted at ``/open311/v2/`` outside the language prefixes (the wire format has no language)."""

from __future__ import annotations

from django.urls import re_path

from opengov.reports.open311 import views

app_name = "open311"
_FMT = r"\.(?P<fmt>[A-Za-z0-9]+)$"
urlpatterns = [
    re_path(r"^$", views.index, name="index"),
    re_path(r"^discovery" + _FMT, views.discovery, name="discovery"),
    re_path(r"^services" + _FMT, views.services, name="services"),
    re_path(r"^services/(?P<code>[^/.]+)" + _FMT, views.service_detail, name="service"),
    re_path(r"^requests" + _FMT, views.requests_collection, name="requests"),
    re_path(r"^requests/(?P<request_id>[^/.]+)" + _FMT, views.request_detail, name="request"),
    re_path(r"^tokens/(?P<token>[^/.]+)" + _FMT, views.token_detail, name="token"),
]
