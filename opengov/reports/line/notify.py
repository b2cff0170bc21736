"""The ``line`` notifier: every status change of a report made through LINE is pushed to the
reporter's LINE chat by a background task (``X-Line-Retry-Key`` = the transition's UUID)."""

from __future__ import annotations

from opengov.reports.line.client import line_ready
from opengov.reports.line.tasks import line_status_push
from opengov.reports.models import Channel
from opengov.reports.selectors import report_public_get, report_timeline
from opengov.reports.services.notify import ReportNotice, notifier_register


@notifier_register("line")
def line_notify(notice: ReportNotice) -> None:
    """Queue a push for ``notice`` when the report came from LINE. The first step (the report
    being received) is skipped: the bot's reply to the confirmation already announced it."""
    if not line_ready():
        return
    report = report_public_get(notice.report_id)
    if report is None or report.channel != Channel.LINE or not report.channel_user_ref:
        return
    timeline = report_timeline(report)
    if not timeline or timeline[0].pk == notice.transition_id:
        return
    line_status_push.enqueue(
        report_id=notice.report_id,
        transition_id=notice.transition_id,
        transition_uuid=notice.transition_uuid,
    )
