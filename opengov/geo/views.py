"""Spatial layers pages: the list of layers a person may see, the upload form for officers, one
layer's page and its GeoJSON for maps (private layers only for their organisation)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import shapely
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from opengov.accounts.selectors import user_organisation_ids, user_organisations
from opengov.geo.forms import LayerUploadForm
from opengov.geo.models import FeatureLayer
from opengov.geo.selectors import feature_layer_features, feature_layers_visible
from opengov.geo.services import AreaLayerLoadError, LayerUploadRefused, feature_layer_upload

SIMPLIFY_DEGREES = 0.0005  # about 50 m: enough for an overlay, keeps the 50 m corridors visible


def _upload_name(request: HttpRequest) -> str:
    upload = request.FILES.get("file")
    return str(getattr(upload, "name", "") or "")


def _visible_layer(request: HttpRequest, slug: str) -> FeatureLayer:
    layer = feature_layers_visible(organisation_ids=user_organisation_ids(request.user)).filter(
        slug=slug
    )
    found = layer.first()
    if found is None:
        raise Http404
    return found


@require_http_methods(["GET", "POST"])
def layer_list(request: HttpRequest) -> HttpResponse:
    organisations = user_organisations(request.user)
    form = None
    if organisations.exists():
        form = LayerUploadForm(
            request.POST or None, request.FILES or None, organisations=organisations
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                result = feature_layer_upload(
                    user=request.user,
                    organisation=data["organisation"],
                    name_th=data["name_th"],
                    name_en=data["name_en"],
                    kind=data["kind"],
                    visibility=data["visibility"],
                    data=data["file"],
                    filename=_upload_name(request),
                )
            except LayerUploadRefused as refused:
                thai = translation.get_language() == "th"
                form.add_error(None, refused.message_th if thai else refused.message_en)
            except AreaLayerLoadError as error:
                form.add_error("file", error.render(translation.get_language() or "th"))
            else:
                messages.success(
                    request,
                    _("Layer loaded: %(count)s features.") % {"count": result.features},
                )
                return redirect("geo:layer", slug=result.slug)
    elif request.method == "POST":
        raise PermissionDenied
    layers = feature_layers_visible(organisation_ids=user_organisation_ids(request.user)).order_by(
        "kind", "name_th"
    )
    status = 400 if form is not None and form.errors else 200
    return render(request, "geo/layers.html", {"layers": layers, "form": form}, status=status)


@require_GET
def layer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    layer = _visible_layer(request, slug)
    features = feature_layer_features(layer)
    classes = Counter(str(f["class"]) for f in features)
    years = Counter(int(str(f["year"])) for f in features if f.get("year"))
    context: dict[str, Any] = {
        "layer": layer,
        "classes": sorted(classes.items()),
        "years": sorted(years.items()),
        "feature_count": len(features),
    }
    return render(request, "geo/layer.html", context)


@require_GET
def layer_geojson(request: HttpRequest, slug: str) -> HttpResponse:
    layer = _visible_layer(request, slug)
    features = []
    for feature in feature_layer_features(layer):
        geometry = shapely.from_geojson(str(feature.pop("geometry")))
        if geometry.geom_type != "Point":
            geometry = shapely.simplify(geometry, SIMPLIFY_DEGREES, preserve_topology=True)
        features.append(
            {
                "type": "Feature",
                "geometry": json.loads(shapely.to_geojson(geometry)),
                "properties": feature,
            }
        )
    body = {"type": "FeatureCollection", "name": layer.slug, "features": features}
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), content_type="application/geo+json; charset=utf-8"
    )
    if layer.visibility != "public":
        response["Cache-Control"] = "private, no-store"
    return response
