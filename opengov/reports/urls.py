from __future__ import annotations

from django.urls import path

from opengov.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_new, name="new"),
    path("nearby/", views.report_nearby, name="nearby"),
    path("map.geojson", views.reports_geojson, name="geojson"),
    path("statistics/", views.reports_stats, name="stats"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("queue/<slug:slug>/", views.organisation_queue, name="queue"),
    path("queue/<slug:slug>/bulk/", views.organisation_queue_bulk, name="queue_bulk"),
    path("photos/<uuid:uuid>.jpg", views.photo_public, name="photo"),
    path("photos/<uuid:uuid>/original", views.photo_original, name="photo_original"),
    path("reporter/<str:token>/", views.reporter_page, name="reporter"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>.json", views.report_json, name="json"),
    path("<int:pk>/transition/", views.report_transition_view, name="transition"),
    path("<int:pk>/assign/", views.report_assign_view, name="assign"),
    path("<int:pk>/rate/", views.report_rate_view, name="rate"),
    path("<int:pk>/reopen/", views.report_reopen_view, name="reopen"),
    path("<int:pk>/follow/", views.report_follow_view, name="follow"),
    path("<int:pk>/flag/", views.report_flag_view, name="flag"),
    path("<int:pk>/hide/", views.report_hide_view, name="hide"),
    path("<int:pk>/unhide/", views.report_unhide_view, name="unhide"),
    path("<int:pk>/block-reporter/", views.report_block_reporter, name="block_reporter"),
]
