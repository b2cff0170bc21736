"""Participatory budgeting: processes with areas (headings), proposals, ballots kept apart from
voters, paper double entry and stored count results."""

from __future__ import annotations

from opengov.budgeting.models.ballots import Ballot, BallotChannel, PaperEntry, Voter
from opengov.budgeting.models.process import (
    BallotStyle,
    Category,
    Phase,
    Process,
    ProcessArea,
    VerificationLevel,
)
from opengov.budgeting.models.proposals import Proposal, ProposalStatus
from opengov.budgeting.models.results import CountRun, CountStatus

__all__ = [
    "Ballot",
    "BallotChannel",
    "BallotStyle",
    "Category",
    "CountRun",
    "CountStatus",
    "PaperEntry",
    "Phase",
    "Process",
    "ProcessArea",
    "Proposal",
    "ProposalStatus",
    "VerificationLevel",
    "Voter",
]
