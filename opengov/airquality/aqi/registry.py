"""The registered schemes, lookup by id, and which scheme was in force when (spec §2 intro).

Historical values MUST be banded with the scheme valid at their time: Thai 2023 from 1 June 2023,
US 2024 PM2.5 rows from 6 May 2024. To add a scheme, see ``aqi/README.md``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from opengov.airquality.aqi.model import AqiScheme
from opengov.airquality.aqi.schemes import th_2023, th_pre2023, us_2024, us_pre2024

SCHEMES: tuple[AqiScheme, ...] = (
    th_pre2023.SCHEME,
    th_2023.SCHEME,
    us_pre2024.SCHEME,
    us_2024.SCHEME,
)
"""Every scheme, oldest first within a family."""

DEFAULT_SCHEME = th_2023.SCHEME_ID

_ALIASES = {"th-2018": th_pre2023.SCHEME_ID}
"""Other names callers use; the spec's stored ids (``th_2023``…) are matched by ``-``/``_`` folding."""

ICT = timezone(timedelta(hours=7), "ICT")
"""Thailand time (Asia/Bangkok, no daylight saving); scheme dates are ICT calendar dates."""


class UnknownSchemeError(ValueError):
    """Raised for a scheme id or family that is not registered (a programming error, not data)."""


def get_scheme(scheme_id: str) -> AqiScheme:
    """The scheme registered as ``scheme_id`` (``"th_2023"`` and ``"th-2023"`` are the same)."""
    key = scheme_id.strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    for scheme in SCHEMES:
        if scheme.scheme_id == key:
            return scheme
    known = ", ".join(scheme.scheme_id for scheme in SCHEMES)
    raise UnknownSchemeError(f"unknown AQI scheme {scheme_id!r}; known: {known}")


def scheme_for(when: date | datetime, family: str = "th") -> str:
    """Id of the ``family`` scheme in force at ``when``.

    Pass the end of the averaging period (Air4Thai's hour-ending label). A timezone-aware datetime is
    first converted to ICT; a naive datetime or a date is taken as an ICT calendar date.
    """
    if isinstance(when, datetime):
        day = when.astimezone(ICT).date() if when.tzinfo is not None else when.date()
    else:
        day = when
    candidates = [scheme for scheme in SCHEMES if scheme.family == family]
    if not candidates:
        families = ", ".join(sorted({scheme.family for scheme in SCHEMES}))
        raise UnknownSchemeError(f"unknown AQI scheme family {family!r}; known: {families}")
    for scheme in candidates:
        if scheme.is_valid_on(day):
            return scheme.scheme_id
    raise UnknownSchemeError(f"no {family!r} AQI scheme is registered for {day.isoformat()}")
