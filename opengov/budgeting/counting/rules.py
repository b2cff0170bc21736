"""``count``: one entry point that picks the rule from META (or by name) and explains the result."""

from __future__ import annotations

from collections.abc import Collection
from fractions import Fraction

from opengov.budgeting.counting.greedy import POZNAN_TOLERANCE, run_greedy
from opengov.budgeting.counting.mes_rules import count_mes
from opengov.budgeting.counting.result import CountResult
from opengov.budgeting.counting.satisfaction import COMPARISON_MODES, satisfaction_stats
from opengov.budgeting.counting.tally import Eligibility, TieBreak, tally, tie_rank
from opengov.budgeting.pabulib import Election

GREEDY_RULES = (
    "greedy",
    "greedy-no-skip",
    "greedy-threshold",
    "greedy-exclusive",
    "greedy-poznan",
)
# name → (Add1, utilitarian completion, comparison step)
MES_RULES = {
    "equalshares": (False, False, False),
    "equalshares-comparison": (False, False, True),
    "equalshares/add1": (True, False, False),
    "equalshares/add1-comparison": (True, False, True),
    "equalshares/add1u": (True, True, False),
    "equalshares/utilitarian": (False, True, False),
}
SUPPORTED_RULES = GREEDY_RULES + tuple(MES_RULES)


class UnsupportedRule(ValueError):
    """The round's rule cannot be counted automatically (or needs parameters it lacks)."""

    def __init__(self, message_en: str, message_th: str) -> None:
        self.message_en = message_en
        self.message_th = message_th
        super().__init__(f"{message_en} / {message_th}")


def resolve_rule(election: Election, rule: str | None = None) -> str:
    """The rule to count with: ``rule`` if given, else META ``rule`` mapped to a supported name.

    ``greedy-custom`` is Poznań's rule for Poznań files (spec §3.6); ``unknown`` and other custom
    rules raise ``UnsupportedRule`` — pass a rule name explicitly to count them anyway.
    """
    name = rule or election.rule
    if name == "greedy-custom" and rule is None and election.meta.get("unit") == "Poznań":
        return "greedy-poznan"
    if name not in SUPPORTED_RULES:
        raise UnsupportedRule(
            f'rule "{name}" cannot be counted automatically; name one of '
            f"{', '.join(SUPPORTED_RULES)}",
            f'ไม่สามารถนับด้วยกติกา "{name}" โดยอัตโนมัติ กรุณาระบุกติกาใดกติกาหนึ่งใน '
            f"{', '.join(SUPPORTED_RULES)}",
        )
    return name


def count(
    election: Election,
    rule: str | None = None,
    *,
    tie_break: TieBreak | None = None,
    use_threshold: bool = True,
    threshold: Fraction | None = None,
    excluded: Collection[str] = (),
    conflict_groups: Collection[Collection[str]] = (),
    comparison: str = "satisfaction",
) -> CountResult:
    """Count one round exactly and explain every decision.

    ``rule``: a name from ``SUPPORTED_RULES``; default: META ``rule`` (see ``resolve_rule``).
    ``tie_break``: default declared (file) order for greedy rules, and lower cost → more votes →
    declared order for MES (spec §5). ``threshold``: eligibility ``result ≥ threshold``; by
    default META ``min_project_score_threshold`` when ``use_threshold``. ``excluded``: projects
    the organiser took out before counting. ``conflict_groups``: projects that exclude each other
    (``greedy-exclusive``). ``comparison``: ``satisfaction`` or ``exclusionRatio`` for
    ``…-comparison`` rules.
    """
    name = resolve_rule(election, rule)
    if comparison not in COMPARISON_MODES:
        raise ValueError(f"comparison must be one of {COMPARISON_MODES}")
    counts = tally(election)
    if threshold is None and use_threshold:
        threshold = election.meta_number("min_project_score_threshold")
    eligibility = Eligibility(threshold=threshold, excluded=frozenset(excluded))
    declared = tie_rank(election, counts, TieBreak.DECLARED_ORDER)
    notes: list[str] = []
    if name in MES_RULES:
        if election.vote_type not in ("approval", "choose-1", "cumulative", "scoring"):
            raise UnsupportedRule(
                f"MES is implemented for approval and points ballots, not {election.vote_type}",
                "MES รองรับเฉพาะบัตรแบบเลือกได้หลายโครงการ (approval) และแบบให้คะแนน "
                f"ไม่ใช่ {election.vote_type}",
            )
        if election.vote_type == "scoring" and election.meta_number("default_score"):
            raise UnsupportedRule(
                "MES with a default score for unlisted projects is not implemented",
                "ยังไม่รองรับ MES ที่มีคะแนนตั้งต้นสำหรับโครงการที่ไม่ได้เลือก",
            )
        chosen = tie_break or TieBreak.COST_VOTES_TOP
        add1, utilitarian, compare = MES_RULES[name]
        counted = count_mes(
            election,
            counts,
            tie_rank(election, counts, chosen),
            declared,
            eligibility,
            add1=add1,
            utilitarian=utilitarian,
            comparison=comparison if compare else None,
        )
        winners, outcomes = counted.winners, counted.projects
        rounds, add1_trace, compared = counted.rounds, counted.add1, counted.comparison
    else:
        chosen = tie_break or TieBreak.DECLARED_ORDER
        groups = [frozenset(group) for group in conflict_groups]
        if name == "greedy-exclusive" and not groups:
            notes.append("greedy-exclusive without conflict groups: counted as plain greedy")
        greedy = run_greedy(
            election.projects,
            counts,
            election.budget,
            tie_rank(election, counts, chosen),
            eligibility,
            stop_at_misfit=name == "greedy-no-skip",
            reserve_tolerance=POZNAN_TOLERANCE if name == "greedy-poznan" else None,
            conflict_groups=groups,
        )
        winners, outcomes = greedy.winners, greedy.projects
        rounds, add1_trace, compared = (), None, None
    costs = {project.project_id: project.cost for project in election.projects}
    return CountResult(
        rule=name,
        tie_break=str(chosen),
        budget=election.budget,
        winners=winners,
        total_cost=sum((costs[p] for p in winners), Fraction(0)),
        projects=outcomes,
        satisfaction=satisfaction_stats(election, winners),
        mes_rounds=rounds,
        add1=add1_trace,
        comparison=compared,
        notes=tuple(notes),
    )
