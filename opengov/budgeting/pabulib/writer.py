"""Pabulib `.pb` writer (spec §1.8): minimal quoting, ``.`` decimals, no spaces in lists, no BOM.

``keep_order=False`` (the default) writes META keys and columns in the order of spec §1.8 with any
other keys/columns after them; ``keep_order=True`` keeps the order the file was read in, so an
imported file is written back cell for cell (and byte for byte when its line endings are uniform
and its numbers were already written the canonical way).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from opengov.budgeting.pabulib.model import Ballot, Election, Project
from opengov.budgeting.pabulib.numbers import format_number

META_ORDER = (
    "description",
    "country",
    "unit",
    "subunit",
    "district",
    "instance",
    "num_projects",
    "num_votes",
    "budget",
    "vote_type",
    "rule",
    "date_begin",
    "date_end",
    "min_length",
    "max_length",
    "min_sum_cost",
    "max_sum_cost",
    "scoring_fn",
    "min_points",
    "max_points",
    "min_sum_points",
    "max_sum_points",
    "default_score",
    "min_project_score_threshold",
    "edition",
    "language",
    "currency",
)
META_LAST = ("comment", "acknowledgments")
PROJECT_ORDER = (
    "project_id",
    "cost",
    "votes",
    "score",
    "name",
    "category",
    "beneficiaries",
    "selected",
    "latitude",
    "longitude",
)
VOTE_ORDER = ("voter_id", "vote", "points", "age", "sex", "voting_method")


def write_pb_file(
    election: Election, path: str | Path, *, newline: str = "\n", keep_order: bool = False
) -> None:
    """Write ``write_pb``'s text as UTF-8 (no BOM)."""
    Path(path).write_bytes(write_pb(election, newline=newline, keep_order=keep_order).encode())


def write_pb(election: Election, *, newline: str = "\n", keep_order: bool = False) -> str:
    """The `.pb` text of one round; ``newline`` is ``"\\n"`` (default) or ``"\\r\\n"``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator=newline)
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    for key in _ordered(list(election.meta), META_ORDER, META_LAST, keep_order):
        if election.meta[key] != "":
            writer.writerow([key, election.meta[key]])
    writer.writerow(["PROJECTS"])
    project_columns = _ordered(_project_columns(election), PROJECT_ORDER, (), keep_order)
    writer.writerow(project_columns)
    for project in election.projects:
        writer.writerow([_project_cell(project, column) for column in project_columns])
    vote_columns = list(election.vote_columns) or _vote_columns(election)
    if vote_columns:
        writer.writerow(["VOTES"])
        vote_columns = _ordered(vote_columns, VOTE_ORDER, (), keep_order)
        writer.writerow(vote_columns)
        for ballot in election.ballots:
            writer.writerow([_ballot_cell(ballot, column) for column in vote_columns])
    return buffer.getvalue()


def _ordered(
    columns: list[str], first: tuple[str, ...], last: tuple[str, ...], keep_order: bool
) -> list[str]:
    if keep_order:
        return columns
    present = set(columns)
    others = [column for column in columns if column not in first and column not in last]
    return (
        [column for column in first if column in present]
        + others
        + [column for column in last if column in present]
    )


def _project_columns(election: Election) -> list[str]:
    if election.project_columns:
        return list(election.project_columns)
    # A round built in code: the §1.8 columns, optional ones only when some project has them.
    columns = ["project_id", "cost", "votes"]
    if any(project.score is not None for project in election.projects):
        columns.append("score")
    columns.append("name")
    if any(project.categories for project in election.projects):
        columns.append("category")
    if any(project.beneficiaries for project in election.projects):
        columns.append("beneficiaries")
    columns.append("selected")
    for project in election.projects:
        columns.extend(column for column in project.extra if column not in columns)
    return columns


def _vote_columns(election: Election) -> list[str]:
    if not election.ballots:
        return []  # like Decidim: an empty section is not written
    columns = ["voter_id", "vote"]
    if any(ballot.points is not None for ballot in election.ballots):
        columns.append("points")
    for ballot in election.ballots:
        columns.extend(column for column in ballot.extra if column not in columns)
    return columns


def _project_cell(project: Project, column: str) -> str:
    if column == "project_id":
        return project.project_id
    if column == "cost":
        return format_number(project.cost)
    if column == "votes":
        return "" if project.votes is None else str(project.votes)
    if column == "score":
        return "" if project.score is None else format_number(project.score)
    if column == "name":
        return project.name
    if column == "category":
        return ",".join(project.categories)
    if column == "beneficiaries":
        return ",".join(project.beneficiaries)
    if column == "selected":
        return "" if project.selected is None else str(project.selected)
    return project.extra.get(column, "")


def _ballot_cell(ballot: Ballot, column: str) -> str:
    if column == "voter_id":
        return ballot.voter_id
    if column == "vote":
        return ",".join(ballot.vote)
    if column == "points":
        return "" if ballot.points is None else ",".join(map(format_number, ballot.points))
    return ballot.extra.get(column, "")
