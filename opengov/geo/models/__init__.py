"""Reference geography: administrative areas, land-use / responsibility zones and risk places."""

from __future__ import annotations

from opengov.geo.models.areas import Area, AreaLevel, LayerLoad
from opengov.geo.models.layers import (
    FeatureLayer,
    FeatureLayerKind,
    LandUseClass,
    LayerVisibility,
    RiskPlace,
    RiskPlaceKind,
    Zone,
)

__all__ = [
    "Area",
    "AreaLevel",
    "FeatureLayer",
    "FeatureLayerKind",
    "LandUseClass",
    "LayerLoad",
    "LayerVisibility",
    "RiskPlace",
    "RiskPlaceKind",
    "Zone",
]
