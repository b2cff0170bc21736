"""Officers of the owning organisation (and platform admins): set up, review, paper ballots,
import/export and counting."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opengov.accounts.models import Organisation
from opengov.budgeting.models import Category, Process, Proposal
from opengov.budgeting.pabulib import write_pb
from opengov.budgeting.selectors import (
    area_count_history,
    area_election,
    area_proposals_on_ballot,
    process_areas,
    proposals_to_review,
    user_can_set_up_for,
)
from opengov.budgeting.services import (
    area_create,
    area_import_pb,
    area_rule,
    category_create,
    category_delete,
    category_update,
    count_compare,
    count_request,
    paper_ballot_enter,
    process_create,
    proposal_review,
)
from opengov.budgeting.views.common import area_or_404, process_or_404, require_manager
from opengov.budgeting.views.forms import (
    AreaForm,
    CategoryForm,
    CompareForm,
    ImportForm,
    PaperForm,
    ProcessForm,
    ReviewForm,
    add_service_errors,
)


@login_required
@require_http_methods(["GET", "POST"])
def process_new(request: HttpRequest, org: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.active(), slug=org)
    if not user_can_set_up_for(request.user, organisation):
        raise PermissionDenied
    form = ProcessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ProcessForm.Meta.fields}
        try:
            process = process_create(user=request.user, organisation=organisation, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The process is set up: now add its areas."))
            return redirect("budgeting:manage", slug=process.slug)
    title = _("New participatory budgeting process")
    return render(request, "budgeting/form_page.html", {"form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def process_manage(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_or_404(slug)
    require_manager(request, process)
    form = AreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            area_create(user=request.user, process=process, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Area added."))
            return redirect("budgeting:manage", slug=slug)
    return render(
        request,
        "budgeting/manage.html",
        {
            "process": process,
            "areas": process_areas(process),
            "proposals": proposals_to_review(process),
            "form": form,
            "review_form": ReviewForm(),
            "categories": [
                (category, CategoryForm(instance=category, prefix=f"category-{category.pk}"))
                for category in process.categories.all()
            ],
            "category_form": CategoryForm(prefix="category"),
        },
    )


def _refusals_as_messages(request: HttpRequest, error: ValidationError) -> None:
    for problems in error.message_dict.values():
        for problem in problems:
            messages.error(request, problem)


def _form_errors_as_messages(request: HttpRequest, form: CategoryForm) -> None:
    for field, problems in form.errors.as_data().items():
        label = form.fields[field].label if field in form.fields else None
        for problem in problems:
            for text in problem.messages:
                messages.error(request, f"{label}: {text}" if label else text)


def _category_or_404(process: Process, pk: int) -> Category:
    return get_object_or_404(Category, pk=pk, process=process)


@login_required
@require_POST
def category_add(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_or_404(slug)
    require_manager(request, process)
    form = CategoryForm(request.POST, prefix="category")
    if not form.is_valid():
        _form_errors_as_messages(request, form)
        return redirect("budgeting:manage", slug=slug)
    try:
        category_create(user=request.user, process=process, **form.cleaned_data)
    except ValidationError as error:
        _refusals_as_messages(request, error)
    else:
        messages.success(request, _("Category added."))
    return redirect("budgeting:manage", slug=slug)


@login_required
@require_POST
def category_rename(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = process_or_404(slug)
    require_manager(request, process)
    category = _category_or_404(process, pk)
    form = CategoryForm(request.POST, prefix=f"category-{category.pk}")
    if not form.is_valid():
        _form_errors_as_messages(request, form)
        return redirect("budgeting:manage", slug=slug)
    try:
        category_update(user=request.user, category=category, **form.cleaned_data)
    except ValidationError as error:
        _refusals_as_messages(request, error)
    else:
        messages.success(request, _("Category renamed."))
    return redirect("budgeting:manage", slug=slug)


@login_required
@require_POST
def category_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = process_or_404(slug)
    require_manager(request, process)
    category = _category_or_404(process, pk)
    try:
        category_delete(user=request.user, category=category)
    except ValidationError as error:
        _refusals_as_messages(request, error)
    else:
        messages.success(request, _("Category removed."))
    return redirect("budgeting:manage", slug=slug)


@login_required
@require_POST
def proposal_review_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = process_or_404(slug)
    require_manager(request, process)
    proposal = get_object_or_404(Proposal, pk=pk, area__process=process)
    form = ReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        target = None
        if data["merged_into"]:
            target = Proposal.objects.filter(pk=data["merged_into"], area=proposal.area).first()
        try:
            proposal_review(
                user=request.user,
                proposal=proposal,
                status=data["status"],
                cost=data["cost"],
                note=data["note"],
                merged_into=target,
            )
        except ValidationError as error:
            for problems in error.message_dict.values():
                for problem in problems:
                    messages.error(request, f"{proposal.code}: {problem}")
        else:
            messages.success(request, _("Decision saved for %(code)s.") % {"code": proposal.code})
    else:
        messages.error(request, _("Choose a decision."))
    return redirect("budgeting:manage", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def paper_entry(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    process = process_or_404(slug)
    require_manager(request, process)
    area = area_or_404(process, area_id)
    projects = list(area_proposals_on_ballot(area))
    form = PaperForm(request.POST or None, area=area, projects=projects)
    if request.method == "POST" and form.is_valid():
        vote, points = form.vote_and_points()
        try:
            result = paper_ballot_enter(
                user=request.user,
                area=area,
                sheet_number=form.cleaned_data["sheet_number"],
                national_id=form.cleaned_data["national_id"],
                vote=vote,
                points=points,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, result.message())
            return redirect("budgeting:paper", slug=slug, area_id=area.pk)
    title = _("Enter a paper ballot: %(area)s") % {"area": area.name}
    return render(
        request, "budgeting/form_page.html", {"process": process, "form": form, "title": title}
    )


@login_required
@require_http_methods(["GET", "POST"])
def area_import(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    process = process_or_404(slug)
    require_manager(request, process)
    area = area_or_404(process, area_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            summary = area_import_pb(
                user=request.user, area=area, data=form.cleaned_data["file"].read()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Imported %(projects)s projects and %(ballots)s ballots.")
                % {"projects": summary.projects, "ballots": summary.ballots},
            )
            return redirect("budgeting:manage", slug=slug)
    title = _("Import a Pabulib file into %(area)s") % {"area": area.name}
    return render(
        request,
        "budgeting/form_page.html",
        {"process": process, "form": form, "title": title, "multipart": True},
    )


@login_required
@require_http_methods(["GET"])
def area_export(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    """Officers' export: the area's election as imported or run (voter ids kept as given)."""
    process = process_or_404(slug)
    require_manager(request, process)
    area = area_or_404(process, area_id)
    response = HttpResponse(write_pb(area_election(area)), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-area-{area.pk}-full.pb"'
    return response


@login_required
@require_POST
def count_start(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    process = process_or_404(slug)
    require_manager(request, process)
    area = area_or_404(process, area_id)
    count_request(user=request.user, area=area)
    return redirect("budgeting:results", slug=slug, area_id=area.pk)


@login_required
@require_http_methods(["GET", "POST"])
def count_history(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    """Every count of an area (official and comparison) and a re-count with another rule; the
    comparison counts never replace the official result on the public page."""
    process = process_or_404(slug)
    require_manager(request, process)
    area = area_or_404(process, area_id)
    form = CompareForm(request.POST or None, initial={"rule": process.rule})
    if request.method == "POST" and form.is_valid():
        try:
            count_compare(user=request.user, area=area, rule=form.cleaned_data["rule"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Comparison count with the rule “%(rule)s” queued.")
                % {"rule": form.cleaned_data["rule"]},
            )
            return redirect("budgeting:counts", slug=slug, area_id=area.pk)
    return render(
        request,
        "budgeting/counts.html",
        {
            "process": process,
            "area": area,
            "runs": area_count_history(area),
            "official_rule": area_rule(area) or area.pb_meta.get("rule", ""),
            "form": form,
        },
    )
