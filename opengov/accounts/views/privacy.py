"""PDPA pages: the privacy notice, consent again, data export and account deletion."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from opengov.accounts import privacy_notice
from opengov.accounts.access import signed_in_user
from opengov.accounts.forms.account import ConsentForm, DeletionRequestForm
from opengov.accounts.middleware import remember_consent
from opengov.accounts.selectors import user_export_data
from opengov.accounts.services import consent_give, deletion_request_create


@require_GET
def privacy_notice_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/privacy/notice.html",
        {"notice_version": privacy_notice.PRIVACY_NOTICE_VERSION},
    )


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consent_give(user=signed_in_user(request))
        remember_consent(request)
        messages.success(request, _("Thank you. Your consent has been recorded."))
        return redirect(next_url or "accounts:profile")
    return render(
        request,
        "accounts/privacy/consent.html",
        {
            "form": form,
            "next": next_url,
            "notice_version": privacy_notice.PRIVACY_NOTICE_VERSION,
        },
    )


@never_cache
@login_required
@require_GET
def data_export(request: HttpRequest) -> HttpResponse:
    """Download everything the accounts app holds about the signed-in user as JSON."""
    data = user_export_data(user=signed_in_user(request))
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="opengov-my-data-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = DeletionRequestForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            deletion_request_create(user=user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            return redirect("accounts:delete_account_done")
    return render(request, "accounts/privacy/delete_account.html", {"form": form})


@require_GET
def delete_account_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/privacy/delete_account_done.html")
