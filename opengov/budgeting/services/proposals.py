"""Citizens submit proposals; officers review them (feasible with a cost, rejected with a reason,
or merged into a similar proposal)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from opengov.accounts.models import User
from opengov.accounts.selectors import AnyUser
from opengov.budgeting.models import Category, Phase, ProcessArea, Proposal, ProposalStatus
from opengov.budgeting.selectors import user_can_manage_process
from opengov.budgeting.services.errors import refusal


def _next_position(area: ProcessArea) -> int:
    highest = Proposal.objects.filter(area=area).aggregate(top=Max("position"))["top"]
    return 1 if highest is None else highest + 1


@transaction.atomic
def proposal_submit(
    *,
    user: AnyUser,
    area: ProcessArea,
    title: str,
    description: str = "",
    proposed_cost: Decimal | None = None,
    category: Category | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    now: datetime | None = None,
) -> Proposal:
    """A signed-in citizen's proposal, accepted only while proposals are open."""
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    if area.process.phase_at(now or timezone.now()) != Phase.PROPOSALS:
        raise refusal(
            "__all__",
            "Proposals can be submitted only while submission is open.",
            "ส่งข้อเสนอได้เฉพาะช่วงเปิดรับข้อเสนอเท่านั้น",
            "phase",
        )
    position = _next_position(area)
    proposal = Proposal(
        area=area,
        code=f"P{area.pk}-{position:03d}",
        position=position,
        title=title,
        description=description,
        proposed_cost=proposed_cost,
        category=category,
        latitude=latitude,
        longitude=longitude,
        submitted_by=user,
    )
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_review(
    *,
    user: AnyUser,
    proposal: Proposal,
    status: str,
    cost: Decimal | None = None,
    note: str = "",
    merged_into: Proposal | None = None,
) -> Proposal:
    """Officers' decision: ``feasible`` needs a cost, ``rejected`` a reason, ``merged`` a target
    proposal of the same area."""
    if not user_can_manage_process(user, proposal.area.process):
        raise PermissionDenied
    if status == ProposalStatus.FEASIBLE and cost is None:
        raise refusal(
            "cost",
            "A feasible proposal needs the officers' cost estimate.",
            "ข้อเสนอที่ทำได้ต้องมีประมาณการค่าใช้จ่ายของเจ้าหน้าที่",
            "required",
        )
    if status == ProposalStatus.REJECTED and not note.strip():
        raise refusal(
            "note",
            "Give the reason why the proposal cannot be carried out.",
            "กรุณาระบุเหตุผลที่ข้อเสนอทำไม่ได้",
            "required",
        )
    if status == ProposalStatus.MERGED and (
        merged_into is None or merged_into.area_id != proposal.area_id or merged_into == proposal
    ):
        raise refusal(
            "merged_into",
            "Choose another proposal of the same area to merge into.",
            "กรุณาเลือกข้อเสนออื่นในพื้นที่เดียวกันที่จะรวมเข้าด้วยกัน",
            "invalid",
        )
    proposal.status = status
    proposal.cost = cost if cost is not None else proposal.cost
    proposal.review_note = note
    proposal.merged_into = merged_into if status == ProposalStatus.MERGED else None
    proposal.full_clean()
    proposal.save()
    return proposal
