"""Upload form for an organisation's own zone, burn-scar or risk-place layer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from opengov.accounts.models import Organisation
from opengov.geo.models import FeatureLayerKind, LayerVisibility

LAYER_UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # GeoJSON of a province's zones fits well below


class LayerUploadForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of layer"), choices=FeatureLayerKind.choices)
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=LayerVisibility.choices,
        initial=LayerVisibility.ORGANISATION,
        help_text=_("Only platform administrators may publish a public layer."),
    )
    file = forms.FileField(
        label=_("GeoJSON file (WGS84)"),
        help_text=_(
            "A FeatureCollection. Land use: property class, lu_code or lu_name; burn scars: "
            "burn_year; risk places: points with a name."
        ),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = organisations

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        limit = LAYER_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": limit // (1024 * 1024)}
            )
        if not upload.name.lower().endswith((".geojson", ".json")):
            raise forms.ValidationError(_("Upload a .geojson or .json file."))
        data: bytes = upload.read()
        return data
