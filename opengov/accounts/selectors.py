"""Read paths of the accounts app, including the permission helpers other apps use.

Roles: a *citizen* is any signed-in, active user; an *officer* of an organisation is a member with
role ``editor`` or ``admin`` there; an organisation *admin* also manages its members; a *moderator*
has ``User.is_moderator``; a *platform admin* has ``is_staff`` or ``is_superuser``. Platform admins
count as moderators and may manage every organisation's members, but they are officers only of the
organisations they are members of (officer actions are acts of that agency).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from opengov.accounts import privacy_notice
from opengov.accounts.models import (
    ConsentRecord,
    DeletionRequest,
    DeletionRequestStatus,
    Membership,
    MembershipRole,
    Organisation,
    User,
)
from opengov.accounts.privacy_notice import ConsentPurpose

AnyUser = User | AnonymousUser
OFFICER_ROLES: tuple[str, ...] = (MembershipRole.EDITOR, MembershipRole.ADMIN)


def _signed_in(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active)


def user_is_platform_admin(user: AnyUser) -> bool:
    """True for an active ``is_staff`` or ``is_superuser`` account."""
    return _signed_in(user) and bool(user.is_staff or user.is_superuser)


def user_is_moderator(user: AnyUser) -> bool:
    """True for an active moderator (``User.is_moderator``) or platform admin."""
    if not _signed_in(user):
        return False
    return bool(getattr(user, "is_moderator", False)) or user_is_platform_admin(user)


def user_organisations(
    user: AnyUser, roles: Iterable[str] = OFFICER_ROLES
) -> QuerySet[Organisation]:
    """Active organisations where ``user`` holds one of ``roles`` (default: editor or admin)."""
    if not isinstance(user, User) or not user.is_active:
        return Organisation.objects.none()
    return Organisation.objects.active().filter(
        memberships__user=user, memberships__role__in=list(roles)
    )


def user_organisation_ids(user: AnyUser) -> list[int]:
    """Ids of the active organisations where ``user`` is an officer (editor or admin)."""
    return list(user_organisations(user).values_list("id", flat=True))


def user_is_officer(user: AnyUser, organisation: Organisation | None = None) -> bool:
    """True when ``user`` is editor or admin of ``organisation`` (of any organisation if None)."""
    officer_of = user_organisations(user)
    if organisation is not None:
        officer_of = officer_of.filter(pk=organisation.pk)
    return officer_of.exists()


def user_is_organisation_admin(user: AnyUser, organisation: Organisation) -> bool:
    """True when ``user`` has the ``admin`` role in ``organisation``."""
    return (
        user_organisations(user, roles=[MembershipRole.ADMIN]).filter(pk=organisation.pk).exists()
    )


def user_can_manage_members(user: AnyUser, organisation: Organisation) -> bool:
    """Organisation admins of ``organisation`` and platform admins manage its members."""
    return user_is_platform_admin(user) or user_is_organisation_admin(user, organisation)


def user_has_current_consent(user: User) -> bool:
    """True when ``user`` consented to the account purpose under the notice now in force."""
    return ConsentRecord.objects.filter(
        user=user,
        purpose=ConsentPurpose.ACCOUNT,
        notice_version=privacy_notice.PRIVACY_NOTICE_VERSION,
        withdrawn_at__isnull=True,
    ).exists()


def organisation_list(
    *, type: str | None = None, q: str | None = None, area_code: str | None = None
) -> QuerySet[Organisation]:
    """Active organisations for public pages and the API, filtered by type, text and area code.

    ``q`` matches Thai or English name or slug (substring, case-insensitive); ``area_code`` matches
    a responsibility area by its DOPA code, e.g. ``"50"`` for Chiang Mai.
    """
    found = Organisation.objects.active().select_related("parent")
    if type:
        found = found.filter(type=type)
    if q:
        text = q.strip()
        found = found.filter(
            Q(name_th__icontains=text) | Q(name_en__icontains=text) | Q(slug__icontains=text)
        )
    if area_code:
        found = found.filter(areas__code=area_code.strip()).distinct()
    return found.prefetch_related("areas").order_by("name_th", "pk")


def organisation_get(*, slug: str) -> Organisation | None:
    """The active organisation with ``slug`` (with parent, children and areas), or None."""
    return (
        Organisation.objects.active()
        .select_related("parent")
        .prefetch_related(
            "areas",
            Prefetch("children", queryset=Organisation.objects.active().order_by("name_th")),
        )
        .filter(slug=slug)
        .first()
    )


def organisation_ancestors(organisation: Organisation) -> list[Organisation]:
    """Parent chain from the top (ministry) down to the direct parent of ``organisation``."""
    chain: list[Organisation] = []
    seen = {organisation.pk}
    current = organisation.parent
    while current is not None and current.pk not in seen:
        chain.append(current)
        seen.add(current.pk)
        current = current.parent
    return list(reversed(chain))


def organisation_memberships(organisation: Organisation) -> QuerySet[Membership]:
    """Members of ``organisation`` with their users; for member-management pages only."""
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__email")
    )


def deletion_requests_pending() -> QuerySet[DeletionRequest]:
    """Deletion requests waiting for a platform admin, oldest first."""
    return (
        DeletionRequest.objects.filter(status=DeletionRequestStatus.PENDING)
        .select_related("user")
        .order_by("requested_at")
    )


def _iso(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value is not None else None


def user_export_data(*, user: User) -> dict[str, Any]:
    """Everything the accounts app holds about ``user`` as JSON-ready data (PDPA right of access).

    Only the user's own rows: profile, consents, memberships (organisation and role, no fellow
    members) and deletion requests. Times are ISO 8601 in Thai time.
    """
    return {
        "format": "opengov-accounts-export",
        "version": 1,
        "exported_at": _iso(timezone.now()),
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "is_moderator": user.is_moderator,
        },
        "consents": [
            {
                "purpose": consent.purpose,
                "notice_version": consent.notice_version,
                "given_at": _iso(consent.given_at),
                "withdrawn_at": _iso(consent.withdrawn_at),
            }
            for consent in user.consents.order_by("given_at", "pk")
        ],
        "memberships": [
            {
                "organisation": membership.organisation.slug,
                "organisation_name_th": membership.organisation.name_th,
                "organisation_name_en": membership.organisation.name_en,
                "role": membership.role,
                "since": _iso(membership.created_at),
            }
            for membership in user.memberships.select_related("organisation").order_by(
                "organisation__slug"
            )
        ],
        "deletion_requests": [
            {
                "status": request.status,
                "reason": request.reason,
                "requested_at": _iso(request.requested_at),
                "completed_at": _iso(request.completed_at),
            }
            for request in user.deletion_requests.order_by("requested_at", "pk")
        ],
    }
