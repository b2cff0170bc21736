"""Ballot rules per style, one ballot per voter (changeable until the deadline), paper double
entry, and the voter's identity kept apart from the ballot."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from opengov.budgeting.models import Ballot, PaperEntry, Voter
from opengov.budgeting.services import ballot_cast, paper_ballot_enter

pytestmark = pytest.mark.django_db
SOMCHAI = "3100600445635"  # a valid national ID number (reporting spec §9)


def refused(excinfo: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return excinfo.value.message_dict


def test_approval_min_and_max(make_process, citizen, frozen_now):
    area = make_process("approval", min_projects=2, max_projects=3)
    with pytest.raises(ValidationError) as few:
        ballot_cast(user=citizen, area=area, vote=["A"])
    assert refused(few) == {"vote": ["บัตรเลือก 1 โครงการ ต้องเลือกอย่างน้อย 2 โครงการ"]}
    with pytest.raises(ValidationError) as many:
        ballot_cast(user=citizen, area=area, vote=["A", "B", "C", "D"])
    assert refused(many) == {"vote": ["บัตรเลือก 4 โครงการ เลือกได้ไม่เกิน 3 โครงการ"]}
    ballot = ballot_cast(user=citizen, area=area, vote=["A", "B"])
    assert ballot.vote == ["A", "B"] and ballot.points is None


def test_refusal_in_english_on_english_pages(make_process, citizen, frozen_now, settings):
    from django.utils import translation

    area = make_process("approval", max_projects=1)
    with translation.override("en"), pytest.raises(ValidationError) as many:
        ballot_cast(user=citizen, area=area, vote=["A", "B"])
    assert refused(many) == {"vote": ["the ballot lists 2 projects, at most 1 allowed"]}


def test_knapsack_over_budget_refused(make_process, citizen, frozen_now):
    area = make_process("knapsack")
    with pytest.raises(ValidationError) as over:
        ballot_cast(user=citizen, area=area, vote=["A", "B", "C"])
    assert refused(over) == {"vote": ["โครงการที่เลือกรวม 120000 เกินวงเงิน 100000"]}
    assert ballot_cast(user=citizen, area=area, vote=["A", "C"]).vote == ["A", "C"]


def test_unknown_project_refused(make_process, citizen, frozen_now):
    area = make_process("approval")
    with pytest.raises(ValidationError) as unknown:
        ballot_cast(user=citizen, area=area, vote=["Z"])
    assert refused(unknown) == {"vote": ["โครงการ Z ไม่อยู่ในรอบนี้"]}


def test_cumulative_points_limits(make_process, citizen, frozen_now):
    area = make_process("cumulative", max_total_points=5, max_points_per_project=3)
    with pytest.raises(ValidationError) as too_many:
        ballot_cast(user=citizen, area=area, vote=["A", "B"], points=[3, 3])
    assert refused(too_many) == {"vote": ["บัตรให้คะแนนรวม 6 เกินสูงสุด 5"]}
    with pytest.raises(ValidationError) as per_project:
        ballot_cast(user=citizen, area=area, vote=["A"], points=[4])
    assert refused(per_project) == {"vote": ["โครงการ A ได้ 4 คะแนน ซึ่งอยู่นอกช่วงที่อนุญาต"]}
    assert ballot_cast(user=citizen, area=area, vote=["A", "B"], points=[3, 2]).points == [3, 2]


def test_ranked_stores_points_per_rank(make_process, citizen, frozen_now):
    area = make_process("ranked", rank_points="3,2,1")
    ballot = ballot_cast(user=citizen, area=area, vote=["C", "A"])
    assert (ballot.vote, ballot.points) == (["C", "A"], [3, 2])
    with pytest.raises(ValidationError) as four:
        ballot_cast(user=citizen, area=area, vote=["A", "B", "C", "D"])
    assert refused(four) == {"vote": ["บัตรเลือก 4 โครงการ เลือกได้ไม่เกิน 3 โครงการ"]}


def test_choose_one(make_process, citizen, frozen_now):
    area = make_process("choose-1")
    with pytest.raises(ValidationError) as two:
        ballot_cast(user=citizen, area=area, vote=["A", "B"])
    assert refused(two) == {"vote": ["บัตรเลือก 2 โครงการ เลือกได้ไม่เกิน 1 โครงการ"]}
    assert ballot_cast(user=citizen, area=area, vote=["B"]).vote == ["B"]


def test_ballot_changeable_until_deadline_then_refused(make_process, citizen, frozen_now):
    area = make_process("approval")
    first = ballot_cast(user=citizen, area=area, vote=["A"])
    second = ballot_cast(user=citizen, area=area, vote=["B", "D"])
    assert first.pk == second.pk
    assert list(Ballot.objects.values_list("vote", flat=True)) == [["B", "D"]]
    assert Voter.objects.filter(user=citizen).count() == 1
    late = datetime(2026, 12, 10, 0, 0, tzinfo=UTC)
    with pytest.raises(ValidationError) as closed:
        ballot_cast(user=citizen, area=area, vote=["C"], now=late)
    assert "__all__" in refused(closed)
    assert list(Ballot.objects.values_list("vote", flat=True)) == [["B", "D"]]


def test_anonymous_cannot_vote(make_process, anonymous, frozen_now):
    area = make_process("approval")
    with pytest.raises(PermissionDenied):
        ballot_cast(user=anonymous, area=area, vote=["A"])


def test_eligibility_age_and_residence(make_process, citizen, frozen_now):
    area = make_process("approval", min_age=15, residence_area_name="เทศบาลเมืองแสนสุข")
    with pytest.raises(ValidationError) as young:
        ballot_cast(user=citizen, area=area, vote=["A"], birth_year=2015, lives_in_area=True)
    assert list(refused(young)) == ["birth_year"]
    with pytest.raises(ValidationError) as outside:
        ballot_cast(user=citizen, area=area, vote=["A"], birth_year=1990)
    assert list(refused(outside)) == ["lives_in_area"]
    ballot_cast(user=citizen, area=area, vote=["A"], birth_year=2011, lives_in_area=True)
    assert Voter.objects.get(user=citizen).birth_year == 2011


def test_identity_stored_apart_from_ballot(make_process, citizen, frozen_now):
    area = make_process("approval")
    ballot_cast(user=citizen, area=area, vote=["A"])
    fields = {field.name for field in Ballot._meta.get_fields()}
    related = {f.related_model for f in Ballot._meta.get_fields() if f.is_relation}
    from opengov.accounts.models import User

    assert User not in related
    assert not fields & {"user", "voter", "user_id"}
    row = Ballot.objects.values().get()
    assert str(citizen.pk) not in row["voter_key"].split(":")
    assert citizen.email not in str(row)


def test_paper_double_entry(make_process, officer_a, admin_a, frozen_now):
    area = make_process("approval", max_projects=2)
    first = paper_ballot_enter(
        user=officer_a, area=area, sheet_number="17", national_id=SOMCHAI, vote=["A", "B"]
    )
    assert first.ballot is None
    with pytest.raises(ValidationError) as same_officer:
        paper_ballot_enter(
            user=officer_a, area=area, sheet_number="17", national_id=SOMCHAI, vote=["A", "B"]
        )
    assert list(refused(same_officer)) == ["sheet_number"]
    with pytest.raises(ValidationError) as mismatch:
        paper_ballot_enter(
            user=admin_a, area=area, sheet_number="17", national_id=SOMCHAI, vote=["A", "C"]
        )
    assert refused(mismatch) == {
        "vote": ["การบันทึกบัตรใบที่ 17 ไม่ตรงกับครั้งแรก กรุณาตรวจบัตรกระดาษแล้วบันทึกใหม่"]
    }
    assert Ballot.objects.count() == 0
    matched = paper_ballot_enter(
        user=admin_a, area=area, sheet_number="17", national_id=SOMCHAI, vote=["B", "A"]
    )
    assert matched.ballot is not None and matched.ballot.channel == "paper"
    assert PaperEntry.objects.filter(ballot=matched.ballot).count() == 2
    with pytest.raises(ValidationError) as duplicate:
        paper_ballot_enter(
            user=officer_a, area=area, sheet_number="17", national_id=SOMCHAI, vote=["A"]
        )
    assert refused(duplicate) == {"sheet_number": ["บัตรใบที่ 17 นับไปแล้ว (ผู้ลงคะแนนซ้ำ)"]}


def test_paper_entry_needs_an_officer_of_the_organisation(make_process, officer_b, frozen_now):
    area = make_process("approval")
    with pytest.raises(PermissionDenied):
        paper_ballot_enter(
            user=officer_b, area=area, sheet_number="1", national_id=SOMCHAI, vote=["A"]
        )


def test_paper_ballot_over_budget_refused(make_process, officer_a, frozen_now):
    area = make_process("knapsack")
    with pytest.raises(ValidationError) as over:
        paper_ballot_enter(
            user=officer_a, area=area, sheet_number="2", national_id=SOMCHAI, vote=["A", "B", "C"]
        )
    assert list(refused(over)) == ["vote"]
