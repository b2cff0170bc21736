"""PDPA write paths: consent, account deletion requests and anonymisation."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opengov.accounts import privacy_notice
from opengov.accounts.models import (
    ConsentRecord,
    DeletionRequest,
    DeletionRequestStatus,
    User,
)
from opengov.accounts.privacy_notice import ConsentPurpose
from opengov.accounts.selectors import user_is_platform_admin


@transaction.atomic
def consent_give(
    *,
    user: User,
    purpose: str = ConsentPurpose.ACCOUNT,
    notice_version: str | None = None,
) -> ConsentRecord:
    """Record that ``user`` consents to ``purpose`` under ``notice_version`` (now)."""
    record = ConsentRecord(
        user=user,
        purpose=purpose,
        notice_version=notice_version or privacy_notice.PRIVACY_NOTICE_VERSION,
        given_at=timezone.now(),
    )
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def deletion_request_create(*, user: User, reason: str = "") -> DeletionRequest:
    """Ask for the account to be deleted: records the request and stops sign-in at once.

    The edge must have checked the user's password. Existing sessions stop working because an
    inactive user is not authenticated by the model backend.
    """
    if DeletionRequest.objects.filter(user=user, status=DeletionRequestStatus.PENDING).exists():
        raise ValidationError(_("A deletion request for this account is already pending."))
    request = DeletionRequest(user=user, reason=reason, requested_at=timezone.now())
    request.full_clean()
    request.save()
    user.is_active = False
    user.save(update_fields=["is_active"])
    return request


@transaction.atomic
def deletion_request_cancel(*, deletion_request: DeletionRequest, performed_by: User) -> None:
    """A platform admin cancels a pending request and lets the user sign in again."""
    _require_platform_admin(performed_by)
    deletion_request = DeletionRequest.objects.select_for_update().get(pk=deletion_request.pk)
    if deletion_request.status != DeletionRequestStatus.PENDING:
        raise ValidationError(_("Only a pending deletion request can be cancelled."))
    deletion_request.status = DeletionRequestStatus.CANCELLED
    deletion_request.completed_at = timezone.now()
    deletion_request.completed_by = performed_by
    deletion_request.save(update_fields=["status", "completed_at", "completed_by"])
    User.objects.filter(pk=deletion_request.user_id, anonymised_at__isnull=True).update(
        is_active=True
    )


@transaction.atomic
def deletion_request_carry_out(*, deletion_request: DeletionRequest, performed_by: User) -> None:
    """A platform admin carries out a pending request: the user is anonymised (see below)."""
    _require_platform_admin(performed_by)
    deletion_request = DeletionRequest.objects.select_for_update().get(pk=deletion_request.pk)
    if deletion_request.status != DeletionRequestStatus.PENDING:
        raise ValidationError(_("Only a pending deletion request can be carried out."))
    user_anonymise(user=deletion_request.user)
    deletion_request.status = DeletionRequestStatus.COMPLETED
    deletion_request.reason = ""
    deletion_request.completed_at = timezone.now()
    deletion_request.completed_by = performed_by
    deletion_request.save(update_fields=["status", "reason", "completed_at", "completed_by"])


@transaction.atomic
def user_anonymise(*, user: User) -> User:
    """Remove every personal field of ``user`` and keep the row, so that records other apps hold
    (reports, comments, ledger entries) stay and point at an anonymous account.

    Clears e-mail (replaced by ``deleted-<id>@invalid``), names, phone, password, roles, group and
    permission grants, memberships and the free-text reasons of deletion requests. Open sessions die with the password: Django checks a hash of
    it on every request. Consent records stay as evidence of lawful processing; they hold no
    personal data once the user row is anonymous.
    """
    now = timezone.now()
    user.email = f"deleted-{user.pk}@invalid"
    user.first_name = ""
    user.last_name = ""
    user.display_name = ""
    user.phone = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.is_moderator = False
    user.last_login = None
    user.anonymised_at = now
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    user.memberships.all().delete()
    user.deletion_requests.update(reason="")
    return user


def _require_platform_admin(user: User | AnonymousUser) -> None:
    if not user_is_platform_admin(user):
        raise PermissionDenied
