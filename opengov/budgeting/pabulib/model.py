"""The in-memory form of one PB round as a `.pb` file describes it (META, PROJECTS, VOTES)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from opengov.budgeting.pabulib.errors import FormatWarning
from opengov.budgeting.pabulib.numbers import parse_integer, parse_number

# Cost written for a project withdrawn after the vote: kept in the file, never funded.
SENTINEL_COST = Fraction(999_999_999)

VOTE_TYPES = ("approval", "ordinal", "cumulative", "scoring", "choose-1")
RULES = (
    "greedy",
    "greedy-no-skip",
    "greedy-threshold",
    "greedy-exclusive",
    "greedy-custom",
    "equalshares",
    "equalshares-comparison",
    "equalshares/add1",
    "equalshares/add1-comparison",
    "unknown",
)
REQUIRED_META = (
    "description",
    "country",
    "unit",
    "instance",
    "num_projects",
    "num_votes",
    "budget",
    "vote_type",
    "rule",
    "date_begin",
    "date_end",
)
# META keys whose value must be a number (checked on import so counting can rely on them).
NUMERIC_META = (
    "budget",
    "min_sum_cost",
    "max_sum_cost",
    "min_points",
    "max_points",
    "min_sum_points",
    "max_sum_points",
    "default_score",
    "min_project_score_threshold",
)
INTEGER_META = ("num_projects", "num_votes", "min_length", "max_length")
POINTS_VOTE_TYPES = ("cumulative", "scoring")


@dataclass(frozen=True)
class Project:
    """One PROJECTS row. ``extra`` keeps every other column as text, in file order."""

    project_id: str
    cost: Fraction
    name: str = ""
    votes: int | None = None
    score: Fraction | None = None
    categories: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    selected: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def is_withdrawn(self) -> bool:
        """True for the sentinel cost 999999999 (withdrawn after the vote, never funded)."""
        return self.cost == SENTINEL_COST


@dataclass(frozen=True)
class Ballot:
    """One VOTES row: the project ids in ballot order and, for points ballots, their points."""

    voter_id: str
    vote: tuple[str, ...]
    points: tuple[Fraction, ...] | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Election:
    """One PB round (one META block). Row order of ``projects`` is the declared tie-break order."""

    meta: dict[str, str]
    projects: tuple[Project, ...]
    ballots: tuple[Ballot, ...]
    project_columns: tuple[str, ...]
    vote_columns: tuple[str, ...]
    warnings: tuple[FormatWarning, ...] = field(default=(), compare=False)

    @property
    def budget(self) -> Fraction:
        """META ``budget`` as an exact number."""
        return self.meta_number("budget") or Fraction(0)

    @property
    def vote_type(self) -> str:
        """META ``vote_type`` (one of VOTE_TYPES)."""
        return self.meta.get("vote_type", "approval")

    @property
    def rule(self) -> str:
        """META ``rule`` (one of RULES)."""
        return self.meta.get("rule", "unknown")

    @property
    def has_points(self) -> bool:
        """True when projects are ranked by points (cumulative, scoring, ordinal) not by votes."""
        return self.vote_type in ("cumulative", "scoring", "ordinal")

    def meta_number(self, key: str) -> Fraction | None:
        """A numeric META value, or None when the key is absent."""
        text = self.meta.get(key)
        if text is None or text == "":
            return None
        parsed = parse_number(text)
        return None if parsed is None else parsed[0]

    def meta_integer(self, key: str) -> int | None:
        """An integer META value, or None when the key is absent."""
        text = self.meta.get(key)
        return None if text is None or text == "" else parse_integer(text)

    def project(self, project_id: str) -> Project:
        """The project with this id (KeyError if absent)."""
        for project in self.projects:
            if project.project_id == project_id:
                return project
        raise KeyError(project_id)
