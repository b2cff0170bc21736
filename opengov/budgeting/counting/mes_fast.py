"""Fast MES winners (spec §4.1): numpy floats decide, exact fractions confirm every close call.

Used for the many plain MES runs of Add1; ``MesProblem.run`` (exact, with explanations and
equal-outcome ranges) stays the engine of record. Both return the same winners for every budget.

State: every voter group belongs to a money class; class 0 holds the untouched per-voter budget
``t`` and class 1 holds nothing. Buying a project moves its poor supporters (those paying all
they have) to class 1 and every rich class ``c`` to a new class ``c − x``.

Exactness. The payment ``x`` of every purchase is computed exactly (``Fraction``); the float
money of a class is ``float(t) − Σ float(x_r)``, so its error is at most (rounds + 1)·2⁻⁵² · t,
and a float sum over a project's supporters adds at most log2(groups)·2⁻⁵² of the total money
``W·t``. Every float decision (affordable or not, poor or rich, which project has more effective
votes) is taken only when it is clear by a margin ``_REL``·(magnitudes incl. W·t), more than 10⁴
times those error bounds for any round with fewer than 10⁵ projects; otherwise the decision is
re-made with exact fractions. The exact money of a class is derived on demand from its parent
class and the exact payment of the purchase that created it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from opengov.budgeting.counting.mes import MesProblem

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

_REL = 1e-10


@dataclass
class _Share:
    """A project's current equal payment: float value, its error bound, exact value if known."""

    x: float
    error: float
    eff: float  # cost / x, only orders the scan
    exact: Fraction | None
    # Poor/rich split of the supporters (positions into the project's supporter arrays).
    poor: IntArray
    rich: IntArray


class FastMes:
    """Per-problem arrays shared by all runs (supporter groups and their sizes per project)."""

    def __init__(self, problem: MesProblem) -> None:
        self.problem = problem
        self.costs = problem.costs
        self.float_costs = [float(cost) for cost in problem.costs]
        self.supporters: list[IntArray] = [
            np.array(groups, dtype=np.intp) for groups in problem.supporters
        ]
        self.weights: list[FloatArray] = [
            np.array([problem.sizes[g] for g in groups], dtype=np.float64)
            for groups in problem.supporters
        ]
        self.totals = [float(weights.sum()) for weights in self.weights]
        self.candidates = [
            p for p, groups in enumerate(problem.supporters) if groups and problem.costs[p] > 0
        ]
        neighbours: list[set[int]] = [set() for _ in problem.costs]
        for ballot in problem.groups:
            for project in ballot:
                neighbours[project].update(ballot)
        self.neighbours = [tuple(sorted(n - {p})) for p, n in enumerate(neighbours)]

    def winners(self, per_voter: Fraction) -> tuple[int, ...]:
        """Projects funded by MES with every voter holding ``per_voter``, in buying order."""
        return _FastRun(self, per_voter).execute()


class _FastRun:
    def __init__(self, fast: FastMes, per_voter: Fraction) -> None:
        self.f = fast
        self.t = per_voter
        self.money = np.zeros(64, dtype=np.float64)
        self.money[0] = float(per_voter)
        self.classes = 2
        # Exact money of a class: parent class minus the exact payment of its purchase.
        self.parent: list[int] = [0, 1]
        self.payment: list[Fraction] = [Fraction(0), Fraction(0)]
        self.exact: list[Fraction | None] = [per_voter, Fraction(0)]
        self.group_class = np.zeros(len(fast.problem.groups), dtype=np.intp)
        self.scale = float(per_voter)  # W·t bound factor: every class holds at most t
        self.alive: set[int] = set()
        self.shares: dict[int, _Share] = {}
        self.dirty: set[int] = set()
        for project in fast.candidates:
            self.alive.add(project)
            self._update(project)

    def execute(self) -> tuple[int, ...]:
        winners: list[int] = []
        while self.alive:
            best = self._best()
            if best is None:
                break
            self._buy(best)
            winners.append(best)
        return tuple(winners)

    # -- exact money ---------------------------------------------------------------------

    def _exact_money(self, cls: int) -> Fraction:
        chain: list[int] = []
        value = self.exact[cls]
        while value is None:
            chain.append(cls)
            cls = self.parent[cls]
            value = self.exact[cls]
        for child in reversed(chain):
            value = value - self.payment[child]
            self.exact[child] = value
        return value

    # -- equal shares --------------------------------------------------------------------

    def _update(self, project: int) -> None:
        """Recompute the project's share, or drop it when its supporters cannot pay."""
        share = self._float_share(project)
        if share is not None:
            self.shares[project] = share

    def _float_share(self, project: int) -> _Share | None:
        """Water-filling in floats, exact when any decision is close; None: dropped."""
        f = self.f
        cost = f.float_costs[project]
        weights = f.weights[project]
        values = self.money[self.group_class[f.supporters[project]]]
        total = float(values @ weights)
        tolerance = _REL * (cost + f.totals[project] * self.scale)
        if total < cost - tolerance:
            self._drop(project)
            return None
        if total <= cost + tolerance:
            return self._exact_share(project)
        order = np.argsort(values, kind="stable")
        ordered, ordered_weights = values[order], weights[order]
        paying = f.totals[project] - (np.cumsum(ordered_weights) - ordered_weights)
        spent = ordered * ordered_weights
        paid = np.cumsum(spent) - spent
        # Entry i is poor (pays all it has) iff paying_i · money_i < cost − paid_i.
        gap = (cost - paid) - paying * ordered
        split = int(np.argmax(gap <= 0))  # first rich entry (exists since total > cost)
        if gap[split] > -tolerance or (split > 0 and gap[split - 1] < tolerance):
            return self._exact_share(project)
        x = float((cost - paid[split]) / paying[split])
        error = 2 * tolerance / float(paying[split])
        return _Share(x, error, cost / x, None, order[:split], order[split:])

    def _exact_share(self, project: int) -> _Share | None:
        f = self.f
        cost = f.costs[project]
        group_classes = self.group_class[f.supporters[project]]
        counts: dict[int, int] = {}
        sizes = f.weights[project]
        for cls, size in zip(group_classes.tolist(), sizes.tolist(), strict=True):
            counts[cls] = counts.get(cls, 0) + int(size)
        values = {cls: self._exact_money(cls) for cls in counts}
        if sum(values[c] * m for c, m in counts.items()) < cost:
            self._drop(project)
            return None
        paying = sum(counts.values())
        paid = Fraction(0)
        poor: set[int] = set()
        for cls in sorted(counts, key=values.__getitem__):
            if paying * values[cls] < cost - paid:
                paid += values[cls] * counts[cls]
                paying -= counts[cls]
                poor.add(cls)
            else:
                break
        x = (cost - paid) / paying
        is_poor = np.array([c in poor for c in group_classes.tolist()], dtype=bool)
        positions = np.arange(len(group_classes), dtype=np.intp)
        x_float = float(x)
        return _Share(
            x_float, 0.0, float(cost) / x_float, x, positions[is_poor], positions[~is_poor]
        )

    def _drop(self, project: int) -> None:
        self.alive.discard(project)
        self.shares.pop(project, None)

    # -- choosing and buying ---------------------------------------------------------------

    def _compare(self, p: int, q: int) -> int:
        """Sign of eff(p) − eff(q), exact (cost_p·x_q vs cost_q·x_p)."""
        f, sp, sq = self.f, self.shares[p], self.shares[q]
        cp, cq = f.float_costs[p], f.float_costs[q]
        left, right = cp * sq.x, cq * sp.x
        margin = cp * sq.error + cq * sp.error + 4e-16 * (left + right)
        if left > right + margin:
            return 1
        if left < right - margin:
            return -1
        difference = f.costs[p] * self._exact_x(q) - f.costs[q] * self._exact_x(p)
        return (difference > 0) - (difference < 0)

    def _exact_x(self, project: int) -> Fraction:
        share = self.shares[project]
        if share.exact is None:
            f = self.f
            poor_groups = f.supporters[project][share.poor]
            poor_sizes = f.weights[project][share.poor]
            counts: dict[int, int] = {}
            for cls, size in zip(
                self.group_class[poor_groups].tolist(), poor_sizes.tolist(), strict=True
            ):
                counts[cls] = counts.get(cls, 0) + int(size)
            paid = sum((self._exact_money(c) * m for c, m in counts.items()), Fraction(0))
            paying = round(f.totals[project]) - sum(counts.values())
            share.exact = (f.costs[project] - paid) / paying
        return share.exact

    def _clearly_worse(self, p: int, q: int) -> bool:
        """eff(p) < eff(q) by a safe float margin (p's share may be stale: floats only)."""
        f, sp, sq = self.f, self.shares[p], self.shares[q]
        cp, cq = f.float_costs[p], f.float_costs[q]
        left, right = cp * sq.x, cq * sp.x
        return left < right - (cp * sq.error + cq * sp.error + 4e-16 * (left + right))

    def _best(self) -> int | None:
        """Largest effective votes (ties: rank); stale values are upper bounds (spec §4.1).

        A project whose supporters paid since its share was computed is recomputed only when
        its stale (larger or equal) value could still beat the best current one.
        """
        rank, dirty, shares = self.f.problem.rank, self.dirty, self.shares
        best: int | None = None
        for project in sorted(self.alive, key=lambda p: shares[p].eff, reverse=True):
            if project not in shares:
                continue  # dropped while this scan recomputed it
            if best is not None and self._clearly_worse(project, best):
                continue
            if project in dirty:
                dirty.discard(project)
                self._update(project)
                if project not in shares:
                    continue
            if best is not None:
                better = self._compare(project, best)  # both shares are current here
                if better < 0 or (better == 0 and rank[project] > rank[best]):
                    continue
            best = project
        return best

    def _buy(self, project: int) -> None:
        f = self.f
        x = self._exact_x(project)
        share = self.shares.pop(project)
        self.alive.discard(project)
        groups = f.supporters[project]
        self.group_class[groups[share.poor]] = 1
        rich_groups = groups[share.rich]
        old = self.group_class[rich_groups]
        unique, inverse = np.unique(old, return_inverse=True)
        first = self.classes
        self.classes += len(unique)
        while self.classes > len(self.money):
            self.money = np.concatenate([self.money, np.zeros_like(self.money)])
        self.money[first : self.classes] = self.money[unique] - float(x)
        for parent in unique.tolist():
            self.parent.append(parent)
            self.payment.append(x)
            self.exact.append(None)
        self.group_class[rich_groups] = first + inverse
        for other in f.neighbours[project]:
            if other in self.alive:
                self.dirty.add(other)
