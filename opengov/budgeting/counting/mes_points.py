"""Method of Equal Shares for points ballots (cumulative, scoring — spec §4.7), exact.

A supporter's payment for project ``p`` is proportional to the points ``u_i(p)`` she gave it:
supporters are sorted by ``budget_i / u_i(p)``; the poorest pay everything they have
(``paid += budget_i``, ``k −= u_i(p)``), the others pay ``factor · u_i(p)`` with
``factor = (cost − paid) / k``; the effective vote count is ``cost / factor`` (the score when
nobody is short of money). Ties: ``rank`` (lower cost → higher score → declared order by
default). With every point equal to 1 this is exactly approval MES.

Rounds are small (points rounds have few voters), so every round re-computes every project;
Add1 runs one MES per unit step (no equal-outcome ranges are certified).
"""

from __future__ import annotations

from fractions import Fraction

from opengov.budgeting.counting.mes import MesProblem, MesPurchase, MesRun


class PointsMesProblem(MesProblem):
    """Points ballots grouped by identical (project, points) lists; same interface as approval.

    ``ballots`` lists, per voter, (candidate index, points) pairs; pairs with 0 points are not
    support.
    """

    def __init__(
        self,
        costs: list[Fraction],
        rank: list[int],
        ballots: list[tuple[tuple[int, Fraction], ...]],
    ) -> None:
        super().__init__(costs, rank, [])
        group_of: dict[tuple[tuple[int, Fraction], ...], int] = {}
        self.points: list[dict[int, Fraction]] = []
        for voter, ballot in enumerate(ballots):
            merged: dict[int, Fraction] = {}
            for project, points in ballot:
                merged[project] = merged.get(project, Fraction(0)) + points
            key = tuple(sorted((p, u) for p, u in merged.items() if u > 0))
            if not key:
                continue
            group = group_of.get(key)
            if group is None:
                group = group_of[key] = len(self.groups)
                self.groups.append(tuple(p for p, _ in key))
                self.points.append(dict(key))
                self.sizes.append(0)
                self.group_voters.append([])
            self.sizes[group] += 1
            self.group_voters[group].append(voter)
        self.supporters = [[] for _ in costs]
        for group, projects in enumerate(self.groups):
            for project in projects:
                self.supporters[project].append(group)
        self.voters = len(ballots)

    def winners(self, per_voter: Fraction | int) -> tuple[int, ...]:
        """The MES winners in buying order."""
        return self.run(per_voter).winners

    def certify(self, per_voter: Fraction | int) -> MesRun | None:
        """No equal-outcome ranges for points ballots: Add1 runs every unit step."""
        return None

    def run(
        self, per_voter: Fraction | int, *, explain: bool = False, track: bool = False
    ) -> MesRun:
        """MES with every voter holding ``per_voter`` (``track`` certifies nothing here)."""
        money = [Fraction(per_voter)] * len(self.groups)
        alive = {p for p, groups in enumerate(self.supporters) if groups and self.costs[p] > 0}
        winners: list[int] = []
        purchases: list[MesPurchase] = []
        dropped: dict[int, tuple[int, Fraction]] = {}
        while alive:
            shares: dict[int, tuple[Fraction, set[int]]] = {}
            for project in sorted(alive):
                share = self._share(project, money)
                if share is None:
                    total = sum(
                        (money[g] * self.sizes[g] for g in self.supporters[project]), Fraction(0)
                    )
                    dropped[project] = (len(winners) + 1, total)
                    alive.discard(project)
                else:
                    shares[project] = share
            if not shares:
                break
            best = min(shares, key=lambda p: (-self.costs[p] / shares[p][0], self.rank[p]))
            factor, poor = shares[best]
            paid: dict[Fraction, list[int]] = {}
            for g in self.supporters[best]:
                amount = money[g] if g in poor else factor * self.points[g][best]
                money[g] -= amount
                paid.setdefault(amount, []).append(g)
            alive.discard(best)
            winners.append(best)
            if explain:
                candidates = {p: self.costs[p] / x for p, (x, _) in shares.items()}
                payments = tuple((amount, tuple(gs)) for amount, gs in paid.items())
                purchases.append(MesPurchase(best, factor, payments, candidates))
        return MesRun(tuple(winners), tuple(purchases), dropped, 0)

    def _share(self, project: int, money: list[Fraction]) -> tuple[Fraction, set[int]] | None:
        """(payment per point, groups paying all they have), or None when unaffordable."""
        cost = self.costs[project]
        groups = self.supporters[project]
        if sum((money[g] * self.sizes[g] for g in groups), Fraction(0)) < cost:
            return None
        points = [self.points[g][project] for g in groups]
        weight = {g: u * self.sizes[g] for g, u in zip(groups, points, strict=True)}
        order = sorted(range(len(groups)), key=lambda i: money[groups[i]] / points[i])
        paid, k = Fraction(0), sum(weight.values(), Fraction(0))
        poor: set[int] = set()
        for i in order:
            g = groups[i]
            if money[g] * k < (cost - paid) * points[i]:  # money_g < factor · u_g
                paid += money[g] * self.sizes[g]
                k -= weight[g]
                poor.add(g)
            else:
                break
        return (cost - paid) / k, poor
