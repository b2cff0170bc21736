"""A report as an Open311 service request (specs/reporting.md §1.6, §1.8 ``extensions=true``).

Built only from ``report_public_dict`` (the reports app's explicit public field list), and then
only the Open311 fields of it: no reporter, contact, channel reference, original photo or EXIF
location can reach the wire. The position is the report's public pin; ``media_url`` is the public,
metadata-free copy of the first photo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from opengov.reports import lifecycle
from opengov.reports.models import Report, Status
from opengov.reports.open311.wire import WireValue, w3c_datetime
from opengov.reports.selectors import report_public_dict


def _w3c(value: Any) -> str | None:
    return w3c_datetime(datetime.fromisoformat(value)) if value else None


def _note_type(step: dict[str, Any]) -> str:
    if step["from"] is None:
        return "submitted"
    if step["to"] in lifecycle.CLOSED_STATES:
        return "closed"
    if step["to"] == lifecycle.REOPENED:
        return "opened"
    return "activity"


def _notes(history: list[dict[str, Any]]) -> list[WireValue]:
    return [
        {
            "datetime": _w3c(step["datetime"]),
            "summary": str(Status(step["to"]).label),
            "type": _note_type(step),
            "description": step["note"],
        }
        for step in history
    ]


def request_wire(
    report: Report, *, absolute_url: Callable[[str], str], extensions: bool = False
) -> dict[str, WireValue]:
    """The Open311 fields of a visible report; ``absolute_url`` turns a site path into a URL."""
    data = report_public_dict(report, with_history=True)
    media = data["media_url"]
    wire: dict[str, WireValue] = {
        "service_request_id": data["service_request_id"],
        "status": data["status"],
        "status_notes": data["status_notes"],
        "service_name": data["service_name"],
        "service_code": data["service_code"],
        "description": data["description"],
        "agency_responsible": data["agency_responsible"],
        "service_notice": None,
        "requested_datetime": _w3c(data["requested_datetime"]),
        "updated_datetime": _w3c(data["updated_datetime"]),
        "expected_datetime": _w3c(data["expected_datetime"]),
        "address": data["address"],
        "address_id": None,
        "zipcode": None,
        "lat": data["lat"],
        "long": data["long"],
        "media_url": absolute_url(media) if media else None,
    }
    if extensions:
        wire["extended_attributes"] = {
            "channel": data["channel"],
            "duplicate": data["duplicate_of"],
            "parent_service_request_id": data["referred_from"],
            "corroborating_detections": data["corroborating_detections"],
        }
        wire["notes"] = _notes(data["history"])
    return wire
