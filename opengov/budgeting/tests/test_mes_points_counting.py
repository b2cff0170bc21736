"""MES for points ballots (spec §4.7): a worked example with exact payments, equivalence with
approval MES when every point is 1, a per-voter reference on random profiles, and Add1."""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction
from fractions import Fraction as F

import pytest

from opengov.budgeting.counting import MesProblem, count, mes_add1, naive_mes_add1
from opengov.budgeting.counting.mes_points import PointsMesProblem
from opengov.budgeting.counting.mes_rules import mes_problem
from opengov.budgeting.counting.tally import Eligibility, TieBreak, tally, tie_rank
from opengov.budgeting.pabulib import Ballot, Election, ballot_points
from opengov.budgeting.tests.builders import approval_election
from opengov.budgeting.tests.conftest import election
from opengov.budgeting.tests.test_mes_reference import _random_profile


def points_election(
    budget: int, projects: list[tuple[str, int]], ballots: list[dict[str, int]]
) -> Election:
    base = approval_election(budget, projects, [list(b) for b in ballots])
    return replace(
        base,
        meta={**base.meta, "vote_type": "cumulative", "rule": "equalshares"},
        ballots=tuple(
            Ballot(str(i), tuple(b), tuple(Fraction(u) for u in b.values()))
            for i, b in enumerate(ballots, start=1)
        ),
    )


def example() -> Election:
    """3 voters, 10 each. A (12): v1 3 pts, v2 1 pt; B (15): v1 1, v3 2; C (16): v2 2, v3 1.

    Round 1: A's factor 12/4 = 3 (v1 pays 9, v2 3) ⇒ eff 4; B: factor 5 ⇒ eff 3; C: v2 (10/2
    per point) cannot pay 32/3, pays 10, v3 pays 6 ⇒ factor 6, eff 8/3. A is funded.
    Round 2: B's supporters hold 1 + 10 < 15 ⇒ dropped. C: v2 pays its 7, v3 pays 9 ⇒ factor 9,
    eff 16/9. C is funded; 28 of 30 spent.
    """
    return points_election(
        30,
        [("A", 12), ("B", 15), ("C", 16)],
        [{"A": 3, "B": 1}, {"A": 1, "C": 2}, {"B": 2, "C": 1}],
    )


def test_points_mes_worked_example_with_exact_payments() -> None:
    result = count(example(), "equalshares")
    assert result.winners == ("A", "C")
    first, second = result.mes_rounds
    assert (first.project_id, first.max_payment, first.effective_votes) == ("A", F(3), F(4))
    assert first.candidates == {"A": 4, "B": 3, "C": Fraction(8, 3)}
    assert {(p.amount, p.voter_ids) for p in first.payments} == {(F(9), ("1",)), (F(3), ("2",))}
    assert (second.project_id, second.max_payment, second.effective_votes) == ("C", F(9), F(16, 9))
    assert {(p.amount, p.voter_ids) for p in second.payments} == {(F(7), ("2",)), (F(9), ("3",))}
    assert result.outcome("B").code == "supporters-out-of-money"
    assert result.outcome("A").reason_en.endswith("supporters paid at most 3 per point")


def test_points_mes_add1_and_comparison_by_points() -> None:
    add1 = count(example(), "equalshares/add1")
    assert add1.add1 is not None
    # Per voter 11: {A, C}; 12–14: B beats C after A (B's supporters now afford it) = 27;
    # 15: {A, B, C} = 43 > 30 ⇒ stop at 14 (checked against the per-voter reference below).
    assert add1.winners == ("A", "B")
    assert (add1.add1.final_per_voter, add1.add1.budget_steps) == (F(14), 5)
    compared = count(example(), "equalshares-comparison")
    assert compared.comparison is not None
    # Greedy by score: A (4), B (3) fit = 27; then C (3) does not. Points on funded projects:
    # MES {A, C}: v1 3, v2 3, v3 1; greedy {A, B}: v1 4, v2 1, v3 2 ⇒ 1 prefers MES, 2 greedy.
    assert compared.comparison.greedy_winners == ("A", "B")
    assert (compared.comparison.prefer_mes, compared.comparison.prefer_greedy) == (1, 2)
    assert compared.winners == ("A", "B")
    ballots = [{0: Fraction(3), 1: Fraction(1)}, {0: Fraction(1), 2: Fraction(2)}]
    ballots.append({1: Fraction(2), 2: Fraction(1)})
    costs = [Fraction(12), Fraction(15), Fraction(16)]
    by_budget = {t: _reference_points_mes(costs, ballots, [0, 1, 2], F(t)) for t in range(11, 16)}
    assert by_budget == {11: [0, 2], 12: [0, 1], 13: [0, 1], 14: [0, 1], 15: [0, 1, 2]}


@pytest.mark.parametrize("seed", range(60))
def test_points_engine_with_unit_points_is_approval_mes(seed: int) -> None:
    costs, ballots, rank, budget = _random_profile(seed)
    approval = MesProblem(costs, rank, ballots)
    points = PointsMesProblem(costs, rank, [tuple((p, Fraction(1)) for p in b) for b in ballots])
    for per_voter in (budget / len(ballots), Fraction(7), Fraction(23)):
        assert points.winners(per_voter) == approval.run(per_voter).winners
    fast, slow = mes_add1(points, budget), naive_mes_add1(approval, budget)
    assert (fast.run.winners, fast.per_voter, fast.budget_steps) == (
        slow.run.winners,
        slow.per_voter,
        slow.budget_steps,
    )


def _reference_points_mes(
    costs: list[Fraction], ballots: list[dict[int, Fraction]], rank: list[int], per_voter: Fraction
) -> list[int]:
    """Spec §4.7 one voter at a time (independent of the engine)."""
    money = [Fraction(per_voter)] * len(ballots)
    alive = {p for p, c in enumerate(costs) if c > 0 and any(p in b for b in ballots)}
    winners: list[int] = []
    while True:
        best: tuple[tuple[Fraction, int], int, Fraction] | None = None
        for p in sorted(alive):
            supporters = [i for i, b in enumerate(ballots) if p in b]
            if sum(money[i] for i in supporters) < costs[p]:
                alive.discard(p)
                continue
            supporters.sort(key=lambda i: money[i] / ballots[i][p])
            paid, k = Fraction(0), sum(ballots[i][p] for i in supporters)
            for i in supporters:
                factor = (costs[p] - paid) / k
                if money[i] < factor * ballots[i][p]:
                    paid += money[i]
                    k -= ballots[i][p]
                else:
                    break
            factor = (costs[p] - paid) / k
            key = (-costs[p] / factor, rank[p])
            if best is None or key < best[0]:
                best = (key, p, factor)
        if best is None:
            return winners
        _, p, factor = best
        alive.discard(p)
        winners.append(p)
        for i, b in enumerate(ballots):
            if p in b:
                money[i] -= min(money[i], factor * b[p])


@pytest.mark.parametrize("seed", range(60))
def test_points_engine_matches_a_per_voter_reference(seed: int) -> None:
    rng = random.Random(seed)
    costs, approvals, rank, budget = _random_profile(seed)
    ballots = [{p: Fraction(rng.randint(1, 5)) for p in b} for b in approvals]
    problem = PointsMesProblem(costs, rank, [tuple(b.items()) for b in ballots])
    for per_voter in (budget / len(ballots), Fraction(7), Fraction(23)):
        expected = _reference_points_mes(costs, ballots, rank, per_voter)
        assert list(problem.winners(per_voter)) == expected


@pytest.mark.parametrize("name", ["Poland_Czestochowa_2024_Dzbow", "Poland_Katowice_2022_Zarzecze"])
def test_points_mes_on_shared_cumulative_files(name: str) -> None:
    # No shared file declares MES on points ballots; these cumulative rounds check the engine
    # against the per-voter reference on real ballots and run Add1 to completion.
    parsed = election(name)
    counts = tally(parsed)
    rank = tie_rank(parsed, counts, TieBreak.COST_VOTES_TOP)
    problem, candidates = mes_problem(parsed, counts, rank, Eligibility())
    assert isinstance(problem, PointsMesProblem)
    index = {project.project_id: i for i, project in enumerate(candidates)}
    ballots = [
        {index[pid]: u for pid, u in zip(b.vote, ballot_points(parsed, b), strict=True) if u > 0}
        for b in parsed.ballots
    ]
    per_voter = parsed.budget / len(parsed.ballots)
    for t in (per_voter, per_voter * 2):
        expected = _reference_points_mes(problem.costs, ballots, problem.rank, t)
        assert list(problem.winners(t)) == expected
    result = count(parsed, "equalshares/add1", use_threshold=False)
    assert result.add1 is not None
    assert result.total_cost <= parsed.budget
    assert result.add1.stopped_by in ("over-budget", "all-funded")
