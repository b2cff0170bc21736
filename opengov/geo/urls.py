from __future__ import annotations

from django.urls import path

from opengov.geo import views

app_name = "geo"
urlpatterns = [
    path("layers/", views.layer_list, name="layers"),
    path("layers/<slug:slug>/", views.layer_detail, name="layer"),
    path("layers/<slug:slug>.geojson", views.layer_geojson, name="layer_geojson"),
]
