"""Upwind hotspot transport-risk index for one receptor and hour (spec §5.1).

This is a **transport-risk proxy, not a source apportionment**: it says how much fire radiative
power lay upwind, close enough and at the right age for its smoke to reach the receptor at hour
``t`` if the wind held. It does not say where the receptor's PM2.5 came from. Every screen, API
field and export that shows a result must carry :data:`LABEL_TH` / :data:`LABEL_EN`.

Pure module: no Django import. Inputs are plain data (:class:`Receptor`, :class:`Wind`,
:class:`HotspotRecord`, :class:`UpwindParameters`); the output is a frozen
:class:`UpwindResult` that turns into JSON-able data with :meth:`UpwindResult.as_dict`.

For each hotspot H (after the filters of spec §4.2 / §5.1 step 6, one instrument only):

* bearing receptor → H, ``β = atan2(sin Δλ·cos φ2, cos φ1·sin φ2 − sin φ1·cos φ2·cos Δλ)`` in
  [0, 360); great-circle distance ``d`` by haversine with R = 6371.0 km;
* offset from the upwind direction ``Δ = |((β − θw + 540) mod 360) − 180|``; H is upwind when
  ``Δ ≤ α``;
* ``K = exp(−d / L)``; ``A = max(cos Δ, 0)`` (``"cosine"``) or 1 (``"tophat"``) inside the sector;
* ``T = 1`` when the age ``t − tH`` lies in ``[d/u − 3 h, d/u + 6 h]`` (never before 0 h unless
  :attr:`UpwindParameters.include_later_detections`), else 0 — or, with the optional tail,
  ``exp(−(age − end) / tail)`` after the window's end; with no usable wind speed (0 or missing)
  the fixed fallback window (default 0–24 h) applies and the result is flagged;
* contribution ``FRP · K · A · T``; the rings are cumulative (``d ≤ 50, 100, 250, 500 km``).
"""

from __future__ import annotations

from opengov.hotspots.attribution.geometry import bearing_deg, distance_km, upwind_offset_deg
from opengov.hotspots.attribution.index import (
    hotspot_passes_filter,
    upwind_transport_risk,
    upwind_transport_risk_series,
)
from opengov.hotspots.attribution.model import (
    LABEL_EN,
    LABEL_TH,
    Contribution,
    HotspotRecord,
    Receptor,
    RingTotals,
    UpwindParameters,
    UpwindResult,
    Wind,
    WindCandidate,
    WindChoice,
)
from opengov.hotspots.attribution.wind import wind_choose

__all__ = [
    "LABEL_EN",
    "LABEL_TH",
    "Contribution",
    "HotspotRecord",
    "Receptor",
    "RingTotals",
    "UpwindParameters",
    "UpwindResult",
    "Wind",
    "WindCandidate",
    "WindChoice",
    "bearing_deg",
    "distance_km",
    "hotspot_passes_filter",
    "upwind_offset_deg",
    "upwind_transport_risk",
    "upwind_transport_risk_series",
    "wind_choose",
]
