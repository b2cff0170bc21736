"""Counting an area in the background and storing the result (the page never recounts)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from opengov.accounts.models import User
from opengov.accounts.selectors import AnyUser
from opengov.budgeting.counting import SUPPORTED_RULES, CountResult, UnsupportedRule, count
from opengov.budgeting.models import CountRun, CountStatus, ProcessArea
from opengov.budgeting.selectors import area_election, election_digest, user_can_manage_process
from opengov.budgeting.services.errors import refusal


def area_rule(area: ProcessArea) -> str | None:
    """The rule to count with: the file's declared rule for imported areas, else the process's."""
    return None if area.is_imported else area.process.rule


def _exact(value: Fraction) -> str:
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )


def result_summary(result: CountResult) -> dict[str, Any]:
    """JSON form of a ``CountResult``: winners, reasons in Thai and English, MES rounds."""
    stats = result.satisfaction
    return {
        "rule": result.rule,
        "tie_break": result.tie_break,
        "winners": list(result.winners),
        "projects": [
            {
                "id": outcome.project_id,
                "funded": outcome.funded,
                "code": outcome.code,
                "reason_en": outcome.reason_en,
                "reason_th": outcome.reason_th,
            }
            for outcome in result.projects
        ],
        "mes_rounds": [
            {
                "number": row.number,
                "project_id": row.project_id,
                "effective_votes": _exact(row.effective_votes),
                "effective_votes_approx": round(float(row.effective_votes), 2),
                "max_payment_approx": round(float(row.max_payment), 2),
            }
            for row in result.mes_rounds
        ],
        "add1": None
        if result.add1 is None
        else {
            "final_per_voter": _exact(result.add1.final_per_voter),
            "budget_steps": result.add1.budget_steps,
            "stopped_by": result.add1.stopped_by,
        },
        "comparison": None
        if result.comparison is None
        else {
            "prefer_mes": result.comparison.prefer_mes,
            "prefer_greedy": result.comparison.prefer_greedy,
            "switched_to_greedy": result.comparison.switched_to_greedy,
        },
        "satisfaction": {
            "voters": stats.voters,
            "with_funded_project": stats.with_funded_project,
            "share_percent": round(float(stats.share_with_funded_project) * 100, 1),
        },
        "notes": list(result.notes),
    }


@transaction.atomic
def count_request(*, user: AnyUser, area: ProcessArea) -> CountRun:
    """Queue a count of ``area`` (officers). A finished count of the same ballots, projects and
    rule is reused instead of counting again."""
    if not user_can_manage_process(user, area.process):
        raise PermissionDenied
    return count_queue(area=area, requested_by=user if isinstance(user, User) else None)


@transaction.atomic
def count_compare(*, user: AnyUser, area: ProcessArea, rule: str) -> CountRun:
    """Queue (or reuse) a count of ``area`` with another supported ``rule``, kept apart from the
    official count: the public results keep showing the process's declared rule."""
    if not user_can_manage_process(user, area.process):
        raise PermissionDenied
    if rule not in SUPPORTED_RULES:
        raise refusal(
            "rule",
            f"“{rule}” is not a counting rule of the platform.",
            f"“{rule}” ไม่ใช่กติกาการนับคะแนนที่ระบบรองรับ",
            "invalid",
        )
    return count_queue(
        area=area, requested_by=user if isinstance(user, User) else None, comparison_rule=rule
    )


def count_queue(
    *, area: ProcessArea, requested_by: User | None = None, comparison_rule: str = ""
) -> CountRun:
    """Queue (or reuse) a count without a permission check: for the scheduler and services.
    ``comparison_rule`` makes it a comparison count with that rule instead of the official one."""
    rule = comparison_rule or area_rule(area)
    digest = election_digest(area_election(area), rule)
    done = CountRun.objects.filter(
        area=area,
        input_digest=digest,
        comparison_rule=comparison_rule,
        status__in=(CountStatus.DONE, CountStatus.QUEUED),
    ).first()
    if done is not None:
        return done
    run = CountRun.objects.create(
        area=area,
        input_digest=digest,
        requested_by=requested_by,
        comparison_rule=comparison_rule,
    )

    def enqueue() -> None:
        from opengov.budgeting.tasks import area_count

        area_count.enqueue(run.pk)

    transaction.on_commit(enqueue)
    return run


def _progress(run: CountRun, status: str, progress: int) -> None:
    run.status, run.progress = status, progress
    run.save(update_fields=["status", "progress"])


def count_execute(*, run_id: int) -> CountRun:
    """Do the count of a queued ``CountRun`` and store the result (or the reason it failed)."""
    run = CountRun.objects.select_related("area__process").get(pk=run_id)
    if run.status == CountStatus.DONE:
        return run
    _progress(run, CountStatus.RUNNING, 10)
    area = run.area
    election = area_election(area)
    _progress(run, CountStatus.RUNNING, 40)
    try:
        result = count(election, run.comparison_rule or area_rule(area))
    except UnsupportedRule as error:
        run.status, run.error = CountStatus.FAILED, f"{error.message_th} / {error.message_en}"
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])
        return run
    run.status, run.progress = CountStatus.DONE, 100
    run.rule = result.rule
    run.ballots_count = len(election.ballots)
    run.budget = Decimal(str(area.budget))
    run.total_cost = Decimal(result.total_cost.numerator) / Decimal(result.total_cost.denominator)
    run.winners = list(result.winners)
    run.summary = result_summary(result)
    run.finished_at = timezone.now()
    run.save()
    return run
