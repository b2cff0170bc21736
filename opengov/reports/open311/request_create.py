"""``POST requests``: a form-encoded (or multipart) Open311 service request → ``report_submit``.

* ``service_code`` = a report category; location = ``lat`` + ``long`` or ``address_string``
  (``address_id`` is refused: we hold no address register).
* ``attribute[SEEN_AT]`` = when the incident was seen (default: now).
* ``email``, ``phone``, ``first_name`` + ``last_name``, ``account_id``/``device_id`` are private
  contact data. Open311 makes all of them optional, so the key's application is the contact
  channel of last resort (``channel_user_ref = open311:<key id>[:<account or device id>]``).
* ``media`` (multipart, one or more files) are the report's photos; ``media_url`` is accepted and
  ignored: this server never fetches remote files and stores no third-party URL.
* An ``Idempotency-Key`` header (or an ``idempotency_key`` field) makes retries safe: the same
  key of the same API key returns the first request's id instead of a second report."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Final

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict
from django.utils import translation

from opengov.reports.models import Open311ApiKey
from opengov.reports.open311 import errors
from opengov.reports.open311.catalogue import PRIVACY, SEEN_AT, service_codes
from opengov.reports.open311.errors import Open311Error, Problem, problem
from opengov.reports.open311.wire import w3c_datetime_parse
from opengov.reports.services import SubmitResult, report_submit

MAX_DESCRIPTION: Final = 4000
_ATTRIBUTE = re.compile(r"^attribute\[(?P<code>[^\]]+)\](?:\[\])?$")
# report_submit's field names → the Open311 argument the client sent.
_WIRE_FIELDS: Final = {
    "lat": "lat",
    "lon": "long",
    "seen_at": f"attribute[{SEEN_AT}]",
    "contact_email": "email",
    "contact_phone": "phone",
    "contact_name": "first_name",
    "description": "description",
    "address": "address_string",
    "photos": "media",
    "category": "service_code",
    "channel_user_ref": "account_id",
}


def _service_code(params: QueryDict) -> str:
    code = params.get("service_code", "").strip()
    if not code:
        raise Open311Error(400, [problem(errors.SERVICE_CODE_MISSING)])
    if code not in service_codes():
        raise Open311Error(404, [problem(errors.SERVICE_CODE_UNKNOWN, value=code)])
    return code


def _location(params: QueryDict, found: list[Problem]) -> tuple[float | None, float | None, str]:
    lat_text, lon_text = params.get("lat", "").strip(), params.get("long", "").strip()
    address = params.get("address_string", "").strip()
    if bool(lat_text) != bool(lon_text):
        found.append(problem(errors.LAT_LONG_PAIR))
        return None, None, address
    if not lat_text:
        if not address:
            unsupported = params.get("address_id", "").strip()
            found.append(
                problem(errors.ADDRESS_ID_UNSUPPORTED if unsupported else errors.LOCATION_MISSING)
            )
        return None, None, address
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        lat = lon = math.nan
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # NaN fails both
        found.append(problem(errors.LAT_LONG_INVALID))
        return None, None, address
    return lat, lon, address


def _seen_at(params: QueryDict, now: datetime, found: list[Problem]) -> datetime:
    seen_at = now
    for name in params:
        match = _ATTRIBUTE.match(name)
        if match is None:
            continue
        attribute = match["code"]
        if attribute == PRIVACY:
            found.append(problem(errors.ATTRIBUTE_NOT_INPUT, value=attribute))
        elif attribute != SEEN_AT:
            found.append(problem(errors.ATTRIBUTE_UNKNOWN, value=attribute))
        elif text := params.get(name, "").strip():
            try:
                seen_at = w3c_datetime_parse(text)
            except ValueError:
                found.append(problem(errors.SEEN_AT_INVALID))
    return seen_at


def _channel_ref(params: QueryDict, api_key: Open311ApiKey) -> str:
    client_ref = (params.get("account_id", "") or params.get("device_id", "")).strip()
    return f"open311:{api_key.pk}:{client_ref}"[:100] if client_ref else f"open311:{api_key.pk}"


def _idempotency(presented: str, api_key: Open311ApiKey) -> str | None:
    """Namespaced per API key and hashed, so clients can neither collide nor probe each other."""
    if not presented.strip():
        return None
    digest = hashlib.sha256(f"{api_key.pk}:{presented.strip()}".encode()).hexdigest()
    return f"open311:{digest[:48]}"


def _submit_problems(error: ValidationError) -> list[Problem]:
    found = []
    for field, messages in error.message_dict.items():
        for message in messages:
            wire = _WIRE_FIELDS.get(field, field)
            found.append(
                Problem(
                    errors.FIELD_PROBLEM,
                    {"field": wire, "message": str(message)},
                    frozenset({"message"}),
                )
            )
    return found


def service_request_create(
    *,
    params: QueryDict,
    media: Sequence[UploadedFile],
    api_key: Open311ApiKey,
    idempotency_key: str,
    now: datetime,
) -> SubmitResult:
    """Check the arguments (every problem at once), then submit the report through the channel-
    neutral service. Raises ``Open311Error``: 404 for an unknown ``service_code``, else 400."""
    code = _service_code(params)
    found: list[Problem] = []
    lat, lon, address = _location(params, found)
    description = params.get("description", "")
    if len(description) > MAX_DESCRIPTION:
        found.append(problem(errors.DESCRIPTION_TOO_LONG))
    seen_at = _seen_at(params, now, found)
    if found:
        raise Open311Error(400, found)
    name = " ".join(params.get(n, "").strip() for n in ("first_name", "last_name")).strip()
    # Messages in English (the source strings; lazy ones too), translated for description_th.
    with translation.override("en"):
        try:
            return report_submit(
                channel="open311",
                category=code,
                seen_at=seen_at,
                lat=lat,
                lon=lon,
                address=address,
                description=description,
                contact_name=name[:150],
                contact_email=params.get("email", "").strip(),
                contact_phone=params.get("phone", "").strip()[:32],
                channel_user_ref=_channel_ref(params, api_key),
                photos=[upload.read() for upload in media],
                idempotency_key=_idempotency(idempotency_key, api_key),
            )
        except ValidationError as invalid:
            raise Open311Error(400, _submit_problems(invalid)) from invalid
