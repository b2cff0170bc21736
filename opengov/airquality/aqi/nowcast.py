"""EPA NowCast for PM2.5 and PM10 (spec §2.5; nepis.epa.gov P100X0J6, AirNow "The NowCast").

Input order: **newest first** — ``hourly_values[0]`` is the most recent hour (c1 of the EPA text),
``hourly_values[11]`` the hour eleven hours earlier. Only the first 12 entries are used. A missing
hour (``None``, a sentinel such as ``-1``, NaN) keeps its position: its weight exponent is not reused.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

from opengov.airquality.aqi.concentration import concentration_from

NOWCAST_HOURS = 12
MIN_WEIGHT = Decimal("0.5")
"""Lower bound of the weight factor for particulate matter (spec §2.5 step 2)."""


def nowcast(hourly_values: Sequence[float | str | Decimal | None]) -> float | None:
    """NowCast concentration from up to 12 hourly values, newest first; ``None`` if not valid.

    Valid only when at least 2 of the 3 most recent hours are present (spec §2.5 step 4). The result
    is not truncated: truncate (PM2.5 to 0.1, PM10 to 1) by passing it to a US scheme's
    :func:`~opengov.airquality.aqi.indices.sub_index`.
    """
    hours = [concentration_from(value) for value in hourly_values[:NOWCAST_HOURS]]
    recent_present = sum(value is not None for value in hours[:3])
    if recent_present < 2:
        return None
    present = [(age, value) for age, value in enumerate(hours) if value is not None]
    highest = max(value for _, value in present)
    if highest == 0:
        return 0.0
    with localcontext() as context:
        context.prec = 40
        lowest = min(value for _, value in present)
        weight = max(lowest / highest, MIN_WEIGHT)
        weighted_sum = sum((weight**age * value for age, value in present), Decimal(0))
        weight_total = sum((weight**age for age, _ in present), Decimal(0))
        return float(weighted_sum / weight_total)
