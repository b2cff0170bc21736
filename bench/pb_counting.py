"""Benchmark: our exact MES + official Add1 against pabutools on the largest shared `.pb` files.

Run: ``.venv/bin/python bench/pb_counting.py [--files NAME ...] [--pabutools-seconds S]``

Both sides count the same rule: Method of Equal Shares with cost utilities, ties by lower cost →
more votes → file order, no eligibility filter, then official Add1 (first MES with the true
budget, then per-voter budgets ⌊B/n⌋+1, +2, … while the next outcome fits; stop when everything
is funded). pabutools (the reference implementation, dev-only dependency) provides MES
(``method_of_equal_shares`` on the grouped multiprofile); the Add1 loop around it is the official
definition, one pabutools MES run per currency unit. Outcomes must be identical; the script exits
1 otherwise. ``--pabutools-seconds`` caps pabutools' Add1 loop: when the cap is hit, its time is
extrapolated from the mean time per MES run (marked ``~``) and only the plain-MES outcomes and the
budgets reached so far are compared.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from fractions import Fraction
from math import floor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from opengov.budgeting.counting import count  # noqa: E402
from opengov.budgeting.pabulib import Election, read_pb_file  # noqa: E402

DATA = Path(os.environ.get("OPENGOV_DATA_DIR", str(ROOT.parent / "shared" / "data"))) / "pb"
LARGEST = [
    "Poland_Lodz_2024",
    "Poland_Warszawa_2021_Targowek",
    "Poland_Warszawa_2020_Targowek",
    "Poland_Warszawa_2022_Bemowo",
]


def ours(election: Election) -> dict[str, Any]:
    """Plain MES and MES+Add1 with our engine; seconds and outcomes."""
    started = time.perf_counter()
    plain = count(election, "equalshares", use_threshold=False)
    middle = time.perf_counter()
    add1 = count(election, "equalshares/add1", use_threshold=False)
    ended = time.perf_counter()
    assert add1.add1 is not None
    return {
        "mes_seconds": middle - started,
        "add1_seconds": ended - middle,
        "mes": frozenset(plain.winners),
        "add1": frozenset(add1.winners),
        "final": add1.add1.final_per_voter,
        "steps": add1.add1.budget_steps,
        "runs": add1.add1.mes_runs,
    }


def reference(path: Path, election: Election, cap_seconds: float) -> dict[str, Any]:
    """Plain MES and the official Add1 loop with pabutools' MES."""
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
    current, per_voter, runs, capped = plain, Fraction(floor(budget / voters)), 1, False
    while current != fundable:
        if time.perf_counter() - started > cap_seconds:
            capped = True
            break
        candidate = mes((per_voter + 1) * voters)
        runs += 1
        if cost(candidate) > budget:
            break
        current, per_voter = candidate, per_voter + 1
    seconds = time.perf_counter() - started
    return {
        "mes_seconds": mes_seconds,
        "add1_seconds": seconds,
        "mes": plain,
        "add1": current,
        "final": per_voter,
        "runs": runs,
        "capped": capped,
        "seconds_per_run": seconds / runs,
    }


def main() -> int:
    """Run every file, print a table, exit 1 on any outcome difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", nargs="*", default=LARGEST)
    parser.add_argument("--pabutools-seconds", type=float, default=float("inf"))
    args = parser.parse_args()
    failed = False
    print(
        f"{'file':32} {'voters':>6} {'steps':>6} {'our runs':>8} {'ours MES':>9} {'ref MES':>9}"
        f" {'ours Add1':>10} {'ref Add1':>10} {'ratio':>7}  outcome"
    )
    for name in args.files:
        path = DATA / f"{name}.pb"
        election = read_pb_file(path)
        mine = ours(election)
        theirs = reference(path, election, args.pabutools_seconds)
        steps = mine["steps"] + 1
        if theirs["capped"]:
            ref_add1 = theirs["seconds_per_run"] * steps
            ref_text = f"~{ref_add1:.0f}s"
            same = mine["mes"] == theirs["mes"] and theirs["final"] <= mine["final"]
        else:
            ref_add1 = theirs["add1_seconds"]
            ref_text = f"{ref_add1:.1f}s"
            same = (mine["mes"], mine["add1"], mine["final"]) == (
                theirs["mes"],
                theirs["add1"],
                theirs["final"],
            )
        failed |= not same
        print(
            f"{name[:32]:32} {len(election.ballots):>6} {mine['steps']:>6} {mine['runs']:>8}"
            f" {mine['mes_seconds']:>8.2f}s {theirs['mes_seconds']:>8.2f}s"
            f" {mine['add1_seconds']:>9.1f}s {ref_text:>10} {ref_add1 / mine['add1_seconds']:>6.0f}x"
            f"  {'identical' if same else 'DIFFERENT'}"
            f"{' (pabutools capped: plain MES and prefix checked)' if theirs['capped'] else ''}",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
