"""Write paths of participatory budgeting: permission-checked, atomic, validated."""

from __future__ import annotations

from opengov.budgeting.services.counting import (
    area_rule,
    count_compare,
    count_execute,
    count_queue,
    count_request,
    result_summary,
)
from opengov.budgeting.services.pb_import import ImportSummary, area_import_pb
from opengov.budgeting.services.processes import (
    area_create,
    category_create,
    category_delete,
    category_update,
    process_create,
    process_update,
)
from opengov.budgeting.services.proposals import proposal_review, proposal_submit
from opengov.budgeting.services.voting import PaperResult, ballot_cast, paper_ballot_enter

__all__ = [
    "ImportSummary",
    "PaperResult",
    "area_create",
    "area_import_pb",
    "area_rule",
    "ballot_cast",
    "category_create",
    "category_delete",
    "category_update",
    "count_compare",
    "count_execute",
    "count_queue",
    "count_request",
    "paper_ballot_enter",
    "process_create",
    "process_update",
    "proposal_review",
    "proposal_submit",
    "result_summary",
]
