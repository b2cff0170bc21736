"""``/hotspots/layers/<slug>/``: detections inside the zones of one spatial layer per class —
e.g. an agency's cane fields harvested by burning vs by machine. Private layers only for the
officers of their organisation."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Final

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from opengov.accounts.selectors import user_organisation_ids
from opengov.core.thai_dates import ict_day
from opengov.geo.models import FeatureLayerKind
from opengov.geo.selectors import feature_layer_features, feature_layers_visible
from opengov.hotspots.selectors import FilterError
from opengov.hotspots.selectors_analysis import layer_hotspot_counts
from opengov.hotspots.views.common import error_page, filter_choices, source_info
from opengov.hotspots.views.filters import confidence_parse, day_parse, series_parse

TEMPLATE: Final = "hotspots/layer.html"
DEFAULT_DAYS: Final = 30


def layer_hotspots(request: HttpRequest, slug: str) -> HttpResponse:
    organisation_ids = user_organisation_ids(request.user)
    layer = (
        feature_layers_visible(organisation_ids=organisation_ids)
        .exclude(kind=FeatureLayerKind.RISK_PLACES)
        .filter(slug=slug)
        .first()
    )
    if layer is None:
        raise Http404
    query = request.GET
    context: dict[str, Any] = {
        "layer": layer,
        "start_value": query.get("start", ""),
        "end_value": query.get("end", ""),
        **filter_choices(query.get("series") or "VIIRS_SNPP", query.get("confidence") or "default"),
    }
    try:
        series, confidence = series_parse(query), confidence_parse(query)
        end = day_parse(query, "end") or ict_day(timezone.now())
        start = day_parse(query, "start") or end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise FilterError(
                "start",
                "start must be on or before end",
                "วันเริ่มต้องไม่หลังวันสิ้นสุด",
            )
    except FilterError as error:
        return error_page(request, TEMPLATE, error, context)
    zones = [(str(f["class"]), str(f["geometry"])) for f in feature_layer_features(layer)]
    counts = layer_hotspot_counts(
        zones=zones, start_day=start, end_day=end, series=series, confidence=confidence
    )
    context.update(
        {
            "counts": counts,
            "total": sum(c.count for c in counts),
            "start": start,
            "end": end,
            "start_value": start.isoformat(),
            "end_value": end.isoformat(),
            "source": source_info(series, confidence, timezone.now()),
        }
    )
    return render(request, TEMPLATE, context)
