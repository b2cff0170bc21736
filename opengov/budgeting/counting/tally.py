"""Per-project tallies, eligibility filters and the declared tie-break order (spec §3.1, §4.8, §5)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from opengov.budgeting.pabulib import Election, Project, ballot_points


class TieBreak(StrEnum):
    """How equal results are ordered; fixed before counting and applied at every step."""

    # Row order of PROJECTS (the platform's ``tie_rank``). Imported files use it for greedy.
    DECLARED_ORDER = "declared-order"
    # Lower cost, then more votes (score for points ballots), then more top preferences, then
    # declared order (the published lot). The platform default and the MES default.
    COST_VOTES_TOP = "cost-votes-top"


@dataclass(frozen=True)
class Tally:
    """votes(p) = ballots listing p; score(p) = points of p; top(p) = ballots listing p first."""

    votes: dict[str, int]
    score: dict[str, Fraction]
    top: dict[str, int]
    has_points: bool

    def result(self, project_id: str) -> Fraction:
        """What greedy sorts by: the score for points ballots, the votes otherwise."""
        if self.has_points:
            return self.score[project_id]
        return Fraction(self.votes[project_id])


def tally(election: Election) -> Tally:
    """Recount votes, score and top preferences from the ballots (the columns are ignored)."""
    votes = {project.project_id: 0 for project in election.projects}
    score = {project.project_id: Fraction(0) for project in election.projects}
    top = {project.project_id: 0 for project in election.projects}
    default = election.meta_number("default_score") if election.vote_type == "scoring" else None
    for ballot in election.ballots:
        points = ballot_points(election, ballot)
        for project_id, value in zip(ballot.vote, points, strict=True):
            votes[project_id] += 1
            score[project_id] += value
        if ballot.vote:
            # Ballots list projects in decreasing order of points, so the first one is the top.
            top[ballot.vote[0]] += 1
        if default:
            listed = set(ballot.vote)
            for project_id in score:
                if project_id not in listed:
                    score[project_id] += default
    return Tally(votes=votes, score=score, top=top, has_points=election.has_points)


def tie_rank(election: Election, counts: Tally, tie_break: TieBreak) -> dict[str, int]:
    """Position of every project in the tie-break order (0 = wins every tie)."""
    declared = {project.project_id: index for index, project in enumerate(election.projects)}
    if tie_break is TieBreak.DECLARED_ORDER:
        return declared

    def key(project: Project) -> tuple[Fraction, Fraction, int, int]:
        pid = project.project_id
        return (project.cost, -counts.result(pid), -counts.top[pid], declared[pid])

    ordered = sorted(election.projects, key=key)
    return {project.project_id: index for index, project in enumerate(ordered)}


@dataclass(frozen=True)
class Eligibility:
    """Projects that may be funded at all; the same set is used by every stage of a rule."""

    threshold: Fraction | None = None  # result(p) must be ≥ threshold (≥, spec §3.4)
    excluded: frozenset[str] = frozenset()  # e.g. withdrawn by the organiser before counting

    def reason(self, project: Project, counts: Tally) -> tuple[str, str, str] | None:
        """None when eligible, else (code, English reason, Thai reason)."""
        if project.is_withdrawn:
            return (
                "withdrawn",
                "withdrawn after the vote (cost 999999999 in the file)",
                "ถอนตัวหลังการลงคะแนน (งบประมาณ 999999999 ในไฟล์)",
            )
        if project.project_id in self.excluded:
            return ("excluded", "excluded by the organiser", "ผู้จัดตัดออกจากการพิจารณา")
        result = counts.result(project.project_id)
        if self.threshold is not None and result < self.threshold:
            what_en = "score" if counts.has_points else "votes"
            what_th = "คะแนน" if counts.has_points else "เสียง"
            return (
                "below-threshold",
                f"{fmt(result)} {what_en}, below the threshold of {fmt(self.threshold)}",
                f"ได้ {fmt(result)} {what_th} ต่ำกว่าเกณฑ์ขั้นต่ำ {fmt(self.threshold)}",
            )
        return None


def fmt(value: Fraction | int) -> str:
    """Exact, readable number for explanations (``1/3`` stays a fraction, never rounded)."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"
