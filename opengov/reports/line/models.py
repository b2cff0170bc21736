"""State of the LINE channel: webhook events already processed (de-duplication) and one draft
report per LINE user while the bot conversation runs.

PDPA: the LINE ``userId`` is the only personal data kept here; a draft (with its photos) expires
after 30 minutes, and an unfollow (the user blocks the bot) deletes it at once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LineWebhookEvent(models.Model):
    """A ``webhookEventId`` already processed: a redelivered event with the same id is skipped."""

    webhook_event_id = models.CharField(max_length=64, unique=True)
    event_type = models.CharField(max_length=32)
    is_redelivery = models.BooleanField(default=False)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("LINE webhook event")
        verbose_name_plural = _("LINE webhook events")

    def __str__(self) -> str:
        return self.webhook_event_id


class Step(models.TextChoices):
    CATEGORY = "category", _("Choosing the category")
    LOCATION = "location", _("Sending the location")
    NEARBY = "nearby", _("Following a report nearby or making a new one")
    PHOTOS = "photos", _("Sending photos")
    CONFIRM = "confirm", _("Confirming")


class LineConversation(models.Model):
    """The draft report of one LINE user (private: ``user_id`` is personal data)."""

    user_id = models.CharField(max_length=64, unique=True)
    step = models.CharField(max_length=16, choices=Step.choices, default=Step.CATEGORY)
    category = models.CharField(max_length=32, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    address = models.CharField(max_length=300, blank=True)
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("LINE conversation")
        verbose_name_plural = _("LINE conversations")

    def __str__(self) -> str:
        return f"{self.pk} {self.step}"


class LineConversationPhoto(models.Model):
    """A photo sent during a conversation; ``content`` stays empty until the background task has
    downloaded it from LINE."""

    conversation = models.ForeignKey(
        LineConversation, on_delete=models.CASCADE, related_name="photos"
    )
    message_id = models.CharField(max_length=64, unique=True)
    image_set_id = models.CharField(max_length=64, blank=True)
    content = models.BinaryField(null=True, blank=True)
    failed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("LINE conversation photo")
        verbose_name_plural = _("LINE conversation photos")
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return self.message_id
