"""Thai national ID number (13 digits, checksum): pure, no Django import.

Checksum: ``s = Σ d_i × (14 − i)`` for the first twelve digits, check digit ``(11 − s mod 11) mod 10``.
Numbers starting with 0 or 9 (given to non-Thai residents) are accepted: they vote in PB too.
"""

from __future__ import annotations

SEPARATORS = (" ", "-", "\u00a0")


def national_id_normalise(text: str) -> str | None:
    """The thirteen digits of a valid number (spaces and hyphens dropped), else ``None``."""
    digits = text.strip()
    for separator in SEPARATORS:
        digits = digits.replace(separator, "")
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        return None
    total = sum(int(digit) * (13 - index) for index, digit in enumerate(digits[:12]))
    return digits if (11 - total % 11) % 10 == int(digits[12]) else None
