"""Points a ballot gives to each project, and the recomputed ``votes``/``score`` columns."""

from __future__ import annotations

from fractions import Fraction

from opengov.budgeting.pabulib.model import Ballot, Election


def ballot_points(election: Election, ballot: Ballot) -> tuple[Fraction, ...]:
    """Points of each listed project, aligned with ``ballot.vote``.

    Approval and choose-1 ballots give 1 point. Ordinal ballots without a ``points`` column give
    positional points: ``max_length − position`` when META declares ``max_length`` (Kraków: 3, 2, 1),
    otherwise ``ballot length − position`` (Stanford ranking files).
    """
    if ballot.points is not None:
        return ballot.points
    length = len(ballot.vote)
    if election.vote_type == "ordinal":
        top = election.meta_integer("max_length") or length
        return tuple(Fraction(top - position) for position in range(length))
    return (Fraction(1),) * length


def recount(election: Election) -> tuple[dict[str, int], dict[str, Fraction]]:
    """(votes, score) per project id recomputed from the ballots; declared project order.

    ``votes`` counts ballots that list the project; ``score`` sums its points (for ``scoring``
    ballots, unlisted projects get ``default_score``).
    """
    votes = {project.project_id: 0 for project in election.projects}
    score = {project.project_id: Fraction(0) for project in election.projects}
    default = election.meta_number("default_score") if election.vote_type == "scoring" else None
    for ballot in election.ballots:
        for project_id, points in zip(ballot.vote, ballot_points(election, ballot), strict=True):
            votes[project_id] += 1
            score[project_id] += points
        if default:
            listed = set(ballot.vote)
            for project_id in score:
                if project_id not in listed:
                    score[project_id] += default
    return votes, score
