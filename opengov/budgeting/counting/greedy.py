"""Greedy rules (spec §3): skip, no-skip, threshold, exclusive, Poznań; by votes or by points."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from fractions import Fraction

from opengov.budgeting.counting.result import ProjectOutcome
from opengov.budgeting.counting.tally import Eligibility, Tally, fmt
from opengov.budgeting.pabulib import Project

# Poznań: the first project that does not fit is still funded (from reserve money) when the money
# left covers at least 80 % of its cost.
POZNAN_TOLERANCE = Fraction(4, 5)


@dataclass(frozen=True)
class GreedyOutcome:
    """Winners in selection order and a reason for every project (declared order)."""

    winners: tuple[str, ...]
    projects: tuple[ProjectOutcome, ...]


def greedy_order(projects: Iterable[Project], counts: Tally, rank: dict[str, int]) -> list[Project]:
    """Projects by result (score or votes) descending; equal results in tie-break order."""
    return sorted(projects, key=lambda p: (-counts.result(p.project_id), rank[p.project_id]))


def run_greedy(
    projects: tuple[Project, ...],
    counts: Tally,
    budget: Fraction,
    rank: dict[str, int],
    eligibility: Eligibility,
    *,
    stop_at_misfit: bool = False,
    reserve_tolerance: Fraction | None = None,
    conflict_groups: Collection[frozenset[str]] = (),
    already_funded: tuple[str, ...] = (),
    stage: tuple[str, str] = ("greedy", "กติกาเรียงตามคะแนน"),
) -> GreedyOutcome:
    """Fund projects in greedy order while money lasts.

    ``stop_at_misfit``: greedy-no-skip (stop at the first eligible project that does not fit;
    withdrawn projects are skipped, never stop the count). ``reserve_tolerance``: Poznań — the
    first misfit is funded anyway when ``remaining ≥ tolerance · cost``, then the count stops.
    ``already_funded`` starts from a previous stage's winners (utilitarian completion).
    """
    what_en, what_th = ("score", "คะแนน") if counts.has_points else ("votes", "เสียง")
    remaining = budget - sum(
        (p.cost for p in projects if p.project_id in already_funded), Fraction(0)
    )
    winners: list[str] = []
    reasons: dict[str, tuple[bool, str, str, str]] = {}
    blocked_by: dict[str, str] = {}
    stopped_at: str | None = None
    for position, project in enumerate(greedy_order(projects, counts, rank), start=1):
        pid = project.project_id
        if pid in already_funded:
            continue
        value = fmt(counts.result(pid))
        if stopped_at is not None:
            reasons[pid] = (
                False,
                "not-reached",
                f"not reached: counting stopped at project {stopped_at}, which did not fit",
                f"ไม่ถึงลำดับพิจารณา: การนับหยุดที่โครงการ {stopped_at} ซึ่งงบไม่พอ",
            )
            continue
        ineligible = eligibility.reason(project, counts)
        if ineligible is not None:
            reasons[pid] = (False, *ineligible)
            continue
        if pid in blocked_by:
            other = blocked_by[pid]
            reasons[pid] = (
                False,
                "conflict",
                f"excludes funded project {other} (same site)",
                f"ขัดกับโครงการ {other} ที่ได้รับงบแล้ว (พื้นที่เดียวกัน)",
            )
            continue
        if project.cost <= remaining:
            winners.append(pid)
            reasons[pid] = (
                True,
                "funded",
                f"funded: {position}. by {what_en} ({value}); cost {fmt(project.cost)} fitted "
                f"in the {fmt(remaining)} left ({stage[0]})",
                f"ได้รับงบ: ลำดับที่ {position} ตาม{what_th} ({value}) งบ {fmt(project.cost)} "
                f"ไม่เกินเงินที่เหลือ {fmt(remaining)} ({stage[1]})",
            )
            remaining -= project.cost
            for group in conflict_groups:
                if pid in group:
                    for other in group - {pid}:
                        blocked_by.setdefault(other, pid)
            continue
        if reserve_tolerance is not None and remaining >= reserve_tolerance * project.cost:
            winners.append(pid)
            reasons[pid] = (
                True,
                "funded-from-reserve",
                f"funded from reserve: cost {fmt(project.cost)} is more than the "
                f"{fmt(remaining)} left, which still covers {fmt(reserve_tolerance * 100)} % of it",
                f"ได้รับงบจากเงินสำรอง: งบ {fmt(project.cost)} เกินเงินที่เหลือ {fmt(remaining)} "
                f"แต่เงินที่เหลือครอบคลุมอย่างน้อย {fmt(reserve_tolerance * 100)} %",
            )
            stopped_at = pid
            continue
        reasons[pid] = (
            False,
            "did-not-fit",
            f"did not fit: cost {fmt(project.cost)}, only {fmt(remaining)} left at its turn "
            f"({position}. by {what_en}, {value})",
            f"งบไม่พอ: งบ {fmt(project.cost)} แต่เหลือเงินเพียง {fmt(remaining)} เมื่อถึงลำดับ "
            f"({position} ตาม{what_th} {value})",
        )
        if stop_at_misfit or reserve_tolerance is not None:
            stopped_at = pid
    outcomes = tuple(
        ProjectOutcome(p.project_id, *reasons[p.project_id])
        for p in projects
        if p.project_id in reasons
    )
    return GreedyOutcome(winners=tuple(winners), projects=outcomes)
