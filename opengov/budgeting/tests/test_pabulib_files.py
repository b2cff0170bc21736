"""Every shared `.pb` file parses, round-trips and keeps its quirks visible as warnings."""

from __future__ import annotations

from fractions import Fraction

import pytest

from opengov.budgeting.pabulib import read_pb, write_pb
from opengov.budgeting.tests.conftest import PB_DIR, PB_FILES, election

# Written back byte for byte (same line endings, keep_order=True). The other files differ only
# where the writer normalises on purpose, listed in BYTE_DIFFERENCES.
BYTE_IDENTICAL = {
    "Hungary_Budapest_2024_VIII_Jozsefvaros",
    "Netherlands_Amsterdam_588",
    "Poland_Czestochowa_2024_Dzbow",
    "Poland_Gdynia_2025_Maly_Kack__small",
    "Poland_Katowice_2022_Szopienice_-_Burowiec",
    "Poland_Katowice_2022_Zarzecze",
    "Poland_Krakow_2022_Stare_Miasto",
    "Poland_Lodz_2022_Zdrowie-Mania",
    "Poland_Warszawa_2017_Ochota",
    "Poland_Warszawa_2017_Plac_Wojska_Polskiego",
    "Poland_Warszawa_2018_Niskie_Okecie",
    "Poland_Warszawa_2020_Targowek",
    "Poland_Warszawa_2021_Targowek",
    "Poland_Wroclaw_2017_Rejon_nr_11_750",
    "US_Stanford_Dataset_2022_Jersey_City_Ward_E_vote_knapsacks",
}
# file → (lines that differ, why). Line endings are compared after splitting into lines.
BYTE_DIFFERENCES = {
    "Poland_Krakow_2024_Krowodrza": (0, "no line break after the last row"),
    "Poland_Lodz_2024": (20, "spaces after commas in category lists; no final line break"),
    "Poland_Poznan_2025_3_-_Piatkowo_Polnoc_Piatkowo__large": (0, "no final line break"),
    "Poland_Warszawa_2022_Bemowo": (0, "two META lines end in LF, the rest in CRLF"),
    "Poland_Warszawa_2026_Sady_Zoliborskie": (3, "duplicate ids inside 3 ballots are dropped"),
    "Poland_Wroclaw_2025_Local": (8, "trailing spaces in cells; no final line break"),
    "Worldwide_Mechanical_Turk_Utilities_7": (12, "spaces after commas in category lists"),
}


def test_the_shared_files_are_all_listed():
    assert len(PB_FILES) == 22
    assert set(PB_FILES) == BYTE_IDENTICAL | set(BYTE_DIFFERENCES)


@pytest.mark.parametrize("name", PB_FILES)
def test_file_parses_with_declared_counts(name):
    parsed = election(name)
    assert len(parsed.projects) == parsed.meta_integer("num_projects")
    assert len(parsed.ballots) == parsed.meta_integer("num_votes")
    assert parsed.budget > 0


@pytest.mark.parametrize("name", PB_FILES)
def test_round_trip_is_identical(name):
    parsed = election(name)
    for keep_order in (True, False):
        again = read_pb(write_pb(parsed, keep_order=keep_order))
        assert again.meta == parsed.meta
        assert again.projects == parsed.projects
        assert again.ballots == parsed.ballots
    assert read_pb(write_pb(parsed, keep_order=True)) == parsed


@pytest.mark.parametrize("name", sorted(BYTE_IDENTICAL))
def test_writer_reproduces_the_file_bytes(name):
    raw = (PB_DIR / f"{name}.pb").read_bytes()
    newline = "\r\n" if b"\r\n" in raw else "\n"
    assert write_pb(election(name), newline=newline, keep_order=True).encode() == raw


@pytest.mark.parametrize("name", sorted(BYTE_DIFFERENCES))
def test_byte_differences_are_only_the_documented_normalisations(name):
    raw = (PB_DIR / f"{name}.pb").read_bytes().decode().splitlines()
    written = write_pb(election(name), keep_order=True).splitlines()
    assert len(written) == len(raw)
    changed = [(old, new) for old, new in zip(raw, written, strict=True) if old != new]
    assert len(changed) == BYTE_DIFFERENCES[name][0]
    for old, new in changed:
        if name == "Poland_Warszawa_2026_Sady_Zoliborskie":
            assert old.split(";")[0] == new.split(";")[0]
            assert len(set(new.split(";")[1].split(","))) < len(old.split(";")[1].split(","))
        else:
            assert old != new
            assert _squeezed(old) == _squeezed(new)


def _squeezed(line: str) -> str:
    """A line without spaces around commas and cells: what the writer normalises."""
    return ";".join(cell.strip() for cell in line.replace(", ", ",").split(";"))


def test_canonical_layout_follows_spec_order():
    text = write_pb(election("Poland_Czestochowa_2024_Dzbow"))
    lines = text.split("\n")
    keys = [line.split(";")[0] for line in lines[2 : lines.index("PROJECTS")]]
    assert keys[:6] == ["description", "country", "unit", "subunit", "district", "instance"]
    assert lines[lines.index("PROJECTS") + 1] == "project_id;cost;votes;score;name;selected"
    assert lines[lines.index("VOTES") + 1] == "voter_id;vote;points;sex;voting_method"
    assert "\r" not in text


def test_decimal_budget_is_exact():
    krakow = election("Poland_Krakow_2024_Krowodrza")
    assert krakow.budget == Fraction(174108119, 100)
    assert "budget;1741081.19" in write_pb(krakow)


def test_mixed_line_endings_are_read():
    raw = (PB_DIR / "Poland_Warszawa_2022_Bemowo.pb").read_bytes()
    assert raw.count(b"\r\n") > 1000
    assert raw.replace(b"\r\n", b"").count(b"\n") == 2
    bemowo = election("Poland_Warszawa_2022_Bemowo")
    assert bemowo.rule == "greedy-exclusive"
    assert bemowo.meta["comment"].startswith("#1")


def test_duplicate_ids_in_a_ballot_are_counted_once_with_warnings():
    sady = election("Poland_Warszawa_2026_Sady_Zoliborskie")
    messages = [warning.message_en for warning in sady.warnings]
    assert len(messages) == 4
    assert messages[0] == "voter 278713 lists project(s) 1594 more than once; counted once"
    assert sady.warnings[0].line == 840
    assert messages[3] == (
        "the votes column differs from the recount for project(s) 1740, 558, 1125, 1594"
    )
    ballot = next(b for b in sady.ballots if b.voter_id == "278713")
    assert len(ballot.vote) == len(set(ballot.vote))


def test_ballots_breaking_points_limits_are_kept_and_reported():
    turk = election("Worldwide_Mechanical_Turk_Utilities_7")
    assert len(turk.ballots) == 75
    assert str(turk.warnings[-1]).startswith("16 ballot problems in all")
    assert turk.warnings[0].line == 53
    assert turk.warnings[0].message_en == "voter 1545: the ballot gives 99 points, at least 100"


def test_sentinel_and_ordinal_and_vote_types():
    wroclaw = election("Poland_Wroclaw_2017_Rejon_nr_11_750")
    assert wroclaw.project("150").is_withdrawn
    assert election("Poland_Krakow_2024_Krowodrza").ballots[0].points is None
    assert election("Poland_Krakow_2022_Stare_Miasto").ballots[0].points == (
        Fraction(3),
        Fraction(2),
        Fraction(1),
    )
    types = {election(name).vote_type for name in PB_FILES}
    assert types == {"approval", "choose-1", "cumulative", "ordinal"}


def test_clean_files_have_no_warnings():
    noisy = {name for name in PB_FILES if election(name).warnings}
    assert noisy == {
        "Poland_Warszawa_2026_Sady_Zoliborskie",
        "Worldwide_Mechanical_Turk_Utilities_7",
    }
