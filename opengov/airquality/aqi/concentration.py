"""Reading a concentration from what a feed or a caller hands us (spec §1.2 sentinels).

Rules (our reading of spec §1.2; the spec only names the sentinels):

* ``None``, ``""``, ``"-"``, ``"N/A"`` and every negative number (``-1``, ``-999``, ``-9999``) mean
  "no data" → ``None``. Negative values are never concentrations.
* Strings are stripped of surrounding whitespace (any Unicode space, e.g. NBSP) and of invisible
  format characters (BOM, zero-width space) plus the stray Thai PHINTHU U+0E3A the feed is known to
  prefix text with (spec §1.2, 68t ``areaEN``) — these are the "stray characters".
* What remains must be a plain decimal number of ASCII digits with an optional sign and one decimal
  point (``"14.3"``, ``"0.50"``, ``"37"``, ``".5"``). Anything else is garbage → ``None``: units
  (``"14.3 µg/m³"``), thousands separators, exponents, inner spaces, ``"NaN"``, ``"Infinity"``,
  Thai digits and ``bool``.
* Floats: NaN and infinities → ``None``; finite floats are read through ``repr`` so ``25.2`` stays
  ``Decimal("25.2")``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

_PLAIN_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_THAI_PHINTHU = "\u0e3a"


def _is_stray(char: str) -> bool:
    return char.isspace() or char == _THAI_PHINTHU or unicodedata.category(char) == "Cf"


def _strip_stray(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_stray(text[start]):
        start += 1
    while end > start and _is_stray(text[end - 1]):
        end -= 1
    return text[start:end]


def concentration_from(value: object) -> Decimal | None:
    """The non-negative concentration in ``value`` as a ``Decimal``, or ``None`` for missing/garbage.

    Takes ``object`` on purpose: feed data arrive untyped, and any other type is garbage too.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        number = Decimal(repr(value))
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            return None
        number = value
    elif isinstance(value, str):
        text = _strip_stray(value)
        if not _PLAIN_DECIMAL.fullmatch(text):
            return None
        number = Decimal(text)
    else:
        return None
    if number < 0:
        return None
    # Signed zero ("-0", "-0.0") is not a sentinel; normalise it to plain zero.
    return abs(number) if number.is_zero() else number
