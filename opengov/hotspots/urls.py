from __future__ import annotations

from django.urls import path

from opengov.hotspots import views

app_name = "hotspots"
urlpatterns = [
    path("", views.hotspot_map, name="map"),
    path("provinces/", views.province_list, name="provinces"),
    path("provinces/csv/", views.province_list_csv, name="provinces_csv"),
    path("cross-border/", views.cross_border, name="cross_border"),
    path("layers/<slug:slug>/", views.layer_hotspots, name="layer"),
    path("upwind/", views.upwind_risk, name="upwind"),
]
