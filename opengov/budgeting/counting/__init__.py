"""Pure, exact counting rules for participatory budgeting (spec §3–§5).

Entry point: ``count(election, rule=None, …) -> CountResult`` with the rule taken from META or
given by name (``SUPPORTED_RULES``). Building blocks: ``run_greedy``, ``MesProblem`` (Method of
Equal Shares with cost utilities), ``mes_add1`` (official Add1 completion), ``compare_outcomes``
(comparison step), ``satisfaction_stats`` and ``validate_ballots``.
"""

from __future__ import annotations

from opengov.budgeting.counting.add1 import Add1Error, Add1Result, mes_add1, naive_mes_add1
from opengov.budgeting.counting.greedy import POZNAN_TOLERANCE, greedy_order, run_greedy
from opengov.budgeting.counting.mes import MesProblem, MesRun
from opengov.budgeting.counting.result import (
    Add1Trace,
    ComparisonTrace,
    CountResult,
    MesRound,
    Payment,
    ProjectOutcome,
    SatisfactionStats,
)
from opengov.budgeting.counting.rules import (
    SUPPORTED_RULES,
    UnsupportedRule,
    count,
    resolve_rule,
)
from opengov.budgeting.counting.satisfaction import compare_outcomes, satisfaction_stats
from opengov.budgeting.counting.tally import Eligibility, Tally, TieBreak, tally, tie_rank
from opengov.budgeting.pabulib.validation import BallotProblem, validate_ballot, validate_ballots

__all__ = [
    "POZNAN_TOLERANCE",
    "SUPPORTED_RULES",
    "Add1Error",
    "Add1Result",
    "Add1Trace",
    "BallotProblem",
    "ComparisonTrace",
    "CountResult",
    "Eligibility",
    "MesProblem",
    "MesRound",
    "MesRun",
    "Payment",
    "ProjectOutcome",
    "SatisfactionStats",
    "Tally",
    "TieBreak",
    "UnsupportedRule",
    "compare_outcomes",
    "count",
    "greedy_order",
    "mes_add1",
    "naive_mes_add1",
    "resolve_rule",
    "run_greedy",
    "satisfaction_stats",
    "tally",
    "tie_rank",
    "validate_ballot",
    "validate_ballots",
]
