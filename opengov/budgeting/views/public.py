"""Pages anyone can read: processes, a process, results (with the anonymised ballots)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from opengov.budgeting.models import CountStatus, Phase, ProcessArea
from opengov.budgeting.pabulib import write_pb
from opengov.budgeting.selectors import (
    area_election,
    area_latest_count,
    area_latest_done_count,
    area_proposals_on_ballot,
    process_areas,
    process_list,
    user_ballot,
    user_can_manage_process,
)
from opengov.budgeting.views.common import area_or_404, process_or_404

PHASES = list(Phase)


@require_GET
def process_list_page(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    rows = [(process, process.phase_at(now)) for process in process_list()]
    return render(request, "budgeting/process_list.html", {"rows": rows})


@require_GET
def process_detail(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_or_404(slug)
    phase = process.phase_at(timezone.now())
    areas = [(area, list(area_proposals_on_ballot(area))) for area in process_areas(process)]
    return render(
        request,
        "budgeting/process_detail.html",
        {
            "process": process,
            "phase": phase,
            "phases": [(p, PHASES.index(p) <= PHASES.index(phase)) for p in PHASES],
            "areas": areas,
            "my_ballot": user_ballot(request.user, process),
            "can_manage": user_can_manage_process(request.user, process),
        },
    )


def _result_rows(area: ProcessArea, summary: dict[str, Any]) -> list[dict[str, Any]]:
    thai = (get_language() or "th") == "th"
    proposals = {p.code: p for p in area_proposals_on_ballot(area)}
    order = {code: index for index, code in enumerate(summary.get("winners", []))}
    rows = []
    for outcome in summary.get("projects", []):
        proposal = proposals.get(outcome["id"])
        rows.append(
            {
                "id": outcome["id"],
                "title": proposal.title if proposal else outcome["id"],
                "cost": proposal.cost if proposal else None,
                "lat": proposal.latitude if proposal else None,
                "lon": proposal.longitude if proposal else None,
                "funded": outcome["funded"],
                "reason": outcome["reason_th"] if thai else outcome["reason_en"],
                "order": order.get(outcome["id"], len(order)),
            }
        )
    return sorted(rows, key=lambda row: (not row["funded"], row["order"]))


def _results_context(request: HttpRequest, slug: str, area_id: int) -> dict[str, Any]:
    process = process_or_404(slug)
    area = area_or_404(process, area_id)
    latest = area_latest_count(area)
    done = area_latest_done_count(area)
    context: dict[str, Any] = {
        "process": process,
        "area": area,
        "latest": latest,
        "pending": latest is not None
        and latest.status in (CountStatus.QUEUED, CountStatus.RUNNING),
        "count": done,
        "can_manage": user_can_manage_process(request.user, process),
    }
    if done is not None:
        rows = _result_rows(area, done.summary)
        budget = done.budget or area.budget
        context.update(
            {
                "rows": rows,
                "funded": [row for row in rows if row["funded"]],
                "used_percent": round(float(done.total_cost or 0) * 100 / float(budget), 1)
                if budget
                else 0,
                "left": (budget - (done.total_cost or 0)),
                "map_points": [
                    {"lat": r["lat"], "lon": r["lon"], "title": r["title"], "funded": r["funded"]}
                    for r in rows
                    if r["lat"] is not None and r["lon"] is not None
                ],
            }
        )
    return context


@require_GET
def results(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    return render(request, "budgeting/results.html", _results_context(request, slug, area_id))


@require_GET
def results_progress(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    """The progress block, polled by htmx while a count runs; reloads the page when done."""
    context = _results_context(request, slug, area_id)
    response = render(request, "budgeting/includes/progress.html", context)
    if not context["pending"]:
        response["HX-Refresh"] = "true"
    return response


@require_GET
def ballots_download(request: HttpRequest, slug: str, area_id: int) -> HttpResponse:
    """The area's ballots as a `.pb` file: numbered voters, no identity, no personal columns."""
    process = process_or_404(slug)
    area = area_or_404(process, area_id)
    still_voting = PHASES.index(process.phase_at(timezone.now())) <= PHASES.index(Phase.VOTING)
    if still_voting and not user_can_manage_process(request.user, process):
        raise Http404  # ballots are published only once voting has closed
    text = write_pb(area_election(area, anonymise=True))
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-area-{area.pk}.pb"'
    return response
