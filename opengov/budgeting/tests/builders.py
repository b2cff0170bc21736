"""Small elections built in code for unit tests (the spec's worked examples)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from opengov.budgeting.pabulib import Ballot, Election, Project


def approval_election(
    budget: int, projects: Sequence[tuple[str, int]], ballots: Sequence[Sequence[str]]
) -> Election:
    """An approval round: (id, cost) per project, approved ids per voter (voters "1", "2", …)."""
    return Election(
        meta={
            "description": "worked example",
            "country": "Thailand",
            "unit": "Test",
            "instance": "2026",
            "num_projects": str(len(projects)),
            "num_votes": str(len(ballots)),
            "budget": str(budget),
            "vote_type": "approval",
            "rule": "equalshares/add1",
            "date_begin": "2026",
            "date_end": "2026",
        },
        projects=tuple(Project(pid, Fraction(cost), name=pid) for pid, cost in projects),
        ballots=tuple(
            Ballot(str(voter), tuple(vote)) for voter, vote in enumerate(ballots, start=1)
        ),
        project_columns=(),
        vote_columns=(),
    )


def by_supporters(supporters: Mapping[str, Sequence[int]], voters: int) -> list[list[str]]:
    """Ballots from "project → supporting voter numbers" tables like the spec's."""
    return [
        [pid for pid, who in supporters.items() if voter in who] for voter in range(1, voters + 1)
    ]


def example_1(swap_voter_11: bool = False) -> Election:
    """Spec §4.2 (and §4.3 with voter 11 supporting the gym instead of the bike path)."""
    supporters = {
        "bike": [1, 2, 3, 4, 5, 6] if swap_voter_11 else [1, 2, 3, 4, 5, 6, 11],
        "gym": [1, 2, 3, 4, 5, 6, 11] if swap_voter_11 else [1, 2, 3, 4, 5, 6],
        "park": [2, 4, 5, 7, 10],
        "playground": [7, 8, 9, 10],
        "library": [7, 9, 10],
    }
    costs = [("bike", 700), ("gym", 400), ("park", 250), ("playground", 200), ("library", 100)]
    return approval_election(1100, costs, by_supporters(supporters, 11))


def example_3() -> Election:
    """Spec §4.4 worked example 3: official Add1 differs from the exhaustive-stop variant."""
    supporters = {"A": [1, 3, 7], "B": [4, 5], "C": [1, 2, 5, 6, 7], "D": [1, 5]}
    costs = [("A", 280), ("B", 570), ("C", 110), ("D", 170)]
    return approval_election(455, costs, by_supporters(supporters, 7))
