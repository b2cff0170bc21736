from __future__ import annotations

from opengov.reports.line.models import LineConversation, LineConversationPhoto, LineWebhookEvent
from opengov.reports.models.moderation import ReporterBlock, ReportFlag
from opengov.reports.models.open311_keys import Open311ApiKey
from opengov.reports.models.reports import (
    Category,
    Channel,
    PhotoKind,
    Report,
    ReportFollower,
    ReportPhoto,
    ReportTransition,
    Status,
)
from opengov.reports.models.routing import AreaRoute, CategoryRoute

__all__ = [
    "AreaRoute",
    "Category",
    "CategoryRoute",
    "Channel",
    "LineConversation",
    "LineConversationPhoto",
    "LineWebhookEvent",
    "Open311ApiKey",
    "PhotoKind",
    "Report",
    "ReportFlag",
    "ReportFollower",
    "ReportPhoto",
    "ReportTransition",
    "ReporterBlock",
    "Status",
]
