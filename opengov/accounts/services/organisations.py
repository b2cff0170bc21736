"""Organisations and their members."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from opengov.accounts.models import Membership, MembershipRole, Organisation, User
from opengov.accounts.selectors import user_can_manage_members


@transaction.atomic
def organisation_upsert(
    *, slug: str, area_codes: Iterable[str] | None = None, **fields: Any
) -> tuple[Organisation, bool]:
    """Create or update the organisation with ``slug``; returns it and whether it was created.

    ``fields`` are model fields (``type``, ``name_th``, ``parent``…). When ``area_codes`` is given,
    the responsibility areas become the provinces/districts with those DOPA codes that exist (codes
    geo has not loaded yet are skipped). Validates the whole row, including the parent cycle rule.
    """
    organisation = Organisation.objects.filter(slug=slug).first()
    created = organisation is None
    if organisation is None:
        organisation = Organisation(slug=slug)
    changed = created
    for name, value in fields.items():
        if getattr(organisation, name) != value:
            setattr(organisation, name, value)
            changed = True
    if changed:
        organisation.full_clean()
        organisation.save()
    if area_codes is not None:
        # The related model is geo's Area; reaching it through the relation keeps geo's models
        # out of this app's imports.
        areas = organisation.areas.model.objects.filter(
            level__in=["province", "district"], code__in=list(area_codes)
        )
        organisation.areas.set(areas)
    return organisation, created


def _require_manager(performed_by: User | AnonymousUser, organisation: Organisation) -> None:
    if not user_can_manage_members(performed_by, organisation):
        raise PermissionDenied


def _check_role(role: str) -> None:
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Choose editor or administrator.")}, code="invalid_role")


def _keeps_an_admin(organisation: Organisation, *, without: Membership) -> bool:
    # Lock the organisation's admin rows so two admins demoting each other cannot both succeed.
    admins = list(
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=MembershipRole.ADMIN)
        .values_list("pk", flat=True)
    )
    return any(pk != without.pk for pk in admins)


@transaction.atomic
def membership_add(
    *, organisation: Organisation, email: str, role: str, performed_by: User | AnonymousUser
) -> Membership:
    """Add the existing user with ``email`` to ``organisation`` with ``role``.

    Raises ``PermissionDenied`` unless ``performed_by`` manages the organisation's members, and
    ``ValidationError`` (on field ``email``) when no such account exists or it is already a member.
    """
    _require_manager(performed_by, organisation)
    _check_role(role)
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise ValidationError(
            {"email": _("No active account uses this e-mail address; ask them to sign up first.")},
            code="no_such_user",
        )
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError(
            {"email": _("This person is already a member of the organisation.")},
            code="already_member",
        )
    membership = Membership(organisation=organisation, user=user, role=role)
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def membership_change_role(
    *, membership: Membership, role: str, performed_by: User | AnonymousUser
) -> Membership:
    """Change a member's role; the organisation must keep at least one admin."""
    _require_manager(performed_by, membership.organisation)
    _check_role(role)
    if (
        membership.role == MembershipRole.ADMIN
        and role != MembershipRole.ADMIN
        and not _keeps_an_admin(membership.organisation, without=membership)
    ):
        raise ValidationError(
            {"role": _("An organisation must keep at least one administrator.")},
            code="last_admin",
        )
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, performed_by: User | AnonymousUser) -> None:
    """Remove a member; the organisation must keep at least one admin."""
    _require_manager(performed_by, membership.organisation)
    if membership.role == MembershipRole.ADMIN and not _keeps_an_admin(
        membership.organisation, without=membership
    ):
        raise ValidationError(
            {"role": _("An organisation must keep at least one administrator.")},
            code="last_admin",
        )
    membership.delete()
