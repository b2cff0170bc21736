"""Voters' satisfaction with an outcome, and the comparison step of ``…-comparison`` rules."""

from __future__ import annotations

from collections.abc import Collection
from fractions import Fraction

from opengov.budgeting.counting.result import SatisfactionStats
from opengov.budgeting.pabulib import Election, ballot_points

COMPARISON_MODES = ("satisfaction", "exclusionRatio")


def satisfaction_stats(election: Election, winners: Collection[str]) -> SatisfactionStats:
    """Share of voters with at least one funded project, and per-voter means (exact)."""
    funded = set(winners)
    costs = {project.project_id: project.cost for project in election.projects}
    voters = len(election.ballots)
    with_funded = 0
    funded_projects = 0
    funded_cost = Fraction(0)
    for ballot in election.ballots:
        mine = [project_id for project_id in ballot.vote if project_id in funded]
        if mine:
            with_funded += 1
            funded_projects += len(mine)
            funded_cost += sum((costs[project_id] for project_id in mine), Fraction(0))
    if voters == 0:
        zero = Fraction(0)
        return SatisfactionStats(0, 0, zero, zero, zero, zero)
    mean_cost = funded_cost / voters
    budget = election.budget
    return SatisfactionStats(
        voters=voters,
        with_funded_project=with_funded,
        share_with_funded_project=Fraction(with_funded, voters),
        mean_funded_projects=Fraction(funded_projects, voters),
        mean_funded_cost=mean_cost,
        mean_funded_share=mean_cost / budget if budget else Fraction(0),
    )


def compare_outcomes(
    election: Election, mes_winners: Collection[str], greedy_winners: Collection[str], mode: str
) -> tuple[int, int]:
    """(voters strictly preferring MES, voters strictly preferring greedy) — spec §4.6.

    ``satisfaction``: more of the voter's projects funded (for points ballots: more of her points
    on funded projects, spec §4.7); ``exclusionRatio``: at least one of them funded under one
    outcome and none under the other.
    """
    if mode not in COMPARISON_MODES:
        raise ValueError(f"comparison mode must be one of {COMPARISON_MODES}, not {mode!r}")
    mes, greedy = set(mes_winners), set(greedy_winners)
    prefer_mes = prefer_greedy = 0
    for ballot in election.ballots:
        points = ballot_points(election, ballot)
        pairs = list(zip(ballot.vote, points, strict=True))
        under_mes = sum((u for pid, u in pairs if pid in mes), Fraction(0))
        under_greedy = sum((u for pid, u in pairs if pid in greedy), Fraction(0))
        if mode == "exclusionRatio":
            under_mes, under_greedy = Fraction(under_mes > 0), Fraction(under_greedy > 0)
        if under_mes > under_greedy:
            prefer_mes += 1
        elif under_greedy > under_mes:
            prefer_greedy += 1
    return prefer_mes, prefer_greedy
