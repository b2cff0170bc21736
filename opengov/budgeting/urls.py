from __future__ import annotations

from django.urls import path

from opengov.budgeting import views

app_name = "budgeting"
AREA = "<slug:slug>/areas/<int:area_id>/"
urlpatterns = [
    path("", views.process_list_page, name="list"),
    path("setup/<slug:org>/", views.process_new, name="process_new"),
    path("<slug:slug>/", views.process_detail, name="process"),
    path("<slug:slug>/propose/", views.proposal_new, name="propose"),
    path(AREA + "vote/", views.ballot_vote, name="vote"),
    path(AREA + "results/", views.results, name="results"),
    path(AREA + "results/progress/", views.results_progress, name="results_progress"),
    path(AREA + "ballots.pb", views.ballots_download, name="ballots_download"),
    path("<slug:slug>/manage/", views.process_manage, name="manage"),
    path(
        "<slug:slug>/manage/proposals/<int:pk>/review/",
        views.proposal_review_page,
        name="review",
    ),
    path("<slug:slug>/manage/categories/", views.category_add, name="category_add"),
    path(
        "<slug:slug>/manage/categories/<int:pk>/",
        views.category_rename,
        name="category_rename",
    ),
    path(
        "<slug:slug>/manage/categories/<int:pk>/remove/",
        views.category_remove,
        name="category_remove",
    ),
    path(AREA + "manage/paper/", views.paper_entry, name="paper"),
    path(AREA + "manage/import/", views.area_import, name="import"),
    path(AREA + "manage/export.pb", views.area_export, name="export"),
    path(AREA + "manage/count/", views.count_start, name="count"),
    path(AREA + "manage/counts/", views.count_history, name="counts"),
]
