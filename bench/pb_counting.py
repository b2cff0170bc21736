"""Benchmark: our exact MES + official Add1 against pabutools on the largest shared `.pb` files.

Run: ``nice .venv/bin/python bench/pb_counting.py [--files NAME ...] [--pabutools-seconds S]
[--sample-seconds S]``

Both sides count the same rule: Method of Equal Shares with cost utilities, ties by lower cost →
more votes → file order, no eligibility filter, then official Add1 (first MES with the true
budget, then per-voter budgets ⌊B/n⌋+1, +2, … while the next outcome fits; stop when everything
is funded). pabutools (the reference implementation, dev-only dependency) provides MES
(``method_of_equal_shares`` on the grouped multiprofile); the Add1 loop around it is the official
definition, one pabutools MES run per currency unit.

Our times are ``count(election, rule)`` end to end (tally, MES/Add1, explanations). pabutools'
Add1 runs in full when its predicted time (first step's time × steps) is at most
``--pabutools-seconds``; otherwise it runs for ``--sample-seconds`` and its total is
extrapolated as (plain MES time + mean time per step × steps), marked ``~``. Outcomes are
compared at every per-voter budget pabutools ran (against our engine at that budget), plus the
final Add1 outcome and budget when it ran in full. Exit status 1 on any difference.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from fractions import Fraction
from math import floor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from opengov.budgeting.counting import count  # noqa: E402
from opengov.budgeting.counting.mes_rules import mes_problem  # noqa: E402
from opengov.budgeting.counting.tally import Eligibility, TieBreak, tally, tie_rank  # noqa: E402
from opengov.budgeting.pabulib import Election, read_pb_file  # noqa: E402

DATA = Path(os.environ.get("OPENGOV_DATA_DIR", str(ROOT.parent / "shared" / "data"))) / "pb"
LARGEST = [
    "Poland_Warszawa_2021_Targowek",
    "Poland_Warszawa_2020_Targowek",
    "Poland_Warszawa_2022_Bemowo",
    "Poland_Lodz_2024",
]


@dataclass
class Ours:
    mes_seconds: float
    add1_seconds: float
    mes: frozenset[str]
    add1: frozenset[str]
    final: Fraction
    steps: int  # MES runs after the first one that the official loop performs
    runs: int  # MES runs our engine needed


@dataclass
class Reference:
    mes_seconds: float
    add1_seconds: float  # measured (full) or extrapolated (sampled)
    mes: frozenset[str]
    add1: frozenset[str]
    final: int
    outcomes: dict[int, frozenset[str]]  # per-voter budget → outcome, for every step it ran
    full: bool


def ours(election: Election) -> Ours:
    """Plain MES and MES+Add1 with our engine, timed end to end."""
    started = time.perf_counter()
    plain = count(election, "equalshares", use_threshold=False)
    middle = time.perf_counter()
    add1 = count(election, "equalshares/add1", use_threshold=False)
    ended = time.perf_counter()
    assert add1.add1 is not None
    return Ours(
        middle - started,
        ended - middle,
        frozenset(plain.winners),
        frozenset(add1.winners),
        add1.add1.final_per_voter,
        add1.add1.budget_steps,
        add1.add1.mes_runs,
    )


def our_outcomes(election: Election, budgets: list[int]) -> dict[int, frozenset[str]]:
    """Our MES outcome at each per-voter budget (same candidates and tie-break as ``count``)."""
    counts = tally(election)
    rank = tie_rank(election, counts, TieBreak.COST_VOTES_TOP)
    problem, candidates = mes_problem(election, counts, rank, Eligibility())
    return {t: frozenset(candidates[p].project_id for p in problem.winners(t)) for t in budgets}


def reference(
    path: Path, election: Election, steps: int, full_limit: float, sample_seconds: float
) -> Reference:
    """Plain MES and the official Add1 loop with pabutools' MES (full or sampled)."""
    from pabutools.election import Cost_Sat, parse_pabulib  # type: ignore[import-untyped]
    from pabutools.fractions import frac  # type: ignore[import-untyped]
    from pabutools.rules import method_of_equal_shares  # type: ignore[import-untyped]
    from pabutools.tiebreaking import TieBreakingRule  # type: ignore[import-untyped]

    def exact(value: Any) -> Fraction:
        return Fraction(int(value.numerator), int(value.denominator))

    instance, profile = parse_pabulib(str(path))
    multiprofile = profile.as_multiprofile()
    position = {project.project_id: i for i, project in enumerate(election.projects)}
    votes = {p.name: profile.approval_score(p) for p in instance}
    tie = TieBreakingRule(lambda inst, prof, p: (p.cost, -votes[p.name], position[p.name]))
    original_limit = instance.budget_limit
    budget = exact(frac(original_limit))
    voters = profile.num_ballots()
    fundable = {p.name for p in instance if votes[p.name] > 0 and p.cost > 0}

    def mes(limit: Fraction) -> frozenset[str]:
        instance.budget_limit = frac(limit.numerator, limit.denominator)
        outcome = method_of_equal_shares(
            instance, multiprofile, sat_class=Cost_Sat, tie_breaking=tie
        )
        instance.budget_limit = original_limit
        return frozenset(p.name for p in outcome)

    def cost(names: frozenset[str]) -> Fraction:
        return sum((exact(frac(p.cost)) for p in instance if p.name in names), Fraction(0))

    started = time.perf_counter()
    plain = mes(budget)
    mes_seconds = time.perf_counter() - started
    current, per_voter = plain, floor(budget / voters)
    outcomes: dict[int, frozenset[str]] = {}
    full, limit = True, float("inf")
    while current != fundable:
        candidate = mes(Fraction((per_voter + 1) * voters))
        outcomes[per_voter + 1] = candidate
        if len(outcomes) == 1:
            first_step = time.perf_counter() - started - mes_seconds
            if mes_seconds + first_step * steps > full_limit:
                full, limit = False, started + mes_seconds + sample_seconds
        if cost(candidate) > budget:
            break
        current, per_voter = candidate, per_voter + 1
        if time.perf_counter() > limit:
            break
    seconds = time.perf_counter() - started
    if not full:
        per_step = (seconds - mes_seconds) / len(outcomes)
        seconds = mes_seconds + per_step * steps
    return Reference(mes_seconds, seconds, plain, current, per_voter, outcomes, full)


def main() -> int:
    """Run every file, print a table, exit 1 on any outcome difference."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", nargs="*", default=LARGEST)
    parser.add_argument("--pabutools-seconds", type=float, default=600.0)
    parser.add_argument("--sample-seconds", type=float, default=120.0)
    args = parser.parse_args()
    failed = False
    print(
        f"{'file':30} {'voters':>6} {'steps':>5} {'runs':>5} {'MES ours':>8} {'MES ref':>8}"
        f" {'ratio':>5} {'Add1 ours':>9} {'Add1 ref':>9} {'ratio':>5}  pabutools Add1 / outcome"
    )
    for name in args.files:
        path = DATA / f"{name}.pb"
        election = read_pb_file(path)
        mine = ours(election)
        theirs = reference(path, election, mine.steps, args.pabutools_seconds, args.sample_seconds)
        mine_at = our_outcomes(election, sorted(theirs.outcomes))
        same = mine.mes == theirs.mes and all(
            mine_at[t] == outcome for t, outcome in theirs.outcomes.items()
        )
        if theirs.full:
            same = same and mine.add1 == theirs.add1 and mine.final == theirs.final
            how = f"measured, all {len(theirs.outcomes)} steps"
        else:
            how = f"extrapolated from {len(theirs.outcomes)} of {mine.steps} steps"
        failed |= not same
        ref_add1 = f"{'' if theirs.full else '~'}{theirs.add1_seconds:.1f}s"
        print(
            f"{name[:30]:30} {len(election.ballots):>6} {mine.steps:>5} {mine.runs:>5}"
            f" {mine.mes_seconds:>7.3f}s {theirs.mes_seconds:>7.3f}s"
            f" {theirs.mes_seconds / mine.mes_seconds:>4.0f}x"
            f" {mine.add1_seconds:>8.2f}s {ref_add1:>9}"
            f" {theirs.add1_seconds / mine.add1_seconds:>4.0f}x"
            f"  {how}; {'identical' if same else 'DIFFERENT'}",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
