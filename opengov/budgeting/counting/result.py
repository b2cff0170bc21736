"""What a count returns: winners, per-project reasons, MES rounds, Add1 and comparison traces."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class ProjectOutcome:
    """Why one project won or lost (``code`` is stable, reasons are for people)."""

    project_id: str
    funded: bool
    code: str  # funded, funded-from-reserve, did-not-fit, not-reached, below-threshold, …
    reason_en: str
    reason_th: str


@dataclass(frozen=True)
class Payment:
    """Voters who paid the same amount for a project in one MES round."""

    amount: Fraction
    voter_ids: tuple[str, ...]


@dataclass(frozen=True)
class MesRound:
    """One purchase of the Method of Equal Shares."""

    number: int
    project_id: str
    effective_votes: Fraction  # cost / highest payment
    max_payment: Fraction  # what every supporter with enough money paid
    payments: tuple[Payment, ...]
    # Effective vote count of every project still affordable in this round (the winner's too).
    candidates: dict[str, Fraction]


@dataclass(frozen=True)
class Add1Trace:
    """Completion by Add1: per-voter budgets tried and why it stopped."""

    start_per_voter: Fraction  # the exact B/n of the first MES run
    integral_start: int  # floor(B/n): the first budget raised by one unit
    final_per_voter: Fraction  # per-voter budget of the returned outcome
    budget_steps: int  # MES runs the official definition performs (one per currency unit)
    mes_runs: int  # MES runs this engine needed (equal outcomes over a range are certified)
    stopped_by: str  # "over-budget" (next outcome does not fit) or "all-funded"


@dataclass(frozen=True)
class ComparisonTrace:
    """The comparison step: voters preferring each outcome and the decision."""

    mode: str  # "satisfaction" or "exclusionRatio"
    prefer_mes: int
    prefer_greedy: int
    switched_to_greedy: bool
    mes_winners: tuple[str, ...]
    greedy_winners: tuple[str, ...]


@dataclass(frozen=True)
class SatisfactionStats:
    """How voters fared: share with at least one funded project, means per voter."""

    voters: int
    with_funded_project: int
    share_with_funded_project: Fraction
    mean_funded_projects: Fraction  # funded projects on a ballot, averaged over voters
    mean_funded_cost: Fraction  # money spent on a voter's projects, averaged over voters
    mean_funded_share: Fraction  # that money as a share of the budget


@dataclass(frozen=True)
class CountResult:
    """Outcome of one count, with the evidence for every decision."""

    rule: str
    tie_break: str
    budget: Fraction
    winners: tuple[str, ...]  # selection order
    total_cost: Fraction
    projects: tuple[ProjectOutcome, ...]  # declared order
    satisfaction: SatisfactionStats
    mes_rounds: tuple[MesRound, ...] = ()
    add1: Add1Trace | None = None
    comparison: ComparisonTrace | None = None
    notes: tuple[str, ...] = ()

    @property
    def winner_set(self) -> frozenset[str]:
        """The funded project ids."""
        return frozenset(self.winners)

    def outcome(self, project_id: str) -> ProjectOutcome:
        """The explanation for one project (KeyError if unknown)."""
        for outcome in self.projects:
            if outcome.project_id == project_id:
                return outcome
        raise KeyError(project_id)
