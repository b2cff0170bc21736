"""Sign-up, sign-in/out, password change and reset, and the profile page."""

from __future__ import annotations

from typing import Any, Literal, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opengov.accounts.access import signed_in_user
from opengov.accounts.forms.account import (
    OnCommitPasswordResetForm,
    ProfileForm,
    SignInForm,
    SignUpForm,
)
from opengov.accounts.middleware import remember_consent
from opengov.accounts.models import User
from opengov.accounts.services import user_sign_up, user_update_profile
from opengov.accounts.sign_up_limit import sign_up_allowed, sign_up_record


def _profile_url(language: str) -> str:
    with translation.override(language):
        return reverse("accounts:profile")


def _with_language_cookie(response: HttpResponse, language: str) -> HttpResponse:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=cast(Literal["Lax", "Strict", "None"], settings.LANGUAGE_COOKIE_SAMESITE),
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        max_age=settings.LANGUAGE_COOKIE_AGE,
    )
    return response


@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST or None)
    limited = not sign_up_allowed(request)
    if request.method == "POST" and not limited and form.is_valid():
        try:
            user = user_sign_up(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                phone=form.cleaned_data["phone"],
                preferred_language=translation.get_language() or settings.LANGUAGE_CODE,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            sign_up_record(request)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            remember_consent(request)
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect("accounts:profile")
    status = 429 if limited and request.method == "POST" else 200
    return render(
        request,
        "accounts/registration/sign_up.html",
        {"form": form, "limited": limited},
        status=status,
    )


class SignInView(auth_views.LoginView):
    template_name = "accounts/registration/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        user = self.request.user
        if isinstance(user, User):
            return _profile_url(user.preferred_language)
        return super().get_default_redirect_url()


class SignOutView(auth_views.LogoutView):
    """Django's sign-out: POST only (a link cannot sign anyone out)."""

    template_name = "accounts/registration/signed_out.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/registration/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/registration/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/registration/password_reset.html"
    form_class = OnCommitPasswordResetForm
    email_template_name = "accounts/registration/password_reset_email.txt"
    subject_template_name = "accounts/registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/registration/password_reset_complete.html"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    initial: dict[str, Any] = {
        "display_name": user.display_name,
        "phone": user.phone,
        "preferred_language": user.preferred_language,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user_update_profile(user=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            language = user.preferred_language
            with translation.override(language):
                messages.success(request, _("Your profile has been saved."))
            response = HttpResponseRedirect(_profile_url(language))
            return _with_language_cookie(response, language)
    return render(
        request,
        "accounts/profile/profile.html",
        {
            "form": form,
            "profile_user": user,
            "memberships": user.memberships.select_related("organisation").order_by(
                "organisation__name_th"
            ),
        },
    )
