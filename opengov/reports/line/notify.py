"""The ``line`` notifier: every status change of a report made through LINE is pushed to the
reporter's LINE chat by a background task (``X-Line-Retry-Key`` = the transition's UUID), unless
the reporter stopped the messages; LINE users who follow a report ("follow this one instead") get
each step too (retry key derived from the transition's UUID and their user id)."""

from __future__ import annotations

from opengov.reports.line.client import line_ready
from opengov.reports.line.tasks import line_status_push
from opengov.reports.models import Channel, ReportFollower
from opengov.reports.selectors import report_public_get, report_timeline
from opengov.reports.services.notify import ReportNotice, notifier_register


@notifier_register("line")
def line_notify(notice: ReportNotice) -> None:
    """Queue the pushes for ``notice``. For the reporter the first step (the report being
    received) is skipped: the bot's reply to the confirmation already announced it."""
    if not line_ready():
        return
    report = report_public_get(notice.report_id)
    if report is None:
        return
    if report.channel == Channel.LINE and report.channel_user_ref and report.reporter_notifications:
        timeline = report_timeline(report)
        if timeline and timeline[0].pk != notice.transition_id:
            line_status_push.enqueue(notice.report_id, notice.transition_id, notice.transition_uuid)
    followers = ReportFollower.objects.filter(report=report).exclude(line_user_id="")
    for line_user_id in followers.values_list("line_user_id", flat=True).order_by("id"):
        if line_user_id != report.channel_user_ref:
            line_status_push.enqueue(
                notice.report_id, notice.transition_id, notice.transition_uuid, to=line_user_id
            )
