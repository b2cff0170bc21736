"""Pure reader and writer of Pabulib `.pb` files (https://pabulib.org/format), exact money.

Public API: ``read_pb``, ``read_pb_file``, ``write_pb``, the model classes (``Election``,
``Project``, ``Ballot``), ``PabulibFormatError``/``FormatWarning`` and ballot validation.
"""

from __future__ import annotations

from opengov.budgeting.pabulib.errors import FormatWarning, PabulibFormatError
from opengov.budgeting.pabulib.model import (
    RULES,
    SENTINEL_COST,
    VOTE_TYPES,
    Ballot,
    Election,
    Project,
)
from opengov.budgeting.pabulib.reader import read_pb, read_pb_file
from opengov.budgeting.pabulib.scores import ballot_points, recount
from opengov.budgeting.pabulib.validation import BallotProblem, validate_ballot, validate_ballots
from opengov.budgeting.pabulib.writer import write_pb

__all__ = [
    "RULES",
    "SENTINEL_COST",
    "VOTE_TYPES",
    "Ballot",
    "BallotProblem",
    "Election",
    "FormatWarning",
    "PabulibFormatError",
    "Project",
    "ballot_points",
    "read_pb",
    "read_pb_file",
    "recount",
    "validate_ballot",
    "validate_ballots",
    "write_pb",
]
