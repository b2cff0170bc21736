"""Ballot validation against the round's META limits (spec §2); pure, returns every problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from opengov.budgeting.pabulib.model import Ballot, Election
from opengov.budgeting.pabulib.numbers import format_number


@dataclass(frozen=True)
class BallotProblem:
    """One reason why a ballot breaks the rules of its round."""

    voter_id: str
    code: str  # stable machine name: over-budget, too-many-projects, unknown-project, …
    message_en: str
    message_th: str

    def __str__(self) -> str:
        return f"{self.message_en} / {self.message_th}"


def validate_ballots(election: Election) -> list[BallotProblem]:
    """Every problem of every ballot, in ballot order (duplicate voters included)."""
    problems: list[BallotProblem] = []
    seen: set[str] = set()
    check = ballot_checker(election)
    for ballot in election.ballots:
        if ballot.voter_id in seen:
            problems.append(
                BallotProblem(
                    ballot.voter_id,
                    "duplicate-voter",
                    f"voter {ballot.voter_id} has more than one ballot",
                    f"ผู้ลงคะแนน {ballot.voter_id} มีบัตรมากกว่าหนึ่งใบ",
                )
            )
        seen.add(ballot.voter_id)
        problems.extend(check(ballot))
    return problems


def validate_ballot(election: Election, ballot: Ballot) -> list[BallotProblem]:
    """Problems of one ballot: unknown or repeated projects, length, total cost, points limits."""
    return ballot_checker(election)(ballot)


def ballot_checker(election: Election) -> Callable[[Ballot], list[BallotProblem]]:
    """A ``validate_ballot`` for many ballots of one round (project costs looked up once)."""
    costs = {project.project_id: project.cost for project in election.projects}
    limits = _Limits(election)

    def check(ballot: Ballot) -> list[BallotProblem]:
        return _check_ballot(limits, costs, ballot)

    return check


class _Limits:
    """The round's ballot limits, read from META once."""

    def __init__(self, election: Election) -> None:
        self.vote_type = election.vote_type
        self.min_length = election.meta_integer("min_length")
        self.max_length = election.meta_integer("max_length")
        self.min_sum_cost = election.meta_number("min_sum_cost")
        self.max_sum_cost = election.meta_number("max_sum_cost")
        self.min_points = election.meta_number("min_points")
        self.max_points = election.meta_number("max_points")
        self.min_sum_points = election.meta_number("min_sum_points")
        self.max_sum_points = election.meta_number("max_sum_points")


def _check_ballot(
    limits: _Limits, costs: dict[str, Fraction], ballot: Ballot
) -> list[BallotProblem]:
    problems: list[BallotProblem] = []
    voter = ballot.voter_id

    def problem(code: str, message_en: str, message_th: str) -> None:
        problems.append(BallotProblem(voter, code, message_en, message_th))

    for project_id in ballot.vote:
        if project_id not in costs:
            problem(
                "unknown-project",
                f"project {project_id} is not in this round",
                f"โครงการ {project_id} ไม่อยู่ในรอบนี้",
            )
    if len(set(ballot.vote)) != len(ballot.vote):
        problem(
            "repeated-project",
            "the ballot lists a project more than once",
            "บัตรเลือกโครงการเดียวกันมากกว่าหนึ่งครั้ง",
        )
    _check_length(limits, ballot, problem)
    if limits.vote_type == "approval":
        total = sum((costs.get(project_id, Fraction(0)) for project_id in ballot.vote), Fraction(0))
        limit = limits.max_sum_cost
        if limit is not None and total > limit:
            problem(
                "over-budget",
                f"the chosen projects cost {format_number(total)}, more than the limit "
                f"{format_number(limit)}",
                f"โครงการที่เลือกรวม {format_number(total)} เกินวงเงิน {format_number(limit)}",
            )
        floor = limits.min_sum_cost
        if floor is not None and total < floor:
            problem(
                "under-min-cost",
                f"the chosen projects cost {format_number(total)}, less than the minimum "
                f"{format_number(floor)}",
                f"โครงการที่เลือกรวม {format_number(total)} น้อยกว่าขั้นต่ำ {format_number(floor)}",
            )
    if limits.vote_type in ("cumulative", "scoring"):
        _check_points(limits, ballot, problem)
    return problems


def _check_length(
    limits: _Limits, ballot: Ballot, problem: Callable[[str, str, str], None]
) -> None:
    count = len(ballot.vote)
    low = limits.min_length
    high = limits.max_length
    if limits.vote_type == "choose-1":
        low, high = 1, 1
    elif low is None and limits.vote_type != "scoring":
        low = 1
    if high is not None and count > high:
        problem(
            "too-many-projects",
            f"the ballot lists {count} projects, at most {high} allowed",
            f"บัตรเลือก {count} โครงการ เลือกได้ไม่เกิน {high} โครงการ",
        )
    if low is not None and count < low:
        problem(
            "too-few-projects",
            f"the ballot lists {count} projects, at least {low} required",
            f"บัตรเลือก {count} โครงการ ต้องเลือกอย่างน้อย {low} โครงการ",
        )


def _check_points(
    limits: _Limits, ballot: Ballot, problem: Callable[[str, str, str], None]
) -> None:
    points = ballot.points
    if points is None or len(points) != len(ballot.vote):
        problem(
            "points-mismatch",
            "the ballot needs one number of points per listed project",
            "บัตรต้องมีคะแนนหนึ่งค่าต่อหนึ่งโครงการที่เลือก",
        )
        return
    low = limits.min_points
    high = limits.max_points
    if limits.vote_type == "cumulative":
        low = Fraction(0) if low is None else low
        high = limits.max_sum_points if high is None else high
    for project_id, value in zip(ballot.vote, points, strict=True):
        if (low is not None and value < low) or (high is not None and value > high):
            problem(
                "points-out-of-range",
                f"project {project_id} gets {format_number(value)} points, outside the allowed "
                f"range",
                f"โครงการ {project_id} ได้ {format_number(value)} คะแนน ซึ่งอยู่นอกช่วงที่อนุญาต",
            )
    total = sum(points, Fraction(0))
    sum_low = limits.min_sum_points
    sum_high = limits.max_sum_points
    if sum_high is not None and total > sum_high:
        problem(
            "too-many-points",
            f"the ballot gives {format_number(total)} points, at most {format_number(sum_high)}",
            f"บัตรให้คะแนนรวม {format_number(total)} เกินสูงสุด {format_number(sum_high)}",
        )
    if sum_low is not None and total < sum_low:
        problem(
            "too-few-points",
            f"the ballot gives {format_number(total)} points, at least {format_number(sum_low)}",
            f"บัตรให้คะแนนรวม {format_number(total)} น้อยกว่าขั้นต่ำ {format_number(sum_low)}",
        )
