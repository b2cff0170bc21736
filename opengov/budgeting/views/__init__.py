"""Participatory budgeting pages (server-rendered; htmx polls a running count)."""

from __future__ import annotations

from opengov.budgeting.views.citizen import ballot_vote, proposal_new
from opengov.budgeting.views.officer import (
    area_export,
    area_import,
    category_add,
    category_remove,
    category_rename,
    count_history,
    count_start,
    paper_entry,
    process_manage,
    process_new,
    proposal_review_page,
)
from opengov.budgeting.views.public import (
    ballots_download,
    process_detail,
    process_list_page,
    results,
    results_progress,
)

__all__ = [
    "area_export",
    "area_import",
    "ballot_vote",
    "ballots_download",
    "category_add",
    "category_remove",
    "category_rename",
    "count_history",
    "count_start",
    "paper_entry",
    "process_detail",
    "process_list_page",
    "process_manage",
    "process_new",
    "proposal_new",
    "proposal_review_page",
    "results",
    "results_progress",
]
