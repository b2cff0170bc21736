"""The public organisation directory and the member-management page of organisation admins."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from opengov.accounts.access import organisation_member_manager_required
from opengov.accounts.forms.organisations import (
    MemberAddForm,
    MemberRoleForm,
    OrganisationFilterForm,
)
from opengov.accounts.models import Membership, Organisation
from opengov.accounts.selectors import (
    organisation_ancestors,
    organisation_get,
    organisation_list,
    organisation_memberships,
    user_can_manage_members,
)
from opengov.accounts.services import membership_add, membership_change_role, membership_remove

PAGE_SIZE = 30


@require_GET
def organisation_list_page(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = organisation_list(type=filters.get("type") or None, q=filters.get("q") or None)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/organisations/list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@require_GET
def organisation_detail_page(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_get(slug=slug)
    if organisation is None:
        raise Http404
    return render(
        request,
        "accounts/organisations/detail.html",
        {
            "organisation": organisation,
            "ancestors": organisation_ancestors(organisation),
            "can_manage_members": user_can_manage_members(request.user, organisation),
        },
    )


def _members_page(
    request: HttpRequest,
    organisation: Organisation,
    *,
    add_form: MemberAddForm | None = None,
    status: int = 200,
) -> HttpResponse:
    memberships = list(organisation_memberships(organisation))
    return render(
        request,
        "accounts/organisations/members.html",
        {
            "organisation": organisation,
            "rows": [
                (m, MemberRoleForm(initial={"role": m.role}, prefix=f"m{m.pk}"))
                for m in memberships
            ],
            "add_form": add_form or MemberAddForm(),
        },
        status=status,
    )


@organisation_member_manager_required()
@require_GET
def organisation_members(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return _members_page(request, organisation)


@organisation_member_manager_required()
@require_POST
def member_add(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = MemberAddForm(request.POST)
    if form.is_valid():
        try:
            membership = membership_add(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                performed_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(email)s has been added.") % {"email": membership.user.email}
            )
            return redirect("accounts:organisation_members", slug=organisation.slug)
    return _members_page(request, organisation, add_form=form, status=400)


def _membership_of(organisation: Organisation, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user", "organisation"), pk=pk, organisation=organisation
    )


@organisation_member_manager_required()
@require_POST
def member_change_role(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    membership = _membership_of(organisation, pk)
    form = MemberRoleForm(request.POST, prefix=f"m{membership.pk}")
    if not form.is_valid():
        messages.error(request, _("Role: choose editor or administrator."))
    else:
        try:
            membership_change_role(
                membership=membership, role=form.cleaned_data["role"], performed_by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The role of %(email)s is now %(role)s.")
                % {"email": membership.user.email, "role": membership.get_role_display()},
            )
    return redirect("accounts:organisation_members", slug=organisation.slug)


@organisation_member_manager_required()
@require_http_methods(["POST"])
def member_remove(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    membership = _membership_of(organisation, pk)
    email = membership.user.email
    try:
        membership_remove(membership=membership, performed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(email)s has been removed.") % {"email": email})
    return redirect("accounts:organisation_members", slug=organisation.slug)
