"""Write paths of the accounts app: the only way other apps and the edges change accounts data."""

from __future__ import annotations

from opengov.accounts.services.organisations import (
    membership_add,
    membership_change_role,
    membership_remove,
    organisation_upsert,
)
from opengov.accounts.services.privacy import (
    consent_give,
    deletion_request_cancel,
    deletion_request_carry_out,
    deletion_request_create,
    user_anonymise,
)
from opengov.accounts.services.users import user_sign_up, user_update_profile

__all__ = [
    "consent_give",
    "deletion_request_cancel",
    "deletion_request_carry_out",
    "deletion_request_create",
    "membership_add",
    "membership_change_role",
    "membership_remove",
    "organisation_upsert",
    "user_anonymise",
    "user_sign_up",
    "user_update_profile",
]
