"""An area as a Pabulib ``Election``: the form counting, validation and export all work on.

An area imported from a `.pb` file keeps the file's META, columns and cells, so exporting it gives
back the same election. An area run on the platform gets META from its process settings.
"""

from __future__ import annotations

import hashlib
from fractions import Fraction

from opengov.budgeting.models import (
    Ballot,
    BallotStyle,
    CountRun,
    CountStatus,
    ProcessArea,
    Proposal,
)
from opengov.budgeting.pabulib import Ballot as PbBallot
from opengov.budgeting.pabulib import Election, Project, write_pb
from opengov.budgeting.pabulib.numbers import format_number
from opengov.budgeting.selectors.processes import area_proposals_on_ballot

# Voter columns that carry no personal data (age, sex, neighbourhood… are left out of downloads).
PUBLIC_VOTE_COLUMNS = ("voter_id", "vote", "points", "voting_method")
VOTE_TYPES = {
    BallotStyle.APPROVAL: "approval",
    BallotStyle.KNAPSACK: "approval",
    BallotStyle.CUMULATIVE: "cumulative",
    BallotStyle.RANKED: "ordinal",
    BallotStyle.CHOOSE_ONE: "choose-1",
}


def area_projects_election(area: ProcessArea) -> Election:
    """The area's round without ballots: what a new ballot is validated against."""
    return _election(area, ballots=(), anonymise=False)


def area_election(area: ProcessArea, *, anonymise: bool = False) -> Election:
    """The area's round with every ballot (submission order).

    ``anonymise``: voters numbered 1, 2, … and only the columns in ``PUBLIC_VOTE_COLUMNS`` — the
    form of the public download.
    """
    ballots = Ballot.objects.filter(area=area).order_by("submitted_at", "pk")
    rows = tuple(
        _ballot(ballot, number, anonymise)
        for number, ballot in enumerate(ballots.iterator(chunk_size=5000), start=1)
    )
    return _election(area, ballots=rows, anonymise=anonymise)


def election_digest(election: Election, rule: str | None) -> str:
    """SHA-256 of the election's `.pb` text and the rule: equal digests count the same."""
    text = write_pb(election, keep_order=True) + f"\n#rule={rule or ''}"
    return hashlib.sha256(text.encode()).hexdigest()


def _election(area: ProcessArea, *, ballots: tuple[PbBallot, ...], anonymise: bool) -> Election:
    proposals = list(area_proposals_on_ballot(area))
    selected = _selected(area) if not area.is_imported else None
    projects = tuple(_project(area, proposal, selected) for proposal in proposals)
    meta = _meta(area, len(projects), len(ballots))
    vote_columns = tuple(area.pb_vote_columns)
    if anonymise and vote_columns:
        vote_columns = tuple(column for column in vote_columns if column in PUBLIC_VOTE_COLUMNS)
    return Election(
        meta=meta,
        projects=projects,
        ballots=ballots,
        project_columns=tuple(area.pb_project_columns),
        vote_columns=vote_columns,
    )


def _selected(area: ProcessArea) -> frozenset[str] | None:
    run = (
        CountRun.objects.filter(area=area, status=CountStatus.DONE, comparison_rule="")
        .order_by("-created_at", "-pk")
        .first()
    )
    return None if run is None else frozenset(run.winners)


def _project(area: ProcessArea, proposal: Proposal, selected: frozenset[str] | None) -> Project:
    cost = Fraction(proposal.cost if proposal.cost is not None else 0)
    if area.is_imported:
        return Project(
            project_id=proposal.code,
            cost=cost,
            name=proposal.title,
            votes=proposal.pb_votes,
            score=Fraction(proposal.pb_score) if proposal.pb_score else None,
            categories=tuple(proposal.pb_categories),
            beneficiaries=tuple(proposal.pb_beneficiaries),
            selected=proposal.pb_selected,
            extra=dict(proposal.pb_extra),
        )
    extra: dict[str, str] = {}
    if proposal.latitude is not None and proposal.longitude is not None:
        extra = {"latitude": str(proposal.latitude), "longitude": str(proposal.longitude)}
    return Project(
        project_id=proposal.code,
        cost=cost,
        name=proposal.title,
        categories=(proposal.category.name_en or proposal.category.name_th,)
        if proposal.category
        else (),
        selected=None if selected is None else int(proposal.code in selected),
        extra=extra,
    )


def _ballot(ballot: Ballot, number: int, anonymise: bool) -> PbBallot:
    points = None if ballot.points is None else tuple(Fraction(p) for p in ballot.points)
    if anonymise:
        extra = {k: v for k, v in ballot.pb_extra.items() if k in PUBLIC_VOTE_COLUMNS}
        if not ballot.pb_extra and ballot.channel != "import":
            extra = {"voting_method": ballot.channel}
        return PbBallot(str(number), tuple(ballot.vote), points, extra)
    if ballot.pb_voter_id:
        return PbBallot(ballot.pb_voter_id, tuple(ballot.vote), points, dict(ballot.pb_extra))
    return PbBallot(str(number), tuple(ballot.vote), points, {"voting_method": ballot.channel})


def _meta(area: ProcessArea, num_projects: int, num_votes: int) -> dict[str, str]:
    if area.is_imported:
        order = [key for key in area.pb_meta_order if key in area.pb_meta]
        keys = order + [key for key in area.pb_meta if key not in order]
        meta = {str(key): str(area.pb_meta[key]) for key in keys}
        for key, value in (("num_projects", num_projects), ("num_votes", num_votes)):
            if key in meta and _as_int(meta[key]) != value:
                meta[key] = str(value)
        return meta
    process = area.process
    style = BallotStyle(process.ballot_style)
    meta = {
        "description": f"{process.title_th} – {area.name_th}",
        "country": "Thailand",
        "unit": process.organisation.name_th,
        "subunit": area.name_th,
        "instance": str(process.voting_open_at.year),
        "num_projects": str(num_projects),
        "num_votes": str(num_votes),
        "budget": format_number(Fraction(area.budget)),
        "vote_type": VOTE_TYPES[style],
        "rule": process.rule,
        "date_begin": process.voting_open_at.strftime("%d.%m.%Y"),
        "date_end": process.voting_close_at.strftime("%d.%m.%Y"),
    }
    meta.update(_limits(area, style, num_projects))
    # A project nobody voted for is never funded, even when money is left.
    meta["min_project_score_threshold"] = str(max(process.min_score_threshold or 0, 1))
    meta.update({"language": "th", "currency": process.currency})
    return meta


def _limits(area: ProcessArea, style: BallotStyle, num_projects: int) -> dict[str, str]:
    process = area.process
    if style == BallotStyle.CHOOSE_ONE:
        return {"min_length": "1", "max_length": "1"}
    limits = {"min_length": str(process.min_projects)}
    most = process.max_projects
    if style == BallotStyle.RANKED:
        most = min(most or num_projects, len(process.rank_points_list()))
    if most is not None:
        limits["max_length"] = str(most)
    if style == BallotStyle.KNAPSACK:
        limits["max_sum_cost"] = format_number(Fraction(area.budget))
    if style == BallotStyle.CUMULATIVE:
        total = process.max_total_points or 0
        limits["min_points"] = "0"
        limits["max_points"] = str(process.max_points_per_project or total)
        limits["max_sum_points"] = str(total)
    return limits


def _as_int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None
