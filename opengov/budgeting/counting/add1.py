"""Completion of MES by Add1 — the official definition (spec §4.4) — and utilitarian completion.

Add1: run MES with the true budget; then, starting from the integral per-voter budget ⌊B/n⌋, raise
every voter's budget by one currency unit and re-run MES as long as the *next* outcome still fits
the real budget (no stop at the first exhaustive outcome). Each MES run also reports how many
further unit steps provably give the same outcome (``MesRun.stable_steps``); an outcome that fits
at one budget fits at all of them, so those steps are taken without re-running MES. Where no
range is certified, the step runs the winners-only engine (``MesProblem.winners``, floats with
exact confirmation). The returned outcome and final per-voter budget are exactly those of the
unit-by-unit loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import floor

from opengov.budgeting.counting.mes import MesProblem, MesRun

# Fail loudly rather than loop for ever (spec §4.4 termination guard).
MAX_BUDGET_STEPS = 10_000_000


class Add1Error(RuntimeError):
    """Add1 could not finish (step cap reached): the rule is not usable on this round."""


@dataclass(frozen=True)
class Add1Result:
    """Final MES run, its per-voter budget and how the loop went.

    ``run`` may carry the winners only (``purchases`` and ``dropped`` empty): re-run
    ``MesProblem.run(per_voter, explain=True)`` for the details.
    """

    run: MesRun
    per_voter: Fraction
    start_per_voter: Fraction
    integral_start: int
    budget_steps: int
    mes_runs: int
    stopped_by: str


def mes_add1(problem: MesProblem, budget: Fraction, *, unit: int = 1) -> Add1Result:
    """Official Add1 on ``problem`` with the real ``budget`` (increment ``unit`` per voter)."""
    voters = problem.voters
    exact = budget / voters if voters else Fraction(0)
    costs = problem.costs
    fundable = [p for p, groups in enumerate(problem.supporters) if groups and costs[p] > 0]

    def total(run: MesRun) -> Fraction:
        return sum((costs[p] for p in run.winners), Fraction(0))

    def all_funded(run: MesRun) -> bool:
        return len(run.winners) == len(fundable)

    current = MesRun(problem.winners(exact), (), {}, 0)
    start = floor(exact / unit) * unit
    result = Add1Result(current, exact, exact, start, 0, 1, "all-funded")
    if voters == 0 or all_funded(current):
        return result
    per_voter = start
    steps = runs = 0
    # Certifying costs more than a plain run (even when it gives up early); where certified
    # ranges keep coming out empty (many distinct ballots), try again after a growing number of
    # plain runs.
    track_at, backoff = 0, 1
    while True:
        candidate = per_voter + unit
        track = steps >= track_at
        certified = problem.certify(candidate) if track else None
        run = certified or MesRun(problem.winners(candidate), (), {}, 0)
        runs += 1
        steps += 1
        if total(run) > budget:
            return Add1Result(
                current, Fraction(per_voter), exact, start, steps, runs + 1, "over-budget"
            )
        current = run
        if all_funded(run):
            return Add1Result(run, Fraction(candidate), exact, start, steps, runs + 1, "all-funded")
        if run.stable_steps is None:
            raise Add1Error(
                "MES outcome stays the same for every larger budget but does not fund everything"
            )
        # Budgets candidate+unit … candidate+stable·unit give this same (fitting) outcome.
        stable = run.stable_steps // unit
        if track:
            backoff = 1 if stable else backoff * 2
            track_at = steps + (1 if stable else backoff)
        per_voter = candidate + stable * unit
        steps += stable
        if steps > MAX_BUDGET_STEPS:
            raise Add1Error(f"Add1 did not finish within {MAX_BUDGET_STEPS} budget steps")


def naive_mes_add1(problem: MesProblem, budget: Fraction, *, unit: int = 1) -> Add1Result:
    """The unit-by-unit Add1 loop with no skipping (reference for tests and benchmarks)."""
    voters = problem.voters
    exact = budget / voters
    costs = problem.costs
    fundable = [p for p, groups in enumerate(problem.supporters) if groups and costs[p] > 0]
    current = problem.run(exact)
    start = floor(exact / unit) * unit
    per_voter = start
    runs = 1
    if len(current.winners) == len(fundable):
        return Add1Result(current, exact, exact, start, 0, runs, "all-funded")
    while runs <= MAX_BUDGET_STEPS:
        run = problem.run(per_voter + unit)
        runs += 1
        if sum((costs[p] for p in run.winners), Fraction(0)) > budget:
            return Add1Result(
                current, Fraction(per_voter), exact, start, runs - 1, runs, "over-budget"
            )
        per_voter += unit
        current = run
        if len(run.winners) == len(fundable):
            return Add1Result(run, Fraction(per_voter), exact, start, runs - 1, runs, "all-funded")
    raise Add1Error(f"Add1 did not finish within {MAX_BUDGET_STEPS} budget steps")
