"""The winners-only MES engine (floats decide, exact fractions confirm close calls) returns
exactly the winners of the exact engine and of a plain per-voter implementation."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from opengov.budgeting.counting import MesProblem
from opengov.budgeting.counting.mes_rules import mes_problem
from opengov.budgeting.counting.tally import Eligibility, TieBreak, tally, tie_rank
from opengov.budgeting.tests.conftest import election
from opengov.budgeting.tests.test_mes_reference import _random_profile, _reference_mes


@pytest.mark.parametrize("seed", range(120))
def test_fast_winners_match_the_reference_on_small_profiles(seed: int) -> None:
    costs, ballots, rank, budget = _random_profile(seed)
    problem = MesProblem(costs, rank, ballots)
    for per_voter in (budget / len(ballots), Fraction(7), Fraction(23), Fraction(101, 3)):
        assert list(problem.winners(per_voter)) == _reference_mes(costs, ballots, rank, per_voter)


def _tie_heavy_profile(seed: int) -> tuple[list[Fraction], list[tuple[int, ...]], list[int]]:
    """Many voters, few distinct costs (multiples of 6): equal payments and exact ties abound."""
    rng = random.Random(seed)
    projects = rng.randint(4, 12)
    costs = [Fraction(6 * rng.randint(1, 40)) for _ in range(projects)]
    voters = rng.randint(10, 60)
    ballots = [
        tuple(p for p in range(projects) if rng.random() < rng.choice([0.2, 0.5]))
        for _ in range(voters)
    ]
    rank = list(range(projects))
    rng.shuffle(rank)
    return costs, ballots, rank


@pytest.mark.parametrize("seed", range(60))
def test_fast_winners_match_the_exact_engine_with_many_ties(seed: int) -> None:
    costs, ballots, rank = _tie_heavy_profile(seed)
    problem = MesProblem(costs, rank, ballots)
    for per_voter in range(1, 30):
        assert problem.winners(per_voter) == problem.run(per_voter).winners, per_voter


def test_fast_winners_on_exact_boundaries() -> None:
    # Money equal to the cost, a supporter holding exactly the equal share, equal eff values.
    problem = MesProblem(
        [Fraction(30), Fraction(30), Fraction(20), Fraction(10)],
        [3, 2, 1, 0],
        [(0, 1), (0, 1), (0, 2), (1, 2, 3), (3,)],
    )
    for per_voter in (Fraction(6), Fraction(10), Fraction(15), Fraction(20, 3), Fraction(12)):
        assert problem.winners(per_voter) == problem.run(per_voter).winners


def _problem(name: str) -> MesProblem:
    parsed = election(name)
    counts = tally(parsed)
    rank = tie_rank(parsed, counts, TieBreak.COST_VOTES_TOP)
    return mes_problem(parsed, counts, rank, Eligibility())[0]


@pytest.mark.parametrize(
    ("name", "budgets"),
    [
        ("Poland_Warszawa_2021_Targowek", (741, 900, 1053, 1054)),
        ("Poland_Warszawa_2018_Niskie_Okecie", tuple(range(1626, 2140, 37))),
        ("Poland_Lodz_2022_Zdrowie-Mania", tuple(range(941, 3450, 251))),
    ],
)
def test_fast_winners_match_the_exact_engine_on_real_files(
    name: str, budgets: tuple[int, ...]
) -> None:
    problem = _problem(name)
    for per_voter in budgets:
        assert problem.winners(per_voter) == problem.run(per_voter).winners, per_voter


@pytest.mark.parametrize("seed", range(40))
def test_certify_gives_up_exactly_when_no_further_budget_is_certified(seed: int) -> None:
    costs, ballots, rank, budget = _random_profile(seed)
    problem = MesProblem(costs, rank, ballots)
    for per_voter in (budget / len(ballots), Fraction(7), Fraction(23), Fraction(40)):
        tracked = problem.run(per_voter, track=True)
        certified = problem.certify(per_voter)
        if tracked.stable_steps == 0:
            assert certified is None
        else:
            assert certified is not None
            assert (certified.winners, certified.stable_steps) == (
                tracked.winners,
                tracked.stable_steps,
            )
