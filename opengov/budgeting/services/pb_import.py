"""Import of a Pabulib `.pb` file into an empty area: all or nothing, errors name the line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from opengov.accounts.selectors import AnyUser
from opengov.budgeting.models import Ballot, BallotChannel, ProcessArea, Proposal, ProposalStatus
from opengov.budgeting.pabulib import Election, PabulibFormatError, read_pb, validate_ballots
from opengov.budgeting.pabulib.numbers import format_number
from opengov.budgeting.selectors import user_can_manage_process
from opengov.budgeting.services.errors import in_language, refusal

# Ballot problems that make a file unusable; others (limits broken in a published historical
# file) are reported but kept, because the official result was counted on those ballots.
FATAL_BALLOT_PROBLEMS = ("unknown-project", "duplicate-voter")


@dataclass(frozen=True)
class ImportSummary:
    projects: int
    ballots: int
    warnings: tuple[str, ...]


def _money(value: Fraction, what: str) -> Decimal:
    try:
        text = format_number(value)
    except ValueError:
        text = ""
    amount = Decimal(text) if text else Decimal("NaN")
    if amount.is_nan() or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise refusal(
            "file",
            f"{what} {value} has more than two decimals",
            f"{what} {value} มีทศนิยมเกินสองตำแหน่ง",
            "money",
        )
    return amount


def _coordinate(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _parse(data: bytes) -> Election:
    try:
        return read_pb(data)
    except PabulibFormatError as error:
        where_en = f"line {error.line}: " if error.line else ""
        where_th = f"บรรทัด {error.line}: " if error.line else ""
        raise refusal(
            "file",
            where_en + error.message_en,
            where_th + error.message_th,
            "format",
        ) from error


def _voter_key(area: ProcessArea, voter_id: str) -> str:
    key = f"import:{area.pk}:{voter_id}"
    return key if len(key) <= 80 else "import:" + hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def area_import_pb(*, user: AnyUser, area: ProcessArea, data: bytes) -> ImportSummary:
    """Fill an empty area with the projects and ballots of a `.pb` file (its META kept)."""
    if not user_can_manage_process(user, area.process):
        raise PermissionDenied
    if area.proposals.exists() or area.ballots.exists():
        raise refusal(
            "file",
            "This area already has projects or ballots; import into a new, empty area.",
            "พื้นที่นี้มีโครงการหรือบัตรลงคะแนนแล้ว กรุณานำเข้าในพื้นที่ใหม่ที่ยังว่าง",
            "not-empty",
        )
    election = _parse(data)
    problems = validate_ballots(election)
    fatal = [problem for problem in problems if problem.code in FATAL_BALLOT_PROBLEMS]
    if fatal:
        raise refusal(
            "file",
            "; ".join(f"voter {p.voter_id}: {p.message_en}" for p in fatal[:10]),
            "; ".join(f"ผู้ลงคะแนน {p.voter_id}: {p.message_th}" for p in fatal[:10]),
            fatal[0].code,
        )
    area.budget = _money(election.budget, "budget")
    area.pb_meta = dict(election.meta)
    area.pb_meta_order = list(election.meta)
    area.pb_project_columns = list(election.project_columns)
    area.pb_vote_columns = list(election.vote_columns)
    area.full_clean()
    area.save()
    proposals = []
    for position, project in enumerate(election.projects, start=1):
        proposal = Proposal(
            area=area,
            code=project.project_id,
            position=position,
            title=project.name,
            cost=_money(project.cost, f"project {project.project_id}"),
            status=ProposalStatus.FEASIBLE,
            latitude=_coordinate(project.extra.get("latitude")),
            longitude=_coordinate(project.extra.get("longitude")),
            pb_votes=project.votes,
            pb_score="" if project.score is None else format_number(project.score),
            pb_selected=project.selected,
            pb_categories=list(project.categories),
            pb_beneficiaries=list(project.beneficiaries),
            pb_extra=dict(project.extra),
        )
        proposal.full_clean(exclude=["title"] if not project.name else None)
        proposals.append(proposal)
    Proposal.objects.bulk_create(proposals)
    now = timezone.now()
    Ballot.objects.bulk_create(
        (
            Ballot(
                process=area.process,
                area=area,
                voter_key=_voter_key(area, ballot.voter_id),
                pb_voter_id=ballot.voter_id,
                channel=BallotChannel.IMPORT,
                vote=list(ballot.vote),
                points=None if ballot.points is None else [format_number(p) for p in ballot.points],
                pb_extra=dict(ballot.extra),
                submitted_at=now,
            )
            for ballot in election.ballots
        ),
        batch_size=2000,
    )
    warnings = [str(warning) for warning in election.warnings]
    warnings += [in_language(p.message_en, p.message_th) for p in problems]
    return ImportSummary(len(proposals), len(election.ballots), tuple(warnings))
