"""Forms of the budgeting pages; business rules stay in the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from opengov.accounts.forms.accessible import AccessibleFormMixin
from opengov.budgeting.counting import SUPPORTED_RULES
from opengov.budgeting.models import (
    Ballot,
    BallotStyle,
    Category,
    Process,
    ProcessArea,
    Proposal,
    ProposalStatus,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's refusal on the form's fields (unknown fields go to the whole form)."""
    for field, messages in error.message_dict.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)


class ProcessForm(AccessibleFormMixin, forms.ModelForm[Process]):
    class Meta:
        model = Process
        fields = (
            "slug",
            "title_th",
            "title_en",
            "description",
            "total_budget",
            "ballot_style",
            "min_projects",
            "max_projects",
            "max_total_points",
            "max_points_per_project",
            "rank_points",
            "rule",
            "min_score_threshold",
            "proposals_open_at",
            "review_open_at",
            "voting_open_at",
            "voting_close_at",
            "results_at",
            "implementation_at",
            "min_age",
            "residence_area_name",
            "verification_level",
            "national_id_required",
        )
        widgets = dict.fromkeys(
            (
                "proposals_open_at",
                "review_open_at",
                "voting_open_at",
                "voting_close_at",
                "results_at",
                "implementation_at",
            ),
            DATETIME,
        )


class AreaForm(AccessibleFormMixin, forms.ModelForm[ProcessArea]):
    class Meta:
        model = ProcessArea
        fields = ("name_th", "name_en", "budget", "latitude", "longitude")


class CategoryForm(AccessibleFormMixin, forms.ModelForm[Category]):
    class Meta:
        model = Category
        fields = ("name_th", "name_en")


class ProposalForm(AccessibleFormMixin, forms.ModelForm[Proposal]):
    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = process.areas.all()  # type: ignore[attr-defined]
        self.fields["category"].queryset = process.categories.all()  # type: ignore[attr-defined]

    class Meta:
        model = Proposal
        fields = (
            "area",
            "title",
            "description",
            "category",
            "proposed_cost",
            "latitude",
            "longitude",
        )


class ReviewForm(AccessibleFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("decision"),
        choices=[
            (ProposalStatus.FEASIBLE, ProposalStatus.FEASIBLE.label),
            (ProposalStatus.REJECTED, ProposalStatus.REJECTED.label),
            (ProposalStatus.MERGED, ProposalStatus.MERGED.label),
        ],
    )
    cost = forms.DecimalField(
        label=_("cost estimated by the officers"), required=False, min_value=0
    )
    note = forms.CharField(
        label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    merged_into = forms.IntegerField(label=_("merge into proposal (id)"), required=False)


class CompareForm(AccessibleFormMixin, forms.Form):
    rule = forms.ChoiceField(
        label=_("Count again with the rule"), choices=[(name, name) for name in SUPPORTED_RULES]
    )


class ImportForm(AccessibleFormMixin, forms.Form):
    file = forms.FileField(label=_("Pabulib file (.pb)"))


def ballot_initial(process: Process, ballot: Ballot | None) -> dict[str, Any]:
    """The form values that show ``ballot`` again, so a returning voter changes what they chose."""
    if ballot is None or not ballot.vote:
        return {}
    vote = [str(code) for code in ballot.vote]
    style = process.ballot_style
    if style == BallotStyle.CHOOSE_ONE:
        return {"vote": vote[0]}
    if style == BallotStyle.RANKED:
        return {f"rank_{rank}": code for rank, code in enumerate(vote, start=1)}
    if style == BallotStyle.CUMULATIVE:
        points = list(ballot.points or [])
        return {
            f"points_{code}": int(given)
            for code, given in zip(vote, points, strict=False)
            if str(given).isdigit()
        }
    return {"vote": vote}


def national_id_field(*, required: bool, help_text: StrOrPromise) -> forms.CharField:
    return forms.CharField(
        label=_("Thai national ID number (13 digits)"),
        max_length=20,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class BallotForm(AccessibleFormMixin, forms.Form):
    """The ballot of one area, shaped by the process's ballot style."""

    def __init__(self, *args: Any, area: ProcessArea, projects: list[Proposal], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.process = area.process
        self.style = self.process.ballot_style
        self.codes = [proposal.code for proposal in projects]
        choices = [(p.code, f"{p.title} ({p.cost:,.0f} ฿)") for p in projects]
        if self.style in (BallotStyle.APPROVAL, BallotStyle.KNAPSACK):
            self.fields["vote"] = forms.MultipleChoiceField(
                label=_("Projects you support"),
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        elif self.style == BallotStyle.CHOOSE_ONE:
            self.fields["vote"] = forms.ChoiceField(
                label=_("The project you support"), choices=choices, widget=forms.RadioSelect
            )
        elif self.style == BallotStyle.RANKED:
            ranks = len(self.process.rank_points_list())
            for rank in range(1, min(ranks, len(projects)) + 1):
                self.fields[f"rank_{rank}"] = forms.ChoiceField(
                    label=_("Choice number %(rank)s") % {"rank": rank},
                    choices=[("", "—"), *choices],
                    required=False,
                )
        else:
            for code, label in choices:
                self.fields[f"points_{code}"] = forms.IntegerField(
                    label=label, min_value=0, required=False, initial=0
                )
        if self.process.min_age:
            self.fields["birth_year"] = forms.IntegerField(
                label=_("Year of birth (Gregorian, e.g. 1990)"), min_value=1900, max_value=2100
            )
        if self.process.residence_area_name:
            self.fields["lives_in_area"] = forms.BooleanField(
                label=_("I live in %(area)s") % {"area": self.process.residence_area_name}
            )
        if self.process.national_id_required:
            self.fields["national_id"] = national_id_field(
                required=False,
                help_text=_(
                    "Each person votes once, on the web or on paper. Only a keyed fingerprint "
                    "of the number is stored, never the number itself. When you change your "
                    "ballot you may leave it empty."
                ),
            )

    def vote_and_points(self) -> tuple[list[str], list[int] | None]:
        data = self.cleaned_data
        if self.style in (BallotStyle.APPROVAL, BallotStyle.KNAPSACK):
            return list(data.get("vote") or []), None
        if self.style == BallotStyle.CHOOSE_ONE:
            return [data["vote"]], None
        if self.style == BallotStyle.RANKED:
            names = [name for name in self.fields if name.startswith("rank_")]
            ranked = [data[name] for name in sorted(names, key=lambda name: int(name[5:]))]
            return [code for code in ranked if code], None
        given = [(code, data.get(f"points_{code}") or 0) for code in self.codes]
        kept = [(code, points) for code, points in given if points]
        return [code for code, _p in kept], [points for _c, points in kept]


class PaperForm(BallotForm):
    def __init__(self, *args: Any, area: ProcessArea, projects: list[Proposal], **kwargs: Any):
        super().__init__(*args, area=area, projects=projects, **kwargs)
        self.fields.pop("birth_year", None)
        self.fields.pop("lives_in_area", None)
        self.fields.pop("national_id", None)
        self.fields = {
            "sheet_number": forms.CharField(label=_("Sheet number"), max_length=40),
            "national_id": national_id_field(
                required=True,
                help_text=_(
                    "From the voter's ID card, checked at the polling place. Only a keyed "
                    "fingerprint is stored: the person cannot vote again on the web or on paper."
                ),
            ),
            **self.fields,
        }
