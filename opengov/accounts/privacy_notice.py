"""The privacy notice in force and the purposes people consent to (PDPA, B.E. 2562)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# Change this (and the notice text in templates/accounts/privacy/notice.html) to ask every signed-in
# user to consent again; the date is the day the new text takes effect.
PRIVACY_NOTICE_VERSION = "2026-11-01"


class ConsentPurpose(models.TextChoices):
    """Why we process personal data; one consent record per purpose and notice version."""

    ACCOUNT = "account", _("Running my account as described in the privacy notice")
