"""Open311 errors (specs/reporting.md §1.7): an HTTP status and an array of ``{code,
description}`` entries; we add ``description_th``. Descriptions are English source strings of the
reports catalogue, so the Thai text comes from the same translation as everywhere else."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from opengov.reports.open311.wire import WireValue, error_entry

# The standard's own sentence, word for word.
API_KEY_INVALID: Final = _("Invalid api_key received -- can't proceed with create_request.")
FORMAT_UNKNOWN: Final = _("Format '%(value)s' is not supported: use xml or json.")
JURISDICTION_UNKNOWN: Final = _("jurisdiction_id '%(value)s' not found.")
SERVICE_CODE_MISSING: Final = _("service_code was not provided.")
SERVICE_CODE_UNKNOWN: Final = _("service_code '%(value)s' not found.")
REQUEST_NOT_FOUND: Final = _("service_request_id '%(value)s' not found.")
TOKEN_NOT_FOUND: Final = _("token '%(value)s' not found.")
LOCATION_MISSING: Final = _("Location was not provided: send lat and long, or address_string.")
LAT_LONG_PAIR: Final = _("lat and long must be sent together.")
LAT_LONG_INVALID: Final = _(
    "lat and long must be WGS84 decimal degrees (lat -90 to 90, long -180 to 180)."
)
ADDRESS_ID_UNSUPPORTED: Final = _(
    "address_id is not supported here: send lat and long, or address_string."
)
DESCRIPTION_TOO_LONG: Final = _("description is longer than 4,000 characters.")
ATTRIBUTE_UNKNOWN: Final = _("attribute[%(value)s] is not an attribute of this service.")
ATTRIBUTE_NOT_INPUT: Final = _("attribute[%(value)s] is information only, not an input.")
SEEN_AT_INVALID: Final = _(
    "attribute[SEEN_AT] must be an ISO 8601 date and time with a timezone, "
    "e.g. 2026-12-05T09:30:00+07:00."
)
DATE_INVALID: Final = _(
    "%(value)s must be a W3C date and time with a timezone, e.g. 2010-01-01T00:00:00Z."
)
DATE_ORDER: Final = _("start_date must be before end_date.")
DATE_SPAN: Final = _("start_date and end_date may not span more than 90 days.")
STATUS_INVALID: Final = _("status must be open or closed (or both, comma separated).")
PAGE_INVALID: Final = _("page must be a whole number from 1.")
PAGE_SIZE_INVALID: Final = _("page_size must be a whole number from 1 to 500.")
RATE_LIMITED: Final = _(
    "Too many new service requests with this api_key: at most %(value)s an hour."
)
METHOD_NOT_ALLOWED: Final = _("Method %(value)s is not allowed here.")
FIELD_PROBLEM: Final = _("%(field)s: %(message)s")


@dataclass(frozen=True)
class Problem:
    message: Promise | str
    params: dict[str, str] = field(default_factory=dict)
    # Params that are English source strings themselves (a service's message), not client input.
    translated: frozenset[str] = frozenset()


def _text(language: str, problem: Problem) -> str:
    with translation.override(language):
        params = {
            key: gettext(value) if key in problem.translated else value
            for key, value in problem.params.items()
        }
        return str(problem.message) % params if problem.params else str(problem.message)


class Open311Error(Exception):
    """Raised by the edge's parsing and checks; the view turns it into the error array."""

    def __init__(self, status: int, problems: list[Problem], *, code: int | None = None) -> None:
        super().__init__(status, problems)
        self.status = status
        self.problems = problems
        self.code = code or status

    def entries(self) -> list[WireValue]:
        return [error_entry(self.code, _text("en", p), _text("th", p)) for p in self.problems]


def problem(message: Promise | str, **params: str) -> Problem:
    return Problem(message, params)
