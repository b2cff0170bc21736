"""Files that break the format fail with the line number and the problem in English and Thai."""

from __future__ import annotations

from fractions import Fraction

import pytest

from opengov.budgeting.pabulib import PabulibFormatError, read_pb, validate_ballots, write_pb
from opengov.budgeting.tests.builders import approval_election

META = """META
key;value
description;test
country;Thailand
unit;Bangkok
instance;2026
num_projects;2
num_votes;2
budget;1000
vote_type;approval
rule;greedy
date_begin;01.01.2026
date_end;31.01.2026
"""
PROJECTS = """PROJECTS
project_id;cost;votes;name
1;600;2;"Park; phase 2"
7;500;1;"""
VOTES = """VOTES
voter_id;vote
a;1,7
b;1
"""


def test_valid_text_with_crlf_bom_and_quoted_separator():
    text = "\ufeff" + (META + PROJECTS + '"Library ""Plus"""\n' + VOTES).replace("\n", "\r\n")
    parsed = read_pb(text.encode())
    assert parsed.projects[0].name == "Park; phase 2"
    assert parsed.projects[1].name == 'Library "Plus"'
    assert parsed.budget == 1000
    assert not parsed.warnings
    assert read_pb(write_pb(parsed)) == parsed
    assert '7;500;1;"Library ""Plus"""' in write_pb(parsed)


def error_of(text: str) -> PabulibFormatError:
    with pytest.raises(PabulibFormatError) as caught:
        read_pb(text)
    return caught.value


def test_cost_not_a_number_names_line_and_project():
    error = error_of(META + PROJECTS.replace("7;500", "7;abc") + "Library\n" + VOTES)
    assert error.line == 17
    assert str(error) == (
        'line 17: project 7 has cost "abc", not a number / '
        'บรรทัด 17: โครงการ 7 มีค่า cost "abc" ซึ่งไม่ใช่ตัวเลข'
    )


@pytest.mark.parametrize(
    ("broken", "line", "message"),
    [
        (("budget;1000", "budget;lots"), 9, 'META budget is "lots", not a number'),
        (("vote_type;approval", "vote_type;ranked"), 10, 'vote_type "ranked" is not one of'),
        (("rule;greedy", "rule;magic"), 11, 'rule "magic" is not one of'),
        (("country;Thailand\n", ""), 1, 'META has no "country" (required)'),
        (("unit;Bangkok", "unit;Bangkok;x"), 5, "META row has 3 fields, expected 2"),
        (("key;value", "name;value"), 2, 'META header is "name;value", expected "key;value"'),
        (("instance;2026", "instance;2026\nunit;Other"), 7, 'META key "unit" appears twice'),
        (("num_votes;2", "num_votes;two"), 8, 'META num_votes is "two", not a whole number'),
    ],
)
def test_meta_errors(broken, line, message):
    error = error_of(META.replace(*broken) + PROJECTS + "Library\n" + VOTES)
    assert error.line == line
    assert error.message_en.startswith(message)
    assert error.message_th


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            PROJECTS + "Library\n" + "7;20;1;again\n",
            18,
            "project 7 appears twice (first on line 17)",
        ),
        (
            PROJECTS.replace("7;500;1;", "7;500;1") + "\n",
            17,
            "PROJECTS row has 3 fields, the header has 4",
        ),
        (
            PROJECTS.replace("7;500;1;", "7;-5;1;") + "x\n",
            17,
            'project 7 has cost "-5", below zero',
        ),
        (
            PROJECTS.replace("7;500;1;", "7;500;one;") + "x\n",
            17,
            'project 7 has votes "one", not a whole number',
        ),
        (
            PROJECTS.replace("project_id;cost", "id;cost") + "x\n",
            15,
            'PROJECTS header has no "project_id" column',
        ),
    ],
)
def test_project_errors(text, line, message):
    error = error_of(META + text + VOTES)
    assert (error.line, error.message_en) == (line, message)


@pytest.mark.parametrize(
    ("votes", "line", "message"),
    [
        ("a;1,9\n", 20, "voter a votes for project 9, which is not in PROJECTS"),
        ("a;1\na;7\n", 21, "voter a appears twice (first on line 20)"),
        (";1\n", 20, "ballot without a voter_id"),
        ("a;1;extra\n", 20, "VOTES row has 3 fields, the header has 2"),
    ],
)
def test_vote_errors(votes, line, message):
    error = error_of(META + PROJECTS + "Library\n" + "VOTES\nvoter_id;vote\n" + votes)
    assert (error.line, error.message_en) == (line, message)


def test_points_errors_on_cumulative_ballots():
    cumulative = META.replace("approval", "cumulative") + "max_sum_points;3\n" + PROJECTS + "x\n"
    error = error_of(cumulative + VOTES)
    assert (error.line, error.message_en) == (20, 'cumulative ballots need a "points" column')
    error = error_of(cumulative + "VOTES\nvoter_id;vote;points\na;1,7;2\n")
    assert (error.line, error.message_en) == (21, "voter a lists 2 projects but 1 points")
    error = error_of(cumulative + "VOTES\nvoter_id;vote;points\na;1,7;2,x\n")
    assert error.message_en == 'voter a gives points "x", not a number'


def test_structure_errors():
    assert error_of("hello\n" + META).message_en == "text before the META section title"
    assert error_of(META).message_en == "the file has no PROJECTS section"
    error = error_of(META + PROJECTS + "x\n" + "META\n")
    assert (error.line, error.message_en) == (18, "second META section (one round per file)")
    error = error_of(META + VOTES + PROJECTS + "x\n")
    assert error.message_en == "section VOTES is out of order (expected META, PROJECTS, VOTES)"
    error = error_of(META + "PROJECTS\n")
    assert (error.line, error.message_en) == (14, "the PROJECTS section has no header line")
    with pytest.raises(PabulibFormatError, match="line 3: the file is not UTF-8"):
        read_pb(b"META\nkey;value\n\xff\n")


def test_accepted_oddities_become_warnings():
    text = (
        META.replace("budget;1000", "budget;1000,50").replace("num_votes;2", "num_votes;3")
        + PROJECTS.replace("project_id;cost;votes;name", "project_id;cost;votes;name")
        + "x\n\nVOTES\nvoter_id;vote\na;1 , 7,\n"
    )
    parsed = read_pb(text)
    assert parsed.budget == Fraction(200100, 200)
    assert parsed.meta["budget"] == "1000.5"
    assert parsed.ballots[0].vote == ("1", "7")
    assert [w.message_en for w in parsed.warnings] == [
        'META budget "1000,50" uses a comma as the decimal mark',
        "META num_votes is 3 but the file has 1 rows",
        "the votes column differs from the recount for project(s) 1",
    ]
    assert parsed.warnings[0].line == 9
    no_votes = read_pb(META + PROJECTS + "x\n")
    assert no_votes.ballots == () and "VOTES" not in write_pb(no_votes)


def test_validate_ballots_reports_every_problem():
    election = approval_election(
        1000, [("p1", 600), ("p2", 500), ("p3", 100)], [["p1", "p2"], ["p9"], [], ["p1"]]
    )
    election.meta.update({"max_sum_cost": "1000", "max_length": "1"})
    duplicate = approval_election(1000, [("p1", 600)], [["p1"], ["p1"]])
    object.__setattr__(duplicate, "ballots", (duplicate.ballots[0], duplicate.ballots[0]))
    problems = validate_ballots(election)
    assert [(p.voter_id, p.code) for p in problems] == [
        ("1", "too-many-projects"),
        ("1", "over-budget"),
        ("2", "unknown-project"),
        ("3", "too-few-projects"),
    ]
    assert str(problems[1]) == (
        "the chosen projects cost 1100, more than the limit 1000 / "
        "โครงการที่เลือกรวม 1100 เกินวงเงิน 1000"
    )
    assert [p.code for p in validate_ballots(duplicate)] == ["duplicate-voter"]
