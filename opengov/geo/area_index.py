"""Point → area index over the reference layers (pure: no Django import).

Answers "which country / province / district / sub-district contains (lat, lon)" for one point or
for numpy arrays of points. Answers are exact point-in-polygon tests on the stored polygons:

* an STRtree over the polygons' envelopes finds candidate (point, polygon) pairs, then each
  candidate polygon — prepared once, so GEOS keeps its indexed point locator — tests all its
  points at once with ``shapely.intersects_xy``. This is much faster than
  ``STRtree.query(predicate="intersects")`` on large polygons (China, India) and just as exact.
* **Border rule.** Polygons are closed: a point on a boundary belongs to every polygon whose
  boundary it lies on, and where polygons overlap (the sub-district layer has slivers) a point
  belongs to all of them. Among several matches the **lowest code wins** (string order, so
  ``5001`` before ``5002`` and ``KHM`` before ``THA``). Because DOPA codes nest, a point on a
  provincial border gets the province and a district of that same province.
* Points that no polygon contains (at sea, outside the layers, NaN) resolve to ``None``.
* **Country rule** (SOURCES.md §4): the Thai province layer is tested first; a point inside a
  province is in Thailand (``THA``). Other points take the country layer, whose 1:50m borders
  differ from the HDX Thai border.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import shapely

THAILAND_CODE: Final = "THA"
LEVELS: Final = ("country", "province", "district", "subdistrict")

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.intp]
CodeArray = npt.NDArray[np.object_]  # str codes, None where no area contains the point


@dataclass(frozen=True)
class LayerGeometries:
    """The polygons of one level, as plain data, to build an index from."""

    level: str
    codes: Sequence[str]
    geometries: Sequence[shapely.Geometry]


class LayerIndex:
    """Exact point-in-polygon lookup over the polygons of one level (lowest code wins)."""

    def __init__(self, codes: Sequence[str], geometries: Sequence[shapely.Geometry]) -> None:
        if len(codes) != len(geometries):
            raise ValueError("codes and geometries differ in length")
        order = sorted(range(len(codes)), key=lambda i: codes[i])
        # Position in code order doubles as the rank used to break ties.
        self.codes: list[str] = [codes[i] for i in order]
        self._geometries = np.array([geometries[i] for i in order], dtype=object)
        shapely.prepare(self._geometries)
        self._tree = shapely.STRtree(self._geometries)
        self._none = len(self.codes)
        # Lookup table from rank (``none`` last) to code, so results convert with one ``take``.
        self._code_table = np.array([*self.codes, None], dtype=object)

    def __len__(self) -> int:
        return len(self.codes)

    def lookup_ranks(self, lons: FloatArray, lats: FloatArray) -> IndexArray:
        """Rank (position in ``codes``) of the area containing each point, ``-1`` for none."""
        xs = np.ascontiguousarray(lons, dtype=np.float64)
        ys = np.ascontiguousarray(lats, dtype=np.float64)
        result = np.full(xs.shape[0], self._none, dtype=np.intp)
        if xs.shape[0] == 0 or self._none == 0:
            return np.where(result == self._none, -1, result)
        point_idx, geom_idx = self._tree.query(shapely.points(xs, ys))
        if point_idx.size:
            order = np.argsort(geom_idx, kind="stable")
            point_idx = point_idx[order]
            geom_idx = geom_idx[order]
            cuts = np.flatnonzero(np.diff(geom_idx)) + 1
            starts = np.concatenate(([0], cuts))
            ends = np.concatenate((cuts, [geom_idx.size]))
            hit = np.empty(geom_idx.size, dtype=bool)
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                candidates = point_idx[start:end]
                hit[start:end] = shapely.intersects_xy(
                    self._geometries[geom_idx[start]], xs[candidates], ys[candidates]
                )
            np.minimum.at(result, point_idx[hit], geom_idx[hit])
        result[result == self._none] = -1
        return result

    def codes_of(self, ranks: IndexArray) -> CodeArray:
        """Codes for ranks from :meth:`lookup_ranks` (``-1`` becomes ``None``)."""
        return np.asarray(self._code_table.take(ranks), dtype=object)

    def lookup_codes(self, lons: FloatArray, lats: FloatArray) -> CodeArray:
        """Code of the area containing each point (``None`` for none)."""
        return self.codes_of(self.lookup_ranks(lons, lats))


class AreaIndex:
    """The four reference layers together; build once per process and reuse."""

    def __init__(self, layers: Mapping[str, LayerIndex]) -> None:
        self.layers = dict(layers)

    @classmethod
    def build(cls, layers: Iterable[LayerGeometries]) -> AreaIndex:
        """Build the index from plain polygons (levels without polygons are simply absent)."""
        return cls(
            {
                layer.level: LayerIndex(layer.codes, layer.geometries)
                for layer in layers
                if len(layer.codes)
            }
        )

    def lookup_many(
        self, lats: Sequence[float] | FloatArray, lons: Sequence[float] | FloatArray
    ) -> dict[str, CodeArray]:
        """Codes per level for arrays of points; each array holds a code or ``None`` per point."""
        ys = np.asarray(lats, dtype=np.float64).ravel()
        xs = np.asarray(lons, dtype=np.float64).ravel()
        if xs.shape != ys.shape:
            raise ValueError("lats and lons differ in length")
        result: dict[str, CodeArray] = {}
        in_thailand = np.zeros(xs.shape[0], dtype=bool)
        for level in ("province", "district", "subdistrict"):
            layer = self.layers.get(level)
            if layer is None:
                result[level] = np.full(xs.shape[0], None, dtype=object)
                continue
            ranks = layer.lookup_ranks(xs, ys)
            result[level] = layer.codes_of(ranks)
            if level == "province":
                in_thailand = ranks >= 0
        country = np.full(xs.shape[0], None, dtype=object)
        country[in_thailand] = THAILAND_CODE
        country_layer = self.layers.get("country")
        rest = np.flatnonzero(~in_thailand)
        if country_layer is not None and rest.size:
            country[rest] = country_layer.lookup_codes(xs[rest], ys[rest])
        result["country"] = country
        return result

    def lookup(self, lat: float, lon: float) -> dict[str, str | None]:
        """Codes per level for one point; the same code path (and answer) as ``lookup_many``."""
        many = self.lookup_many([lat], [lon])
        return {level: many[level][0] for level in LEVELS}
