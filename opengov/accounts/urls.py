from __future__ import annotations

from django.urls import path

from opengov.accounts.views import account, organisations, privacy

app_name = "accounts"
urlpatterns = [
    path("signup/", account.sign_up, name="signup"),
    path("login/", account.SignInView.as_view(), name="login"),
    path("logout/", account.SignOutView.as_view(), name="logout"),
    path("profile/", account.profile, name="profile"),
    path("password/change/", account.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        account.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", account.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/", account.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        account.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        account.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("privacy/", privacy.privacy_notice_page, name="privacy_notice"),
    path("privacy/consent/", privacy.consent, name="consent"),
    path("privacy/my-data.json", privacy.data_export, name="data_export"),
    path("delete/", privacy.delete_account, name="delete_account"),
    path("delete/requested/", privacy.delete_account_done, name="delete_account_done"),
    path("organisations/", organisations.organisation_list_page, name="organisation_list"),
    path(
        "organisations/<slug:slug>/",
        organisations.organisation_detail_page,
        name="organisation_detail",
    ),
    path(
        "organisations/<slug:slug>/members/",
        organisations.organisation_members,
        name="organisation_members",
    ),
    path(
        "organisations/<slug:slug>/members/add/",
        organisations.member_add,
        name="member_add",
    ),
    path(
        "organisations/<slug:slug>/members/<int:pk>/role/",
        organisations.member_change_role,
        name="member_change_role",
    ),
    path(
        "organisations/<slug:slug>/members/<int:pk>/remove/",
        organisations.member_remove,
        name="member_remove",
    ),
]
