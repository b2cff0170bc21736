"""Citizen reports of burning and smoke, their photos, their public history and their followers.

Personal data (PDPA) lives only in the fields marked *private*: the reporter, the contact fields,
``channel_user_ref``, the original photos with their EXIF location. Public pages, the API and
exports read reports through ``opengov.reports.selectors.public`` only, which never touches them.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from opengov.reports import lifecycle


class Category(models.TextChoices):
    """Open311 ``service_code`` = the value."""

    FARM_BURNING = "farm_burning", _("Burning of farmland")
    FOREST_FIRE = "forest_fire", _("Forest fire")
    WASTE_BURNING = "waste_burning", _("Waste burning")
    FACTORY_SMOKE = "factory_smoke", _("Factory smoke")
    VEHICLE_SMOKE = "vehicle_smoke", _("Vehicle smoke")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    SUBMITTED = lifecycle.SUBMITTED, _("Submitted")
    ACKNOWLEDGED = lifecycle.ACKNOWLEDGED, _("Acknowledged")
    IN_PROGRESS = lifecycle.IN_PROGRESS, _("In progress")
    RESOLVED = lifecycle.RESOLVED, _("Resolved")
    REFERRED = lifecycle.REFERRED, _("Referred to another agency")
    NOT_RELEVANT = lifecycle.NOT_RELEVANT, _("Not relevant")
    DUPLICATE = lifecycle.DUPLICATE, _("Duplicate")
    REOPENED = lifecycle.REOPENED, _("Re-opened")


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    OPEN311 = "open311", _("Open311 API")
    LINE = "line", _("LINE")


class Report(models.Model):
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    address = models.CharField(_("address or landmark"), max_length=300, blank=True)
    seen_at = models.DateTimeField(_("time seen"))
    description = models.TextField(_("description"), max_length=4000, blank=True)
    country_code = models.CharField(_("country"), max_length=3, blank=True)
    province_code = models.CharField(_("province code"), max_length=16, blank=True)
    district_code = models.CharField(_("district code"), max_length=16, blank=True)
    area_name_th = models.CharField(_("area (Thai)"), max_length=300, blank=True)
    area_name_en = models.CharField(_("area (English)"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_reports",
    )
    # Private: who reported and how to reach them.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reporter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    channel_user_ref = models.CharField(
        _("channel user reference"),
        max_length=100,
        blank=True,
        help_text=_("Private: e.g. the LINE user id or the Open311 account id."),
    )
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=100, null=True, blank=True, unique=True, editable=False
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    referred_from = models.ForeignKey(
        "self",
        verbose_name=_("referred from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("reporter's rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    reopen_count = models.PositiveSmallIntegerField(_("times re-opened"), default=0)
    reporter_notifications = models.BooleanField(
        _("notify the reporter"),
        default=True,
        help_text=_("Off when the reporter stopped the messages about this report."),
    )
    corroborating_detections = models.PositiveIntegerField(
        _("satellite detections within 1 km and 12 hours"), default=0
    )
    corroboration_checked_at = models.DateTimeField(
        _("corroboration checked at"), null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ("-submitted_at", "-id")
        indexes = [
            models.Index(fields=["organisation", "status"], name="reports_org_status"),
            models.Index(fields=["category", "submitted_at"], name="reports_cat_time"),
            models.Index(fields=["lat", "lon"], name="reports_lat_lon"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_category_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in lifecycle.OPEN_STATES

    @property
    def open311_status(self) -> str:
        return lifecycle.open311_status(self.status)


class PhotoKind(models.TextChoices):
    REPORT = "report", _("Photo of the incident")
    AFTER = "after", _("After-photo (resolution)")


class ReportPhoto(models.Model):
    """A photo: a re-encoded public copy without any metadata, and the original as uploaded
    (*private*, with its EXIF location and time) for the responsible organisation only."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    kind = models.CharField(_("kind"), max_length=8, choices=PhotoKind.choices)
    public_path = models.CharField(max_length=200)
    public_sha256 = models.CharField(max_length=64)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    original_path = models.CharField(max_length=200)
    original_sha256 = models.CharField(max_length=64)
    original_content_type = models.CharField(max_length=32)
    exif_lat = models.FloatField(null=True, blank=True)
    exif_lon = models.FloatField(null=True, blank=True)
    exif_taken_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report photo")
        verbose_name_plural = _("report photos")
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return f"{self.report_id}/{self.uuid}"


class ReportTransition(models.Model):
    """One step of a report's public history (who acted is a role, never a person)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_role = models.CharField(max_length=16)  # reporter, officer, moderator, system
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(max_length=2000, blank=True)
    photo = models.ForeignKey(
        ReportPhoto, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("report transition")
        verbose_name_plural = _("report transitions")
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return f"{self.report_id}: {self.from_status} → {self.to_status}"


class ReportFollower(models.Model):
    """Someone notified of every step of a report (the "follow this one instead" action)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(blank=True)  # private; empty for a signed-in follower
    line_user_id = models.CharField(max_length=64, blank=True)  # private: a LINE follower
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report follower")
        verbose_name_plural = _("report followers")
        constraints = [
            models.UniqueConstraint(fields=["report", "user"], name="reports_follow_once_user"),
            models.UniqueConstraint(
                fields=["report", "email"],
                condition=~models.Q(email=""),
                name="reports_follow_once_email",
            ),
            models.UniqueConstraint(
                fields=["report", "line_user_id"],
                condition=~models.Q(line_user_id=""),
                name="reports_follow_once_line",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id}"
