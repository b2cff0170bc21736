"""Registry of demo-data steps. Each app's ``demo`` module registers the steps that load its real
reference and demo data; ``manage.py demo_load`` runs them in order. Steps must be idempotent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

DemoStep = Callable[[Callable[[str], None]], None]


@dataclass(frozen=True)
class _Registered:
    order: int
    name: str
    step: DemoStep


_STEPS: dict[str, _Registered] = {}


def demo_step(*, order: int, name: str) -> Callable[[DemoStep], DemoStep]:
    """Register an idempotent demo-data step; lower ``order`` runs first."""

    def register(step: DemoStep) -> DemoStep:
        _STEPS[name] = _Registered(order, name, step)
        return step

    return register


def demo_steps() -> list[tuple[str, DemoStep]]:
    autodiscover_modules("demo")
    return [(s.name, s.step) for s in sorted(_STEPS.values(), key=lambda s: (s.order, s.name))]
