"""The ``equalshares…`` rules on an election: MES, Add1, Add1u, comparison step, explanations."""

from __future__ import annotations

from dataclasses import dataclass

from opengov.budgeting.counting.add1 import Add1Result, mes_add1
from opengov.budgeting.counting.greedy import run_greedy
from opengov.budgeting.counting.mes import MesProblem, MesRun
from opengov.budgeting.counting.mes_points import PointsMesProblem
from opengov.budgeting.counting.result import (
    Add1Trace,
    ComparisonTrace,
    MesRound,
    Payment,
    ProjectOutcome,
)
from opengov.budgeting.counting.satisfaction import compare_outcomes
from opengov.budgeting.counting.tally import Eligibility, Tally, fmt
from opengov.budgeting.pabulib import Election, Project, ballot_points


@dataclass(frozen=True)
class MesCount:
    """Everything the MES family produces before it becomes a ``CountResult``."""

    winners: tuple[str, ...]
    projects: tuple[ProjectOutcome, ...]
    rounds: tuple[MesRound, ...]
    add1: Add1Trace | None
    comparison: ComparisonTrace | None


def mes_problem(
    election: Election, counts: Tally, rank: dict[str, int], eligibility: Eligibility
) -> tuple[MesProblem, list[Project]]:
    """Candidates (eligible, cost > 0, at least one supporter) and the grouped ballots.

    Points ballots (cumulative, scoring) give a ``PointsMesProblem`` (spec §4.7): payments are
    proportional to the points, ``max_payment`` of a round is the payment per point.
    """
    candidates = [
        project
        for project in election.projects
        if eligibility.reason(project, counts) is None
        and project.cost > 0
        and counts.votes[project.project_id] > 0
    ]
    index = {project.project_id: i for i, project in enumerate(candidates)}
    costs = [project.cost for project in candidates]
    ranks = [rank[project.project_id] for project in candidates]
    if election.has_points:
        scored = [
            tuple(
                (index[pid], points)
                for pid, points in zip(ballot.vote, ballot_points(election, ballot), strict=True)
                if pid in index
            )
            for ballot in election.ballots
        ]
        return PointsMesProblem(costs, ranks, scored), candidates
    ballots = [
        tuple(index[pid] for pid in ballot.vote if pid in index) for ballot in election.ballots
    ]
    return MesProblem(costs, ranks, ballots), candidates


def count_mes(
    election: Election,
    counts: Tally,
    rank: dict[str, int],
    declared: dict[str, int],
    eligibility: Eligibility,
    *,
    add1: bool,
    utilitarian: bool,
    comparison: str | None,
) -> MesCount:
    """MES (optionally + Add1, + utilitarian completion, + comparison with greedy)."""
    problem, candidates = mes_problem(election, counts, rank, eligibility)
    budget = election.budget
    trace: Add1Trace | None = None
    if add1:
        completed = mes_add1(problem, budget)
        run = problem.run(completed.per_voter, explain=True)
        trace = _add1_trace(completed)
    else:
        run = problem.run(budget / problem.voters if problem.voters else 0, explain=True)
    winners = [candidates[p].project_id for p in run.winners]
    outcomes = _mes_outcomes(election, counts, eligibility, candidates, run)
    if utilitarian:
        completion = run_greedy(
            election.projects,
            counts,
            budget,
            declared,
            eligibility,
            already_funded=tuple(winners),
            stage=("utilitarian completion", "การเติมงบตามคะแนนเสียง"),
        )
        for outcome in completion.projects:
            if outcome.funded or outcome.project_id not in outcomes:
                outcomes[outcome.project_id] = outcome
        winners.extend(completion.winners)
    rounds = _rounds(election, problem, candidates, run)
    compared: ComparisonTrace | None = None
    if comparison is not None:
        greedy = run_greedy(election.projects, counts, budget, declared, eligibility)
        prefer_mes, prefer_greedy = compare_outcomes(election, winners, greedy.winners, comparison)
        switch = prefer_greedy > prefer_mes  # a draw keeps MES
        compared = ComparisonTrace(
            comparison, prefer_mes, prefer_greedy, switch, tuple(winners), greedy.winners
        )
        if switch:
            winners = list(greedy.winners)
            outcomes = {
                o.project_id: _switched(o, prefer_mes, prefer_greedy) for o in greedy.projects
            }
    ordered = tuple(outcomes[p.project_id] for p in election.projects)
    return MesCount(tuple(winners), ordered, rounds, trace, compared)


def _add1_trace(result: Add1Result) -> Add1Trace:
    return Add1Trace(
        start_per_voter=result.start_per_voter,
        integral_start=result.integral_start,
        final_per_voter=result.per_voter,
        budget_steps=result.budget_steps,
        mes_runs=result.mes_runs,
        stopped_by=result.stopped_by,
    )


def _mes_outcomes(
    election: Election,
    counts: Tally,
    eligibility: Eligibility,
    candidates: list[Project],
    run: MesRun,
) -> dict[str, ProjectOutcome]:
    outcomes: dict[str, ProjectOutcome] = {}
    for number, purchase in enumerate(run.purchases, start=1):
        project = candidates[purchase.project]
        eff = project.cost / purchase.max_payment
        paid = fmt(purchase.max_payment)
        outcomes[project.project_id] = ProjectOutcome(
            project.project_id,
            True,
            "funded",
            f"funded in MES round {number}: {fmt(eff)} effective votes; "
            + (
                f"supporters paid at most {paid} per point"
                if election.has_points
                else f"supporters paid at most {paid} each"
            ),
            f"ได้รับงบในรอบที่ {number} ของ MES: คะแนนเสียงที่มีผล {fmt(eff)} ผู้สนับสนุนจ่าย"
            + (f"ไม่เกินคะแนนละ {paid}" if election.has_points else f"ไม่เกินคนละ {paid}"),
        )
    for index, (number, money) in run.dropped.items():
        project = candidates[index]
        outcomes[project.project_id] = ProjectOutcome(
            project.project_id,
            False,
            "supporters-out-of-money",
            f"not funded: by MES round {number} its supporters had {fmt(money)} left, less than "
            f"its cost {fmt(project.cost)}",
            f"ไม่ได้รับงบ: ในรอบที่ {number} ของ MES ผู้สนับสนุนเหลือเงินรวม {fmt(money)} น้อยกว่า"
            f"งบของโครงการ {fmt(project.cost)}",
        )
    for project in election.projects:
        if project.project_id in outcomes:
            continue
        reason = eligibility.reason(project, counts)
        if reason is None and counts.votes[project.project_id] == 0:
            reason = ("no-supporters", "no voter supported it", "ไม่มีผู้ลงคะแนนเลือก")
        if reason is None:
            reason = (
                "free-project",
                "cost 0: MES never selects free projects (declare them outside the vote)",
                "งบเป็น 0: MES ไม่เลือกโครงการที่ไม่ใช้งบ",
            )
        outcomes[project.project_id] = ProjectOutcome(project.project_id, False, *reason)
    return outcomes


def _rounds(
    election: Election, problem: MesProblem, candidates: list[Project], run: MesRun
) -> tuple[MesRound, ...]:
    voter_ids = [ballot.voter_id for ballot in election.ballots]
    rounds: list[MesRound] = []
    for number, purchase in enumerate(run.purchases, start=1):
        project = candidates[purchase.project]
        payments = tuple(
            Payment(
                amount,
                tuple(
                    voter_ids[v] for v in sorted(v for g in groups for v in problem.group_voters[g])
                ),
            )
            for amount, groups in purchase.payments
        )
        rounds.append(
            MesRound(
                number=number,
                project_id=project.project_id,
                effective_votes=project.cost / purchase.max_payment,
                max_payment=purchase.max_payment,
                payments=payments,
                candidates={candidates[p].project_id: e for p, e in purchase.candidates.items()},
            )
        )
    return tuple(rounds)


def _switched(outcome: ProjectOutcome, prefer_mes: int, prefer_greedy: int) -> ProjectOutcome:
    note_en = f" — comparison step: {prefer_greedy} voters prefer greedy, {prefer_mes} prefer MES"
    note_th = f" — ขั้นเปรียบเทียบ: ผู้ลงคะแนน {prefer_greedy} คนชอบผลแบบเรียงคะแนน {prefer_mes} คนชอบ MES"
    return ProjectOutcome(
        outcome.project_id,
        outcome.funded,
        outcome.code,
        outcome.reason_en + note_en,
        outcome.reason_th + note_th,
    )
