"""Bearings, distances and the upwind offset of spec §5.1 (pure; numpy)."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from opengov.geo.feature_index import haversine_km

FloatArray = npt.NDArray[np.float64]


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing from point 1 to point 2 in degrees, normalised to [0, 360) (spec §5.1)."""
    return float(bearings_deg(lat1, lon1, np.array([lat2]), np.array([lon2]))[0])


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by haversine with R = 6371.0 km (spec §5.1)."""
    return float(haversine_km(lat1, lon1, lat2, lon2))


def upwind_offset_deg(bearing: float, wind_from_deg: float) -> float:
    """Angle between a bearing and the upwind direction, in [0, 180] (spec §5.1 step 3)."""
    return abs(((bearing - wind_from_deg + 540.0) % 360.0) - 180.0)


def bearings_deg(lat1: float, lon1: float, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    """Initial bearings from one point to many, in [0, 360)."""
    phi1 = math.radians(lat1)
    phi2 = np.radians(lat2)
    delta_lambda = np.radians(lon2 - lon1)
    y = np.sin(delta_lambda) * np.cos(phi2)
    x = math.cos(phi1) * np.sin(phi2) - math.sin(phi1) * np.cos(phi2) * np.cos(delta_lambda)
    result: FloatArray = np.mod(np.degrees(np.arctan2(y, x)) + 360.0, 360.0)
    # mod of a tiny negative angle rounds to 360.0 exactly, which is outside [0, 360).
    result[result >= 360.0] = 0.0
    return result
