"""Sign-up and profile changes."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from opengov.accounts import privacy_notice
from opengov.accounts.models import ConsentRecord, User
from opengov.accounts.privacy_notice import ConsentPurpose


@transaction.atomic
def user_sign_up(
    *,
    email: str,
    password: str,
    display_name: str = "",
    phone: str = "",
    preferred_language: str = "th",
    notice_version: str | None = None,
) -> User:
    """Create a citizen account and record the account consent given on the sign-up form.

    ``phone`` must already be normalised (``+66…``) or empty; the password must have passed the
    password validators at the edge. Raises ``ValidationError`` when a field breaks a model rule
    (e.g. the e-mail is taken).
    """
    user = User(
        email=User.objects.normalize_email(email).lower(),
        display_name=display_name,
        phone=phone,
        preferred_language=preferred_language,
    )
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    consent = ConsentRecord(
        user=user,
        purpose=ConsentPurpose.ACCOUNT,
        notice_version=notice_version or privacy_notice.PRIVACY_NOTICE_VERSION,
        given_at=timezone.now(),
    )
    consent.full_clean()
    consent.save()
    return user


@transaction.atomic
def user_update_profile(
    *, user: User, display_name: str, phone: str, preferred_language: str
) -> User:
    """Change the fields people edit on their profile page (``phone`` normalised or empty)."""
    user.display_name = display_name
    user.phone = phone
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "phone", "preferred_language"])
    return user
