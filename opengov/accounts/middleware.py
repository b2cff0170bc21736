"""Ask signed-in users to consent again when the privacy notice version changes.

Installed in ``settings.MIDDLEWARE`` after ``AuthenticationMiddleware``. For a signed-in user who has
no consent under :data:`~opengov.accounts.privacy_notice.PRIVACY_NOTICE_VERSION`, every page except
the allow-list below redirects to the consent page (``accounts:consent``) with ``?next=``. The API,
sign-out, the notice itself, the data export and account deletion stay reachable, so nobody has to
consent in order to leave or to take their data. Views of other apps can opt out with
:func:`consent_exempt`. The answer is cached in the session until the version changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from opengov.accounts import privacy_notice
from opengov.accounts.selectors import user_has_current_consent

SESSION_KEY = "accounts_consent_version"
_EXEMPT_VIEW_NAMES = frozenset(
    {
        "accounts:consent",
        "accounts:privacy_notice",
        "accounts:logout",
        "accounts:data_export",
        "accounts:delete_account",
        "accounts:delete_account_done",
        "set_language",
        "javascript-catalog",
        "healthz",
    }
)
_EXEMPT_NAMESPACES = frozenset({"api-v1"})

View = Callable[..., HttpResponse]


def consent_exempt(view: View) -> View:
    """Mark a view as reachable without consent to the current privacy notice."""
    view.consent_exempt = True  # type: ignore[attr-defined]
    return view


def remember_consent(request: HttpRequest) -> None:
    """Note in the session that the user consented to the notice now in force."""
    request.session[SESSION_KEY] = privacy_notice.PRIVACY_NOTICE_VERSION


class PrivacyConsentMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: View, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or getattr(view_func, "consent_exempt", False):
            return None
        match = request.resolver_match
        if match is not None and (
            match.view_name in _EXEMPT_VIEW_NAMES or _EXEMPT_NAMESPACES & set(match.namespaces)
        ):
            return None
        version = privacy_notice.PRIVACY_NOTICE_VERSION
        if request.session.get(SESSION_KEY) == version:
            return None
        if user_has_current_consent(user):
            request.session[SESSION_KEY] = version
            return None
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('accounts:consent')}?{query}")
