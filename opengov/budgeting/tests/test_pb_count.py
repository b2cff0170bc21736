"""``manage.py pb_count`` on real shared files: exact winners and cost, JSON shape, bad files."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from opengov.budgeting.tests.conftest import PB_DIR


def run(*args: str) -> str:
    out = StringIO()
    call_command("pb_count", *args, stdout=out)
    return out.getvalue()


def test_gdynia_no_skip_json():
    payload = json.loads(run(str(PB_DIR / "Poland_Gdynia_2025_Maly_Kack__small.pb"), "--json"))
    assert payload == {
        "rule": "greedy-no-skip",
        "winners": ["2025/MAK/0005", "2025/MAK/0002"],
        "cost": 40000,
        "budget": 57103,
    }


def test_gdynia_plain_greedy_funds_one_more():
    payload = json.loads(
        run(str(PB_DIR / "Poland_Gdynia_2025_Maly_Kack__small.pb"), "--rule", "greedy", "--json")
    )
    assert payload["rule"] == "greedy"
    assert payload["winners"] == ["2025/MAK/0005", "2025/MAK/0002", "2025/MAK/0013"]
    assert payload["cost"] == 53520


@pytest.mark.parametrize(
    ("name", "rule", "winners", "cost"),
    [
        ("Poland_Warszawa_2017_Plac_Wojska_Polskiego", "greedy", 4, 44720),
        ("Poland_Lodz_2022_Zdrowie-Mania", "greedy-threshold", 6, 417250),
        ("Poland_Wroclaw_2017_Rejon_nr_11_750", "greedy-no-skip", 1, 750000),
        ("Poland_Krakow_2024_Krowodrza", "greedy", 12, 1737300),
        ("Poland_Poznan_2025_3_-_Piatkowo_Polnoc_Piatkowo__large", "greedy-poznan", 2, 1220000),
    ],
)
def test_declared_rule_totals(name, rule, winners, cost):
    payload = json.loads(run(str(PB_DIR / f"{name}.pb"), "--json"))
    assert (payload["rule"], len(payload["winners"]), payload["cost"]) == (rule, winners, cost)
    assert set(payload) == {"rule", "winners", "cost", "budget"}


def test_krakow_decimal_budget_in_json():
    payload = json.loads(run(str(PB_DIR / "Poland_Krakow_2024_Krowodrza.pb"), "--json"))
    assert payload["budget"] == 1741081.19


def test_text_output_lists_winners_and_cost():
    text = run(str(PB_DIR / "Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb"))
    lines = text.splitlines()
    assert lines[0] == "rule: greedy"
    assert lines[1] == "winners: 4"
    assert lines[-1] == "cost: 44720 of budget 51195"


def test_malformed_file_names_the_line(tmp_path):
    text = (PB_DIR / "Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb").read_text(encoding="utf-8")
    broken = tmp_path / "broken.pb"
    lines = text.splitlines()
    projects_header = next(i for i, line in enumerate(lines) if line.strip() == "PROJECTS") + 2
    broken.write_text(
        "\n".join([*lines[:projects_header], "1;notanumber;3;x", *lines[projects_header:]]),
        "utf-8",
    )
    with pytest.raises(CommandError) as error:
        run(str(broken))
    message = str(error.value)
    assert f"line {projects_header + 1}:" in message
    assert f"บรรทัด {projects_header + 1}:" in message


def test_unknown_rule_file_needs_a_rule():
    name = PB_DIR / "US_Stanford_Dataset_2022_Jersey_City_Ward_E_vote_knapsacks.pb"
    with pytest.raises(CommandError, match="ไม่สามารถนับ"):
        run(str(name))
    assert json.loads(run(str(name), "--rule", "greedy", "--json"))["rule"] == "greedy"


def test_missing_file():
    with pytest.raises(CommandError, match="no such file"):
        run("/nonexistent/file.pb")
