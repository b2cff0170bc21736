"""Read paths of participatory budgeting (processes, ballots as Pabulib elections, results)."""

from __future__ import annotations

from opengov.budgeting.selectors.elections import (
    area_election,
    area_projects_election,
    election_digest,
)
from opengov.budgeting.selectors.processes import (
    area_count_history,
    area_latest_count,
    area_latest_done_count,
    area_proposals_on_ballot,
    person_key,
    process_areas,
    process_get,
    process_list,
    proposals_to_review,
    user_ballot,
    user_can_manage_process,
    user_can_set_up_for,
    voter_key,
)

__all__ = [
    "area_count_history",
    "area_election",
    "area_latest_count",
    "area_latest_done_count",
    "area_projects_election",
    "area_proposals_on_ballot",
    "election_digest",
    "person_key",
    "process_areas",
    "process_get",
    "process_list",
    "proposals_to_review",
    "user_ballot",
    "user_can_manage_process",
    "user_can_set_up_for",
    "voter_key",
]
