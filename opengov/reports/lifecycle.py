"""The report lifecycle (pure, no Django import): states, allowed officer transitions, and the
mapping to Open311 ``open``/``closed``.

``submitted`` → ``acknowledged`` → ``in_progress`` → ``resolved`` | ``referred`` (to another
agency; a linked report is opened there) | ``not_relevant`` | ``duplicate`` (of a kept report).
The reporter may re-open a resolved or not-relevant report within :data:`REOPEN_DAYS`
(→ ``reopened``, open again).
"""

from __future__ import annotations

from typing import Final

SUBMITTED: Final = "submitted"
ACKNOWLEDGED: Final = "acknowledged"
IN_PROGRESS: Final = "in_progress"
RESOLVED: Final = "resolved"
REFERRED: Final = "referred"
NOT_RELEVANT: Final = "not_relevant"
DUPLICATE: Final = "duplicate"
REOPENED: Final = "reopened"

OPEN_STATES: Final = frozenset({SUBMITTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED})
CLOSED_STATES: Final = frozenset({RESOLVED, REFERRED, NOT_RELEVANT, DUPLICATE})
REOPENABLE_STATES: Final = frozenset({RESOLVED, NOT_RELEVANT})
REOPEN_DAYS: Final = 14

_CLOSING: Final = frozenset({RESOLVED, REFERRED, NOT_RELEVANT, DUPLICATE})
OFFICER_TRANSITIONS: Final[dict[str, frozenset[str]]] = {
    SUBMITTED: frozenset({ACKNOWLEDGED, IN_PROGRESS}) | _CLOSING,
    ACKNOWLEDGED: frozenset({IN_PROGRESS}) | _CLOSING,
    IN_PROGRESS: _CLOSING,
    REOPENED: frozenset({ACKNOWLEDGED, IN_PROGRESS}) | _CLOSING,
}


def officer_may_move(from_state: str, to_state: str) -> bool:
    """True when an officer of the responsible organisation may move a report between states."""
    return to_state in OFFICER_TRANSITIONS.get(from_state, frozenset())


def open311_status(state: str) -> str:
    """Open311 GeoReport v2 ``status``: ``open`` or ``closed`` (lower case)."""
    return "closed" if state in CLOSED_STATES else "open"
