from __future__ import annotations

from django.urls import path

from opengov.airquality import views

app_name = "airquality"
urlpatterns = [
    path("", views.station_map, name="map"),
    path("stations/<str:source>/<str:source_id>/", views.station_detail, name="station"),
    path("provinces/<str:code>/", views.province_detail, name="province"),
]
