"""Background work of the LINE channel: photo downloads, status pushes, clean-up (django-tasks)."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Final

from django.utils import timezone, translation
from django_tasks import task
from linebot.v3.messaging import ApiException, PushMessageRequest

from opengov.core.scheduling import periodic
from opengov.reports.line.client import messaging_api, messaging_blob_api
from opengov.reports.line.links import public_link
from opengov.reports.line.models import (
    LineConversation,
    LineConversationPhoto,
    LineWebhookEvent,
)
from opengov.reports.line.texts import status_update
from opengov.reports.models import Channel, ReportFollower
from opengov.reports.reporter_links import reporter_url
from opengov.reports.selectors import report_public_get, report_timeline

logger = logging.getLogger(__name__)

MAX_PHOTO_BYTES: Final = 10 * 1024 * 1024
EVENT_ID_KEPT: Final = timedelta(days=30)  # far longer than LINE keeps redelivering an event
HTTP_CONFLICT: Final = 409  # the same X-Line-Retry-Key was accepted before: already sent


@task()
def line_photo_fetch(photo_id: int) -> bool:
    """Download a photo a user sent from LINE (``MessagingApiBlob.get_message_content``) into the
    draft; a photo that cannot be fetched is marked failed and left out of the report."""
    photo = LineConversationPhoto.objects.filter(pk=photo_id).first()
    if photo is None or photo.content is not None:
        return False  # the draft was cancelled, or the photo is already here
    try:
        with messaging_blob_api() as blob_api:
            content = bytes(blob_api.get_message_content(message_id=photo.message_id))
    except Exception:  # LINE refused or the network failed: go on without this photo
        logger.exception("LINE photo %s could not be downloaded", photo.message_id)
        content = b""
    if not content or len(content) > MAX_PHOTO_BYTES:
        LineConversationPhoto.objects.filter(pk=photo_id).update(failed=True)
        return False
    LineConversationPhoto.objects.filter(pk=photo_id).update(content=content)
    return True


@task()
def line_status_push(
    report_id: int, transition_id: int, transition_uuid: str, to: str = ""
) -> bool:
    """Push one status change to the LINE user who made the report (``to`` empty, with their
    private link) or to a LINE user following it (``to``), with a retry key from the
    transition's UUID (for a follower: a UUID5 of it and their id) so that a retried task never
    sends the message twice."""
    report = report_public_get(report_id)
    if report is None:
        return False
    private_url = ""
    if to:
        if not ReportFollower.objects.filter(report=report, line_user_id=to).exists():
            return False  # unfollowed since
        retry_key = str(uuid.uuid5(uuid.UUID(transition_uuid), to))
    else:
        if (
            report.channel != Channel.LINE
            or not report.channel_user_ref
            or not report.reporter_notifications
        ):
            return False
        to, retry_key = report.channel_user_ref, transition_uuid
        private_url = reporter_url(report)
    step = next((t for t in report_timeline(report) if t.pk == transition_id), None)
    if step is None:
        return False
    with translation.override("th"):
        message = status_update(
            number=report.pk,
            category=report.get_category_display(),
            status=step.get_to_status_display(),
            note=step.note,
            url=public_link("reports:detail", pk=report.pk),
            private_url=private_url,
        )
    request = PushMessageRequest(to=to, messages=[message])
    try:
        with messaging_api() as api:
            api.push_message(request, x_line_retry_key=retry_key)
    except ApiException as error:
        if error.status != HTTP_CONFLICT:
            raise
    return True


@periodic("*/15 * * * *", name="reports.line_cleanup")
@task()
def line_cleanup() -> int:
    """Delete expired drafts (with their photos) and old de-duplication rows; returns the count
    of drafts deleted."""
    now = timezone.now()
    _, deleted = LineConversation.objects.filter(expires_at__lte=now).delete()
    LineWebhookEvent.objects.filter(received_at__lt=now - EVENT_ID_KEPT).delete()
    return deleted.get(LineConversation._meta.label, 0)
