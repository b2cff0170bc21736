"""Pages: results with winners and the Thai explanation, the ballot form refusing bad ballots in
Thai and English, CSRF, the demo step."""

from __future__ import annotations

import pytest
from django.test import Client

from opengov.budgeting.counting import count
from opengov.budgeting.demo import load_demo_processes
from opengov.budgeting.models import Ballot, CountRun, Process
from opengov.budgeting.tests.conftest import election

pytestmark = pytest.mark.django_db


def test_demo_step_loads_gdynia_and_results_page_explains_it(client, settings):
    lines: list[str] = []
    load_demo_processes(lines.append)
    load_demo_processes(lines.append)  # idempotent
    assert CountRun.objects.count() == 1
    assert Process.objects.count() == 2
    gdynia = Process.objects.get(slug="gdynia-2025-maly-kack")
    area = gdynia.areas.get()
    expected = count(election("Poland_Gdynia_2025_Maly_Kack__small"))
    response = client.get(f"/budget/{gdynia.slug}/areas/{area.pk}/results/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "ได้รับงบประมาณ 2 โครงการ" in html
    assert "ใช้งบ 40,000 จาก 57,103 PLN" in html
    assert expected.outcome("2025/MAK/0021").reason_th in html
    assert "Doposażenie strefy street workout" in html
    english = client.get(f"/en/budget/{gdynia.slug}/areas/{area.pk}/results/").content.decode()
    assert expected.outcome("2025/MAK/0021").reason_en in english
    download = client.get(f"/budget/{gdynia.slug}/areas/{area.pk}/ballots.pb")
    text = download.content.decode()
    assert download.status_code == 200
    assert text.splitlines()[0] == "META"
    assert "voter_id;vote;voting_method" in text
    assert ";age" not in text


def test_ballot_form_refuses_over_budget_in_thai_and_english(make_process, client_as, frozen_now):
    area = make_process("knapsack")
    client = client_as("citizen")
    url = f"/budget/{area.process.slug}/areas/{area.pk}/vote/"
    page = client.get(url)
    assert page.status_code == 200
    refused = client.post(url, {"vote": ["A", "B", "C"]})
    assert refused.status_code == 200
    assert "โครงการที่เลือกรวม 120000 เกินวงเงิน 100000" in refused.content.decode()
    english = client.post("/en" + url, {"vote": ["A", "B", "C"]})
    assert "the chosen projects cost 120000, more than the limit 100000" in (
        english.content.decode()
    )
    assert Ballot.objects.count() == 0
    accepted = client.post(url, {"vote": ["A", "C"]})
    assert accepted.status_code == 302
    assert Ballot.objects.get().vote == ["A", "C"]


def test_csrf_is_enforced(make_process, citizen, frozen_now):
    area = make_process("approval")
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    response = client.post(f"/budget/{area.process.slug}/areas/{area.pk}/vote/", {"vote": ["A"]})
    assert response.status_code == 403
    assert Ballot.objects.count() == 0


def test_process_form_field_errors_not_500(client_as, officer_a, frozen_now):
    response = client_as("officer_a").post(
        "/budget/setup/agency-a/", {"slug": "x", "title_th": "", "total_budget": "-5"}
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_equal_shares_results_show_the_rounds(make_process, officer_a, frozen_now, client):
    from opengov.accounts.testing import persona_create
    from opengov.budgeting.selectors import area_election
    from opengov.budgeting.services import ballot_cast, count_request
    from opengov.budgeting.tasks import area_count

    area = make_process("approval", rule="equalshares/add1", max_projects=3)
    for number, vote in enumerate((["A", "B"], ["A", "D"], ["C"], ["A", "D"]), start=1):
        voter = persona_create(f"voter{number}@example.org", f"Voter {number}")
        ballot_cast(user=voter, area=area, vote=vote)
    run = count_request(user=officer_a, area=area)
    area_count.call(run.pk)
    expected = count(area_election(area), "equalshares/add1")
    assert expected.mes_rounds  # the rule explains itself round by round
    page = client.get(f"/en/budget/{area.process.slug}/areas/{area.pk}/results/")
    html = page.content.decode()
    assert "Method of Equal Shares, round by round" in html
    for row in expected.mes_rounds:
        assert f'<th scope="row">{row.number}</th><td>{row.project_id}</td>' in html
    assert "Cost (baht)" in html
    voters_line = "of the 4 voters have at least one funded project they voted for."
    assert voters_line in html
