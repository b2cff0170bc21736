"""MES, Add1 and the comparison step on the spec's worked examples, with exact payments."""

from __future__ import annotations

from fractions import Fraction

from opengov.budgeting.counting import Payment, count
from opengov.budgeting.tests.builders import example_1, example_3


def test_example_1_plain_mes_rounds_and_payments():
    result = count(example_1(), "equalshares")
    assert result.winners == ("bike", "playground", "library")
    assert result.total_cost == 1000
    first, second, third = result.mes_rounds
    assert (first.project_id, first.effective_votes, first.max_payment) == (
        "bike",
        Fraction(7),
        Fraction(100),
    )
    assert first.payments == (Payment(Fraction(100), ("1", "2", "3", "4", "5", "6", "11")),)
    assert first.candidates == {"bike": 7, "gym": 6, "park": 5, "playground": 4, "library": 3}
    assert (second.project_id, second.effective_votes, second.max_payment) == (
        "playground",
        Fraction(4),
        Fraction(50),
    )
    assert second.candidates == {"playground": 4, "library": 3}
    assert (third.project_id, third.max_payment) == ("library", Fraction(100, 3))
    assert third.payments == (Payment(Fraction(100, 3), ("7", "9", "10")),)
    park = result.outcome("park")
    assert park.code == "supporters-out-of-money"
    assert park.reason_en == (
        "not funded: by MES round 2 its supporters had 200 left, less than its cost 250"
    )
    assert result.outcome("bike").reason_en == (
        "funded in MES round 1: 7 effective votes; supporters paid at most 100 each"
    )


def test_example_1_add1_stops_at_129():
    result = count(example_1(), "equalshares/add1")
    assert result.winners == ("bike", "playground", "library")
    assert result.add1 is not None
    assert result.add1.integral_start == 100
    assert result.add1.final_per_voter == 129
    assert result.add1.budget_steps == 30  # 101 … 130, and 130 does not fit
    assert result.add1.stopped_by == "over-budget"
    assert result.add1.mes_runs < 30


def test_example_1_comparison_direction_depends_on_the_mode():
    by_satisfaction = count(example_1(), "equalshares-comparison")
    assert by_satisfaction.comparison is not None
    assert (by_satisfaction.comparison.prefer_mes, by_satisfaction.comparison.prefer_greedy) == (
        4,
        6,
    )
    assert by_satisfaction.comparison.switched_to_greedy
    assert by_satisfaction.winners == ("bike", "gym")
    by_exclusion = count(example_1(), "equalshares-comparison", comparison="exclusionRatio")
    assert by_exclusion.comparison is not None
    assert (by_exclusion.comparison.prefer_mes, by_exclusion.comparison.prefer_greedy) == (4, 0)
    assert not by_exclusion.comparison.switched_to_greedy
    assert by_exclusion.winners == ("bike", "playground", "library")


def test_example_2_exact_effective_votes_and_payments():
    result = count(example_1(swap_voter_11=True), "equalshares")
    assert result.winners == ("gym", "park", "playground")
    gym, park, playground = result.mes_rounds
    assert gym.max_payment == Fraction(400, 7)
    assert park.effective_votes == Fraction(70, 17)
    assert park.max_payment == Fraction(425, 7)
    assert set(park.payments) == {
        Payment(Fraction(300, 7), ("2", "4", "5")),
        Payment(Fraction(425, 7), ("7", "10")),
    }
    assert park.candidates == {"park": Fraction(70, 17), "playground": 4, "library": 3}
    assert playground.effective_votes == Fraction(56, 17)
    assert set(playground.payments) == {
        Payment(Fraction(275, 7), ("7", "10")),
        Payment(Fraction(425, 7), ("8", "9")),
    }


def test_example_2_add1_adds_the_library_at_117_and_stops_at_173():
    result = count(example_1(swap_voter_11=True), "equalshares/add1")
    assert result.winners == ("gym", "park", "playground", "library")
    assert result.total_cost == 950
    assert result.add1 is not None
    assert result.add1.final_per_voter == 173
    below = count(example_1(swap_voter_11=True), "equalshares")
    assert below.total_cost == 850


def test_example_3_official_add1_is_not_the_exhaustive_stop():
    result = count(example_3(), "equalshares/add1")
    assert set(result.winners) == {"C", "A"}  # exhaustive stop would give {C, D} at 107
    assert result.total_cost == 390
    assert result.add1 is not None
    assert (result.add1.integral_start, int(result.add1.final_per_voter)) == (65, 153)
    assert result.add1.budget_steps == 89


def test_add1u_completes_with_greedy_by_votes():
    result = count(example_1(swap_voter_11=True), "equalshares/add1u")
    assert result.winners == ("gym", "park", "playground", "library")  # 150 left, nothing fits
    plain = count(example_1(), "equalshares/utilitarian")
    assert plain.winners == ("bike", "playground", "library")
    assert plain.outcome("gym").code == "supporters-out-of-money"


def test_satisfaction_stats_of_example_1():
    stats = count(example_1(), "equalshares").satisfaction
    assert stats.voters == 11
    assert stats.with_funded_project == 11
    assert stats.share_with_funded_project == 1
    assert stats.mean_funded_projects == Fraction(7 + 4 + 3, 11)
    assert stats.mean_funded_cost == Fraction(7 * 700 + 4 * 200 + 3 * 100, 11)
