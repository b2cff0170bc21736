"""MES engine regression values on real approval ballots (SOURCES.md, not official results) and
equivalence checks: fast Add1 = unit-by-unit Add1, engine = a plain per-voter implementation."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from opengov.budgeting.counting import MesProblem, count, mes_add1, naive_mes_add1
from opengov.budgeting.tests.conftest import election, summary

# file → plain MES, Add1, Add1u, (start, final per-voter budget), comparison satisfaction
# (prefer MES, prefer greedy), exclusionRatio (prefer MES, prefer greedy). No eligibility filter.
REFERENCE = {
    "Poland_Warszawa_2017_Ochota": (
        (12, 214253),
        (13, 439253),
        (15, 504953),
        (162, 279),
        (388, 616),
        (34, 73),
    ),
    "Poland_Warszawa_2017_Plac_Wojska_Polskiego": (
        (3, 24720),
        (4, 44720),
        (4, 44720),
        (1896, 3380),
        (0, 0),
        (0, 0),
    ),
    "Poland_Warszawa_2018_Niskie_Okecie": (
        (5, 258185),
        (7, 357735),
        (7, 357735),
        (1626, 2135),
        (69, 20),
        (8, 0),
    ),
    "Poland_Warszawa_2026_Sady_Zoliborskie": (
        (12, 426445),
        (13, 954130),
        (13, 954130),
        (667, 988),
        (77, 93),
        (0, 0),
    ),
    "Poland_Lodz_2022_Zdrowie-Mania": (
        (7, 234250),
        (11, 421250),
        (11, 421250),
        (941, 3442),
        (149, 27),
        (60, 6),
    ),
    "Poland_Gdynia_2025_Maly_Kack__small": (
        (1, 20000),
        (2, 38630),
        (3, 52150),
        (31, 56),
        (206, 675),
        (152, 176),
    ),
    "Netherlands_Amsterdam_588": ((8, 74102), (9, 94102), (9, 94102), (471, 653), (27, 36), (0, 3)),
    "US_Stanford_Dataset_2022_Jersey_City_Ward_E_vote_knapsacks": (
        (4, 12000),
        (7, 49000),
        (7, 49000),
        (137, 402),
        (0, 0),
        (0, 0),
    ),
}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_mes_add1_reference_values(name):
    plain, add1, add1u, budgets, satisfaction, exclusion = REFERENCE[name]
    parsed = election(name)
    assert summary(count(parsed, "equalshares", use_threshold=False)) == plain
    with_add1 = count(parsed, "equalshares/add1", use_threshold=False)
    assert summary(with_add1) == add1
    assert with_add1.add1 is not None
    assert (with_add1.add1.integral_start, int(with_add1.add1.final_per_voter)) == budgets
    assert summary(count(parsed, "equalshares/add1u", use_threshold=False)) == add1u
    compared = count(parsed, "equalshares/add1-comparison", use_threshold=False)
    assert compared.comparison is not None
    trace = compared.comparison
    assert (trace.prefer_mes, trace.prefer_greedy) == satisfaction
    assert compared.winners == (
        trace.greedy_winners if trace.switched_to_greedy else with_add1.winners
    )
    ratio = count(
        parsed, "equalshares/add1-comparison", use_threshold=False, comparison="exclusionRatio"
    )
    assert ratio.comparison is not None
    assert (ratio.comparison.prefer_mes, ratio.comparison.prefer_greedy) == exclusion


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Poland_Warszawa_2021_Targowek", (39, 3000330)),
        ("Poland_Warszawa_2020_Targowek", (30, 3033583)),
        ("Poland_Warszawa_2022_Bemowo", (33, 3796148)),
        ("Poland_Lodz_2024", (53, 4163930)),
    ],
)
def test_plain_mes_on_the_large_files(name, expected):
    assert summary(count(election(name), "equalshares", use_threshold=False)) == expected


def test_plac_wojska_termination_guard():
    result = count(election("Poland_Warszawa_2017_Plac_Wojska_Polskiego"), "equalshares/add1")
    assert result.add1 is not None
    assert result.add1.stopped_by == "all-funded"
    assert result.add1.budget_steps == 1484
    assert result.add1.mes_runs < 20  # equal-outcome ranges are certified, not re-run


def _reference_mes(costs, ballots, rank, per_voter):
    """The spec §4.1 pseudo-code, one voter at a time (independent of the engine)."""
    money = [Fraction(per_voter)] * len(ballots)
    candidates = {p for p, c in enumerate(costs) if c > 0 and any(p in b for b in ballots)}
    winners: list[int] = []
    while True:
        best = None
        for p in sorted(candidates):
            supporters = sorted((i for i, b in enumerate(ballots) if p in b), key=money.__getitem__)
            if sum(money[i] for i in supporters) < costs[p]:
                candidates.discard(p)
                continue
            paid, left = Fraction(0), len(supporters)
            for i in supporters:
                x = (costs[p] - paid) / left
                if x > money[i]:
                    paid += money[i]
                    left -= 1
                else:
                    break
            key = (-costs[p] / x, rank[p])
            if best is None or key < best[0]:
                best = (key, p, x)
        if best is None:
            return winners
        _, p, x = best
        candidates.discard(p)
        winners.append(p)
        for i, b in enumerate(ballots):
            if p in b:
                money[i] -= min(money[i], x)


def _random_profile(seed):
    rng = random.Random(seed)
    projects = rng.randint(2, 7)
    costs = [Fraction(rng.choice([0, 10, 20, 25, 40, 55, 90, 120])) for _ in range(projects)]
    voters = rng.randint(2, 14)
    ballots = [tuple(p for p in range(projects) if rng.random() < 0.45) for _ in range(voters)]
    rank = list(range(projects))
    rng.shuffle(rank)
    budget = Fraction(rng.randint(voters * 3, voters * 40))
    return costs, ballots, rank, budget


@pytest.mark.parametrize("seed", range(120))
def test_engine_matches_reference_and_fast_add1_matches_unit_steps(seed):
    costs, ballots, rank, budget = _random_profile(seed)
    problem = MesProblem(costs, rank, ballots)
    for per_voter in (budget / len(ballots), Fraction(7), Fraction(23)):
        expected = _reference_mes(costs, ballots, rank, per_voter)
        assert list(problem.run(per_voter).winners) == expected
        assert list(problem.run(per_voter, track=True).winners) == expected
    fast, slow = mes_add1(problem, budget), naive_mes_add1(problem, budget)
    assert fast.run.winners == slow.run.winners
    assert (fast.per_voter, fast.budget_steps, fast.stopped_by) == (
        slow.per_voter,
        slow.budget_steps,
        slow.stopped_by,
    )
