"""Warnings about data a file carries but does not need: derived columns, counts, limits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from opengov.budgeting.pabulib.errors import FormatWarning
from opengov.budgeting.pabulib.model import Election
from opengov.budgeting.pabulib.scores import recount
from opengov.budgeting.pabulib.validation import ballot_checker

# Enough examples for a curator to find the rows; the count says how many there are in all.
_EXAMPLES = 5


class _Section(Protocol):
    title_line: int
    rows: list[tuple[int, list[str]]]


def derived_data_warnings(
    election: Election, sections: Mapping[str, _Section]
) -> list[FormatWarning]:
    """Counts vs rows, recomputed votes/score vs columns, ballots outside the META limits."""
    warnings: list[FormatWarning] = []
    meta_line = sections["META"].title_line
    for key, actual in (
        ("num_projects", len(election.projects)),
        ("num_votes", len(election.ballots)),
    ):
        declared = election.meta_integer(key)
        if declared is not None and declared != actual:
            warnings.append(
                FormatWarning(
                    meta_line,
                    f"META {key} is {declared} but the file has {actual} rows",
                    f"META {key} คือ {declared} แต่ไฟล์มี {actual} แถว",
                )
            )
    votes, score = recount(election)
    if election.ballots:
        wrong_votes = [
            p.project_id
            for p in election.projects
            if p.votes is not None and p.votes != votes[p.project_id]
        ]
        wrong_score = [
            p.project_id
            for p in election.projects
            if p.score is not None and p.score != score[p.project_id]
        ]
        for column, wrong in (("votes", wrong_votes), ("score", wrong_score)):
            if wrong:
                warnings.append(
                    FormatWarning(
                        sections["PROJECTS"].title_line,
                        f"the {column} column differs from the recount for project(s) "
                        f"{', '.join(wrong)}",
                        f"คอลัมน์ {column} ไม่ตรงกับการนับใหม่สำหรับโครงการ {', '.join(wrong)}",
                    )
                )
    if "VOTES" in sections:
        rows = sections["VOTES"].rows
        check = ballot_checker(election)
        broken = [
            (line, problem)
            for ballot, (line, _) in zip(election.ballots, rows, strict=True)
            for problem in check(ballot)
            if problem.code != "repeated-project"  # already reported while reading
        ]
        for line, problem in broken[:_EXAMPLES]:
            warnings.append(
                FormatWarning(
                    line,
                    f"voter {problem.voter_id}: {problem.message_en}",
                    f"ผู้ลงคะแนน {problem.voter_id}: {problem.message_th}",
                )
            )
        if len(broken) > _EXAMPLES:
            warnings.append(
                FormatWarning(
                    None,
                    f"{len(broken)} ballot problems in all (first {_EXAMPLES} listed)",
                    f"พบปัญหาของบัตรทั้งหมด {len(broken)} รายการ (แสดง {_EXAMPLES} รายการแรก)",
                )
            )
    if election.rule == "greedy" and "min_project_score_threshold" in election.meta:
        warnings.append(
            FormatWarning(
                meta_line,
                "rule is greedy but META has min_project_score_threshold (greedy-threshold?)",
                "กติกาเป็น greedy แต่ META มี min_project_score_threshold (ควรเป็น greedy-threshold?)",
            )
        )
    return warnings
