"""Method of Equal Shares with cost utilities (spec §4.1), exact and parametric in the budget.

Every voter starts with the per-voter budget ``t``. A voter's money after some purchases is
``t − (what she paid)``, and every payment is a linear function of ``t`` as long as the run takes
the same branches. The engine therefore carries each amount as ``value + slope · (t' − t)`` and
records, for every comparison it makes, the range of ``t'`` over which that comparison keeps its
outcome. Every integer budget in the resulting range provably runs through the same branches and
returns the same outcome; Add1 skips those budgets instead of re-running MES (``stable_steps``).

Voters with identical ballots always hold the same money, so ballots are grouped; supporters of a
project are kept as counts per "money class" (voters who paid the same purchases the same way),
so computing a project's equal share never loops over single voters.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import ceil
from typing import Literal

from opengov.budgeting.counting.mes_fast import FastMes


@dataclass(frozen=True)
class MesPurchase:
    """One round: the project bought, its equal payment and who paid what."""

    project: int
    max_payment: Fraction
    payments: tuple[tuple[Fraction, tuple[int, ...]], ...]  # (amount, voter group indexes)
    candidates: dict[int, Fraction]  # effective votes of all affordable projects (explain only)


@dataclass(frozen=True)
class MesRun:
    """Outcome of MES at one per-voter budget."""

    winners: tuple[int, ...]
    purchases: tuple[MesPurchase, ...]
    dropped: dict[int, tuple[int, Fraction]]  # project → (round it became unaffordable, money)
    # Number of further integer budgets t+1 … t+k known to give the same outcome (None = all).
    stable_steps: int | None


_ZERO = Fraction(0)
_UP = 1 + 1e-9
_DOWN = 1 - 1e-9


class _Stability:
    """Largest Δ ≥ 0 such that every recorded sign of ``value + slope·Δ`` still holds."""

    def __init__(self) -> None:
        self.limit: Fraction | None = None  # Δ must stay strictly below this
        self.frozen = False  # an equality that only holds at Δ = 0

    def sign(self, value: Fraction, slope: Fraction) -> int:
        if value > 0:
            if slope < 0:
                self._cap(value / -slope)
            return 1
        if value < 0:
            if slope > 0:
                self._cap(-value / slope)
            return -1
        if slope != 0:
            self.frozen = True
        return 0

    def _cap(self, limit: Fraction) -> None:
        if self.limit is None or limit < self.limit:
            self.limit = limit

    def steps(self) -> int | None:
        if self.frozen:
            return 0
        if self.limit is None:
            return None
        return ceil(self.limit) - 1


class MesProblem:
    """An approval profile prepared once for many MES runs (Add1 runs MES per budget).

    ``costs[p]`` and ``rank[p]`` (tie-break position, lower wins) per candidate project; ``ballots``
    lists, per voter, the candidate indexes she approves.
    """

    def __init__(
        self, costs: list[Fraction], rank: list[int], ballots: list[tuple[int, ...]]
    ) -> None:
        self.costs = costs
        self.rank = rank
        group_of: dict[tuple[int, ...], int] = {}
        self.groups: list[tuple[int, ...]] = []
        self.sizes: list[int] = []
        self.group_voters: list[list[int]] = []
        for voter, ballot in enumerate(ballots):
            key = tuple(sorted(set(ballot)))
            if not key:
                continue
            group = group_of.get(key)
            if group is None:
                group = group_of[key] = len(self.groups)
                self.groups.append(key)
                self.sizes.append(0)
                self.group_voters.append([])
            self.sizes[group] += 1
            self.group_voters[group].append(voter)
        self.supporters: list[list[int]] = [[] for _ in costs]
        for group, key in enumerate(self.groups):
            for project in key:
                self.supporters[project].append(group)
        self.voters = len(ballots)
        self._fast: FastMes | None = None

    def winners(self, per_voter: Fraction | int) -> tuple[int, ...]:
        """Only the MES winners (buying order): same as ``run(per_voter).winners``, faster."""
        if self._fast is None:
            self._fast = FastMes(self)
        return self._fast.winners(Fraction(per_voter))

    def run(
        self, per_voter: Fraction | int, *, explain: bool = False, track: bool = False
    ) -> MesRun:
        """MES with every voter holding ``per_voter``; exact, ties by ``rank``.

        ``track`` also computes ``stable_steps`` (slower: every comparison is kept as a linear
        function of the budget); without it ``stable_steps`` is 0.
        """
        return _Run(self, Fraction(per_voter), explain, track).execute()

    def certify(self, per_voter: Fraction | int) -> MesRun | None:
        """``run(per_voter, track=True)`` if it certifies at least one further budget, else None.

        Gives up as soon as a comparison pins the range to ``per_voter`` alone, so a failed
        attempt usually costs a fraction of a run.
        """
        try:
            return _Run(self, Fraction(per_voter), False, True, give_up=True).execute()
        except _GiveUp:
            return None


class _GiveUp(Exception):
    """A certifying run found that no further budget keeps its branches."""


class _Run:
    # Money classes: index → (money value at t, slope in t). Class 0: untouched, class 1: empty.
    def __init__(
        self,
        problem: MesProblem,
        per_voter: Fraction,
        explain: bool,
        track: bool,
        *,
        give_up: bool = False,
    ) -> None:
        self.p = problem
        self.give_up = give_up
        self.explain = explain
        self.track = track
        self.stability = _Stability()
        self.values: list[Fraction] = [per_voter, Fraction(0)]
        # Float shadows only order work and skip clear-cut comparisons; decisions stay exact.
        self.floats: list[float] = [float(per_voter), 0.0]
        self.slopes: list[Fraction] = [Fraction(1), Fraction(0)]
        self.group_class = [0] * len(problem.groups)
        self.counts: list[dict[int, int]] = []
        self.alive: list[int] = []
        for project, groups in enumerate(problem.supporters):
            self.counts.append({0: sum(problem.sizes[g] for g in groups)} if groups else {})
            if groups and problem.costs[project] > 0:
                self.alive.append(project)
        # Per alive project: equal payment (value, slope) and the classes that pay all they have.
        self.share: dict[int, tuple[Fraction, Fraction, frozenset[int]]] = {}
        self.dropped: dict[int, tuple[int, Fraction]] = {}
        self.approx: dict[int, float] = {}
        for project in list(self.alive):
            self._equal_share(project, 1)
        self.dirty: set[int] = set()

    def execute(self) -> MesRun:
        winners: list[int] = []
        purchases: list[MesPurchase] = []
        while self.alive:
            if self.give_up and self.stability.steps() == 0:
                raise _GiveUp
            best = self._best(len(winners) + 1)
            if best is None:
                break
            candidates = self._effective_votes() if self.explain else {}
            purchases.append(self._buy(best, candidates))
            winners.append(best)
        if self.give_up and self.stability.steps() == 0:
            raise _GiveUp
        return MesRun(
            winners=tuple(winners),
            purchases=tuple(purchases) if self.explain else (),
            dropped=self.dropped,
            stable_steps=self.stability.steps() if self.track else 0,
        )

    def _equal_share(self, project: int, round_number: int) -> bool:
        """Water-filling: poorest supporters pay all they have, the others an equal ``x``."""
        if not self.track:
            shared = _quick_share(self.p.costs[project], self.counts[project], self)
            if shared == "unaffordable":
                return self._drop(project, round_number)
            if shared is not None:
                quick_x, quick_poor = shared
                self.share[project] = (quick_x, _ZERO, quick_poor)
                self.approx[project] = float(self.p.costs[project] / quick_x)
                return True
        cost = self.p.costs[project]
        values, slopes = self.values, self.slopes
        classes = sorted(self.counts[project].items(), key=lambda item: values[item[0]])
        money = sum((values[c] * m for c, m in classes), Fraction(0))
        money_slope = sum((slopes[c] * m for c, m in classes), Fraction(0))
        if self.stability.sign(money - cost, money_slope) < 0:
            return self._drop(project, round_number)
        paying = sum(m for _, m in classes)
        paid = Fraction(0)
        paid_slope = Fraction(0)
        poor: set[int] = set()
        for c, m in classes:
            if paying * values[c] < cost - paid:
                paid += values[c] * m
                paid_slope += slopes[c] * m
                paying -= m
                poor.add(c)
            else:
                break
        x = (cost - paid) / paying
        x_slope = -paid_slope / paying
        self.stability.sign(x, x_slope)  # x > 0 keeps the cross-multiplied comparisons valid
        # The poor/rich split is the unique water level: keep every class on its side of x.
        for c, _ in classes:
            self.stability.sign(values[c] - x, slopes[c] - x_slope)
        self.share[project] = (x, x_slope, frozenset(poor))
        self.approx[project] = float(cost / x)
        return True

    def _drop(self, project: int, round_number: int) -> bool:
        # Money only decreases during a run: an unaffordable project is out for good.
        values = self.values
        money = sum((values[c] * m for c, m in self.counts[project].items()), Fraction(0))
        self.alive.remove(project)
        self.share.pop(project, None)
        self.dropped[project] = (round_number, money)
        return False

    def _sign(self, p: int, q: int) -> int:
        """Sign of eff(p) − eff(q) from the current (or bound) shares; recorded when tracking."""
        costs, share = self.p.costs, self.share
        x_q, s_q, _ = share[q]
        x_p, s_p, _ = share[p]
        c_p, c_q = costs[p], costs[q]
        if not self.track:
            a, b = self.approx[p], self.approx[q]
            if a > b * _UP:
                return 1
            if a < b * _DOWN:
                return -1
            difference = c_p * x_q - c_q * x_p
            return (difference > 0) - (difference < 0)
        return self.stability.sign(c_p * x_q - c_q * x_p, c_p * s_q - c_q * s_p)

    def _best(self, round_number: int) -> int | None:
        """The affordable project with the largest effective votes cost/x (ties: ``rank``).

        Effective votes never grow during a run, so a project whose supporters' money changed is
        re-computed only when its previous value could still beat the best one found so far
        (spec §4.1 speed-up). Comparisons are cross-multiplied: cost_p·x_q vs cost_q·x_p.
        """
        rank, dirty = self.p.rank, self.dirty
        if self.explain:
            for project in sorted(dirty):
                self._equal_share(project, round_number)
            dirty.clear()
        best: int | None = None
        # Most promising first (floats only order the scan; every decision is exact).
        for project in sorted(self.alive, key=self.approx.__getitem__, reverse=True):
            if best is not None:
                better = self._sign(project, best)
                if better < 0 or (better == 0 and rank[project] > rank[best]):
                    continue  # even its previous (larger or equal) value cannot win
            if project in dirty:
                dirty.discard(project)
                if not self._equal_share(project, round_number):
                    continue
                if best is not None:
                    better = self._sign(project, best)
                    if better < 0 or (better == 0 and rank[project] > rank[best]):
                        continue
            best = project
        return best

    def _effective_votes(self) -> dict[int, Fraction]:
        return {p: self.p.costs[p] / self.share[p][0] for p in self.alive}

    def _buy(self, project: int, candidates: dict[int, Fraction]) -> MesPurchase:
        x, x_slope, poor = self.share.pop(project)
        self.alive.remove(project)
        moved: dict[int, int] = {}
        for c in self.counts[project]:
            if c in poor:
                moved[c] = 1
            else:
                moved[c] = len(self.values)
                money = self.values[c] - x
                self.values.append(money)
                self.floats.append(float(money))
                self.slopes.append(self.slopes[c] - x_slope)
        payments: dict[int, list[int]] = {}
        sizes, groups, group_class = self.p.sizes, self.p.groups, self.group_class
        counts, dirty, share = self.counts, self.dirty, self.share
        for g in self.p.supporters[project]:
            old = group_class[g]
            new = moved[old]
            group_class[g] = new
            if self.explain:
                payments.setdefault(old, []).append(g)
            if old == new:
                continue
            size = sizes[g]
            for other in groups[g]:
                if other == project or other not in share:
                    continue
                tally = counts[other]
                left = tally[old] - size
                if left:
                    tally[old] = left
                else:
                    del tally[old]
                tally[new] = tally.get(new, 0) + size
                dirty.add(other)
        amounts = tuple(
            (self.values[c] if c in poor else x, tuple(gs)) for c, gs in payments.items()
        )
        return MesPurchase(project, x, amounts, candidates)


def _quick_share(
    cost: Fraction, counts: dict[int, int], run: _Run
) -> tuple[Fraction, frozenset[int]] | Literal["unaffordable"] | None:
    """Water-filling with float pre-checks: (x, poor classes) or "unaffordable".

    None when floats cannot decide safely (near-equal money or classes); the caller then uses
    the exact path. Exactness: every poor/rich decision is either clear by a margin far above the
    float error or taken exactly, and the classes next to the water level are re-checked exactly.
    """
    values, floats = run.values, run.floats
    f_cost = float(cost)
    f_money = 0.0
    for c, m in counts.items():
        f_money += floats[c] * m
    if f_money < f_cost * _DOWN:
        return "unaffordable"
    if f_money <= f_cost * _UP:
        return None
    classes = sorted(counts.items(), key=lambda item: floats[item[0]])
    margin = f_cost * (_UP - 1)
    paying = sum(counts.values())
    paid = _ZERO
    f_paid = 0.0
    poor: list[int] = []
    index = 0
    for index, (c, m) in enumerate(classes):  # noqa: B007 (index used after the loop)
        if c == 1:  # voters with no money left always pay everything (nothing)
            paying -= m
            poor.append(c)
            continue
        # Absolute margin relative to the cost: cost − paid may cancel, its float error may not.
        left, f_left = paying * floats[c], f_cost - f_paid
        if left < f_left - margin:
            is_poor = True
        elif left > f_left + margin:
            is_poor = False
        else:
            is_poor = paying * values[c] < cost - paid
        if not is_poor:
            break
        paid += values[c] * m
        f_paid += floats[c] * m
        paying -= m
        poor.append(c)
    else:
        return None
    x = (cost - paid) / paying
    f_x = float(x)
    for c, _ in classes[index:]:
        if floats[c] > f_x * _UP:
            break
        if values[c] < x:
            return None  # float order put a poorer class after a richer one
    return x, frozenset(poor)
