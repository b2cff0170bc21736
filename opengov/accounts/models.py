"""Users (signed in by e-mail), organisations, memberships and PDPA records."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from opengov.accounts.privacy_notice import ConsentPurpose
from opengov.accounts.thai_phone import thai_phone_is_e164

# Deep enough for ministry → department → bureau → regional office → provincial office → unit.
ORGANISATION_MAX_DEPTH = 8


def validate_thai_e164(value: str) -> None:
    if value and not thai_phone_is_e164(value):
        raise ValidationError(
            _("Enter a Thai phone number in the form +66812345678."), code="invalid_phone"
        )


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person. Signs in with e-mail; platform admins are ``is_staff``/``is_superuser``."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    phone = models.CharField(
        _("phone"),
        max_length=16,
        blank=True,
        validators=[validate_thai_e164],
        help_text=_("Stored in international form, e.g. +66812345678."),
    )
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="th"
    )
    is_moderator = models.BooleanField(_("moderator"), default=False)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email


class OrganisationType(models.TextChoices):
    GOVERNMENT_AGENCY = "government_agency", _("Government agency")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    COMPANY = "company", _("Company")
    CIVIL_SOCIETY = "civil_society", _("Civil-society group")
    COMMUNITY = "community", _("Community")
    ACADEMIC = "academic", _("Academic institution")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def active(self) -> OrganisationQuerySet:
        return self.filter(is_active=True)


class Organisation(models.Model):
    """An agency, local government, company, civil-society group, community or academic body.

    ``parent`` builds the hierarchy (ministry → department → provincial office); ``clean`` refuses a
    parent that would make a cycle. Contact fields are the organisation's public contact, never a
    member's personal data.
    """

    type = models.CharField(_("type"), max_length=32, choices=OrganisationType.choices)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=64, blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.TextField(_("address"), blank=True)
    areas = models.ManyToManyField(
        "geo.Area",
        verbose_name=_("areas of responsibility"),
        blank=True,
        related_name="organisations",
        limit_choices_to={"level__in": ["province", "district"]},
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_th"]
        indexes = [models.Index(fields=["type", "is_active"], name="accounts_org_type_active")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="accounts_org_not_own_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name_th

    @property
    def name(self) -> str:
        """The name in the active language (the Thai name when there is no English one)."""
        if (get_language() or "th").startswith("en") and self.name_en:
            return self.name_en
        return self.name_th

    def clean(self) -> None:
        super().clean()
        if self.parent_id is None:
            return
        seen: set[int] = set()
        ancestor: Organisation | None = self.parent
        depth = 0
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError(
                    {
                        "parent": _(
                            "An organisation cannot be placed under itself or its own units."
                        )
                    },
                    code="cycle",
                )
            if ancestor.pk in seen:  # an existing cycle higher up; never loop forever
                break
            seen.add(ancestor.pk)
            depth += 1
            if depth >= ORGANISATION_MAX_DEPTH:
                raise ValidationError(
                    {
                        "parent": _("The hierarchy may be at most %(depth)d levels deep.")
                        % {"depth": ORGANISATION_MAX_DEPTH}
                    },
                    code="too_deep",
                )
            ancestor = ancestor.parent


class MembershipRole(models.TextChoices):
    EDITOR = "editor", _("Editor")
    ADMIN = "admin", _("Administrator")


class Membership(models.Model):
    """A user works for an organisation as editor (officer) or admin (officer who manages members)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=MembershipRole.choices)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name_th", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="accounts_membership_unique_user_org"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=MembershipRole.values),
                name="accounts_membership_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"


class ConsentRecord(models.Model):
    """Evidence that a user consented to one purpose under one version of the privacy notice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    notice_version = models.CharField(_("privacy notice version"), max_length=32)
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]
        indexes = [
            models.Index(
                fields=["user", "purpose", "notice_version"], name="accounts_consent_lookup"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose} {self.notice_version}"


class DeletionRequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class DeletionRequest(models.Model):
    """A user asked to delete their account; sign-in stops at once, an admin carries it out."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="deletion_requests",
    )
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DeletionRequestStatus.choices,
        default=DeletionRequestStatus.PENDING,
    )
    requested_at = models.DateTimeField(_("requested at"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("completed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("deletion request")
        verbose_name_plural = _("deletion requests")
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["status", "requested_at"], name="accounts_delreq_status")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.status}"
