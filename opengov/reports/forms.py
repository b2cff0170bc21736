"""Forms of the report pages (photos are read from ``request.FILES`` by the view)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opengov.reports.models import Category, Status

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class ReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What did you see?"), choices=Category.choices, widget=forms.RadioSelect
    )
    lat = forms.FloatField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_(
            "Set by the map pin or the “Use my location” button; or type it, e.g. 18.7883."
        ),
    )
    lon = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("For example 98.9853."),
    )
    address = forms.CharField(
        label=_("Address or landmark"),
        required=False,
        max_length=300,
        help_text=_("Village, road, sub-district: needed when you give no coordinates."),
    )
    seen_at = forms.DateTimeField(
        label=_("When did you see it?"),
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is burning, how big, which direction the smoke goes."),
    )
    contact_name = forms.CharField(label=_("Your name"), required=False, max_length=150)
    contact_email = forms.EmailField(label=_("E-mail"), required=False)
    contact_phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    client_token = forms.CharField(widget=forms.HiddenInput, max_length=100, required=False)
    confirm_new = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(
                "seen_at", timezone.localtime().replace(second=0, microsecond=0)
            )


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (value, label)
            for value, label in Status.choices
            if value not in ("submitted", "reopened")
        ],
    )
    note = forms.CharField(
        label=_("Comment (public)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    refer_to = forms.SlugField(
        label=_("Refer to organisation (slug)"),
        required=False,
        help_text=_("Only for “Referred to another agency”."),
    )
    duplicate_of = forms.IntegerField(
        label=_("Duplicate of report number"),
        required=False,
        min_value=1,
        help_text=_("Only for “Duplicate”."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Why is the problem not solved?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How well was it handled?"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(n, "★" * n) for n in range(1, 6)],
    )


class FollowForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail"), required=False)


class FilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All")), *Category.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("open", _("Open")), ("closed", _("Closed")), *Status.choices],
    )
    area = forms.CharField(
        label=_("Province or district code"),
        required=False,
        max_length=8,
        help_text=_("e.g. 50 = Chiang Mai, 5001 = Mueang Chiang Mai"),
    )
    days = forms.TypedChoiceField(
        label=_("Seen in the last"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any time")), (1, _("24 hours")), (7, _("7 days")), (30, _("30 days"))],
    )


def errors_to_form(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ``ValidationError`` on the form fields it names (else on the form)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
