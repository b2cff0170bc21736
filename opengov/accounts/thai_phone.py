"""Thai telephone numbers: parse what people type, return E.164 (``+66…``). No Django import.

Rules (NBTC numbering plan): mobile numbers are ten digits nationally, ``06``/``08``/``09`` then eight
digits; fixed lines are nine digits, ``02`` (Bangkok) or ``03``/``04``/``05``/``07`` (provinces) then
seven digits. People write them with spaces, dashes, dots or brackets, with the international prefix
(``+66``, ``0066``, ``66``) and sometimes in Thai digits (๐-๙); all of those are accepted.
"""

from __future__ import annotations

import re

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SEPARATORS = re.compile(r"[\s\-.()/]")
_MOBILE = re.compile(r"^[689]\d{8}$")
_FIXED = re.compile(r"^[2-57]\d{7}$")
E164_THAI = re.compile(r"^\+66(?:[689]\d{8}|[2-57]\d{7})$")


class InvalidThaiPhoneError(ValueError):
    """The text is not a Thai mobile or fixed-line number."""


def thai_phone_normalise(raw: str) -> str:
    """Return ``raw`` as an E.164 Thai number, e.g. ``"081-234-5678"`` → ``"+66812345678"``.

    Raises :class:`InvalidThaiPhoneError` for anything else (foreign numbers, short codes such as
    1669, wrong lengths, letters).
    """
    text = _SEPARATORS.sub("", raw.strip().translate(_THAI_DIGITS))
    if text.startswith("+66"):
        national = text[3:]
    elif text.startswith("0066"):
        national = text[4:]
    elif text.startswith("66") and len(text) in (10, 11):
        national = text[2:]
    elif text.startswith("0"):
        national = text[1:]
    else:
        raise InvalidThaiPhoneError(raw)
    # "+66 0 81…" is a common mix of the two formats.
    if national.startswith("0") and len(national) in (9, 10):
        national = national[1:]
    if not national.isdigit() or not (_MOBILE.match(national) or _FIXED.match(national)):
        raise InvalidThaiPhoneError(raw)
    return f"+66{national}"


def thai_phone_is_e164(value: str) -> bool:
    """True when ``value`` is already a normalised Thai E.164 number."""
    return bool(E164_THAI.match(value))
