"""Axis helpers shared by the server-rendered SVG charts (pure: no Django import)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

NICE_STEPS: Final = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)


@dataclass(frozen=True)
class Tick:
    """An axis tick: its position in SVG units and its label."""

    position: float
    label: str


def nice_step(top: float, ticks: int = 5) -> int:
    """A round tick step so that about ``ticks`` steps reach ``top``."""
    raw = top / ticks
    for step in NICE_STEPS:
        if step >= raw:
            return step
    return NICE_STEPS[-1] * math.ceil(raw / NICE_STEPS[-1])
