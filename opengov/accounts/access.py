"""View guards other apps use: "officer of this organisation", "manages its members", "moderator".

Function views::

    @organisation_officer_required()            # URL has <slug:slug>
    def report_inbox(request, organisation): ...

    @organisation_officer_required(slug_kwarg="org")
    def dataset_edit(request, organisation, pk): ...

Class-based views mix in :class:`OrganisationOfficerRequiredMixin` and read ``self.organisation``.

Anonymous visitors are sent to the sign-in page; signed-in users without the role get 403 (Django's
403 page); an unknown or inactive organisation is 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from opengov.accounts.models import Organisation, User
from opengov.accounts.selectors import (
    AnyUser,
    user_can_manage_members,
    user_is_moderator,
    user_is_officer,
)

P = ParamSpec("P")
OrganisationView = Callable[Concatenate[HttpRequest, P], HttpResponse]
OrganisationCheck = Callable[[AnyUser, Organisation], bool]


def signed_in_user(request: HttpRequest) -> User:
    """The request's user as a ``User``; behind ``login_required`` anything else is a bug → 403."""
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    return user


def _officer_check(user: AnyUser, organisation: Organisation) -> bool:
    return user_is_officer(user, organisation)


def organisation_permission_required(
    check: OrganisationCheck, *, slug_kwarg: str = "slug"
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Load the active organisation named by the URL's ``slug_kwarg``, require ``check`` to pass,
    and call the view with ``organisation=`` instead of the slug."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            organisation = get_object_or_404(
                Organisation.objects.active(), slug=kwargs.pop(slug_kwarg)
            )
            if not check(request.user, organisation):
                raise PermissionDenied
            return view(request, *args, organisation=organisation, **kwargs)

        return guarded

    return decorator


def organisation_officer_required(
    *, slug_kwarg: str = "slug"
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Only editors and admins of the organisation in the URL."""
    return organisation_permission_required(_officer_check, slug_kwarg=slug_kwarg)


def organisation_member_manager_required(
    *, slug_kwarg: str = "slug"
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Only admins of the organisation in the URL, and platform admins."""
    return organisation_permission_required(user_can_manage_members, slug_kwarg=slug_kwarg)


def moderator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only moderators and platform admins."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class OrganisationOfficerRequiredMixin:
    """For class-based views: the URL's ``slug`` names an organisation the user is officer of.

    Sets ``self.organisation`` before ``dispatch`` continues. Override ``organisation_check`` to
    require another relation (e.g. ``user_can_manage_members``).
    """

    slug_url_kwarg = "slug"
    organisation: Organisation

    def organisation_check(self, user: AnyUser, organisation: Organisation) -> bool:
        return user_is_officer(user, organisation)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.organisation = get_object_or_404(
            Organisation.objects.active(), slug=kwargs[self.slug_url_kwarg]
        )
        if not self.organisation_check(request.user, self.organisation):
            raise PermissionDenied
        response: HttpResponse = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        return response
