"""Forms for the organisation directory and member management."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from opengov.accounts.forms.accessible import AccessibleFormMixin
from opengov.accounts.models import MembershipRole, OrganisationType


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *OrganisationType.choices],
    )


class MemberAddForm(AccessibleFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("They must already have an account on this site."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)


class MemberRoleForm(AccessibleFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)
