"""One ballot per person across channels: a paper ballot carries the voter's Thai national ID
number (checked with its checksum), stored only as the keyed hash a web ballot gets too, so a
person who voted on the web is refused on paper and the other way round."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from opengov.accounts.testing import persona_create
from opengov.budgeting.models import Ballot, PaperEntry, Voter
from opengov.budgeting.national_id import national_id_normalise
from opengov.budgeting.selectors import person_key
from opengov.budgeting.services import ballot_cast, paper_ballot_enter

pytestmark = pytest.mark.django_db

SOMCHAI = "3100600445635"
SUDA = "1234545678781"
NIRAN = "1101700123456"

VOTED_ON_PAPER_TH = (
    "บัตรกระดาษของบุคคลนี้ (เลขประจำตัวประชาชนเดียวกัน) นับไปแล้ว "
    "แต่ละคนลงคะแนนได้ครั้งเดียว ทางเว็บหรือบัตรกระดาษอย่างใดอย่างหนึ่ง"
)
VOTED_ON_PAPER_EN = (
    "A paper ballot of this person (same national ID number) is already counted: "
    "each person votes once, on the web or on paper."
)
VOTED_ON_WEB_TH = (
    "บุคคลนี้ (เลขประจำตัวประชาชนเดียวกัน) ลงคะแนนทางเว็บแล้ว "
    "แต่ละคนลงคะแนนได้ครั้งเดียว ทางเว็บหรือบัตรกระดาษอย่างใดอย่างหนึ่ง"
)
VOTED_ON_WEB_EN = (
    "This person (same national ID number) has already voted on the web: "
    "each person votes once, on the web or on paper."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3100600445635", "3100600445635"),
        ("1234545678781", "1234545678781"),
        ("1-2345-45678-78-1", "1234545678781"),
        (" 1 2345 45678 78 1 ", "1234545678781"),
        ("1234545678789", None),  # check digit should be 1
        ("123454567878", None),  # 12 digits
        ("12345456787811", None),  # 14 digits
        ("๑๒๓๔๕๔๕๖๗๘๗๘๑", None),  # Thai digits are not taken as the number
        ("12345456787a1", None),
        ("", None),
    ],
)
def test_national_id_checksum(text, expected):
    assert national_id_normalise(text) == expected


def _paper(area, officer_a, admin_a, sheet: str, national_id: str, vote: list[str]) -> Ballot:
    paper_ballot_enter(
        user=officer_a, area=area, sheet_number=sheet, national_id=national_id, vote=vote
    )
    result = paper_ballot_enter(
        user=admin_a, area=area, sheet_number=sheet, national_id=national_id, vote=vote
    )
    assert result.ballot is not None
    return result.ballot


def test_paper_first_then_web_is_refused(make_process, citizen, officer_a, admin_a, frozen_now):
    area = make_process("approval", national_id_required=True)
    paper = _paper(area, officer_a, admin_a, "5", SOMCHAI, ["A"])
    assert paper.person_key == person_key(area.process, SOMCHAI)
    with pytest.raises(ValidationError) as thai:
        ballot_cast(user=citizen, area=area, vote=["B"], national_id="3-1006-00445-63-5")
    assert thai.value.message_dict == {"national_id": [VOTED_ON_PAPER_TH]}
    with translation.override("en"), pytest.raises(ValidationError) as english:
        ballot_cast(user=citizen, area=area, vote=["B"], national_id=SOMCHAI)
    assert english.value.message_dict == {"national_id": [VOTED_ON_PAPER_EN]}
    assert list(Ballot.objects.values_list("channel", "vote")) == [("paper", ["A"])]
    assert Voter.objects.count() == 0
    # Another person may still vote on the web.
    assert ballot_cast(user=citizen, area=area, vote=["B"], national_id=SUDA).channel == "internet"


def test_web_first_then_paper_is_refused(make_process, citizen, officer_a, frozen_now):
    area = make_process("approval", national_id_required=True)
    web = ballot_cast(user=citizen, area=area, vote=["B"], national_id=SUDA)
    assert web.person_key == person_key(area.process, SUDA)
    with pytest.raises(ValidationError) as thai:
        paper_ballot_enter(
            user=officer_a, area=area, sheet_number="9", national_id=SUDA, vote=["A"]
        )
    assert thai.value.message_dict == {"national_id": [VOTED_ON_WEB_TH]}
    with translation.override("en"), pytest.raises(ValidationError) as english:
        paper_ballot_enter(
            user=officer_a, area=area, sheet_number="9", national_id=SUDA, vote=["A"]
        )
    assert english.value.message_dict == {"national_id": [VOTED_ON_WEB_EN]}
    assert PaperEntry.objects.count() == 0
    assert list(Ballot.objects.values_list("channel", "vote")) == [("internet", ["B"])]


def test_web_voter_found_on_the_second_paper_entry(
    make_process, citizen, officer_a, admin_a, frozen_now
):
    """The first entry was typed before the person voted on the web: the second is refused."""
    area = make_process("approval", national_id_required=True)
    paper_ballot_enter(user=officer_a, area=area, sheet_number="3", national_id=NIRAN, vote=["C"])
    ballot_cast(user=citizen, area=area, vote=["D"], national_id=NIRAN)
    with pytest.raises(ValidationError) as second:
        paper_ballot_enter(user=admin_a, area=area, sheet_number="3", national_id=NIRAN, vote=["C"])
    assert second.value.message_dict == {"national_id": [VOTED_ON_WEB_TH]}
    assert list(Ballot.objects.values_list("channel", flat=True)) == ["internet"]


def test_same_person_on_two_paper_sheets(make_process, officer_a, admin_a, frozen_now):
    area = make_process("approval")
    _paper(area, officer_a, admin_a, "1", SOMCHAI, ["A"])
    with pytest.raises(ValidationError) as again:
        paper_ballot_enter(
            user=officer_a, area=area, sheet_number="2", national_id=SOMCHAI, vote=["B"]
        )
    assert again.value.message_dict == {"national_id": [VOTED_ON_PAPER_TH]}
    assert Ballot.objects.count() == 1


def test_second_entry_with_another_number_is_a_mismatch(
    make_process, officer_a, admin_a, frozen_now
):
    area = make_process("approval")
    paper_ballot_enter(user=officer_a, area=area, sheet_number="4", national_id=SOMCHAI, vote=["A"])
    with pytest.raises(ValidationError) as mismatch:
        paper_ballot_enter(user=admin_a, area=area, sheet_number="4", national_id=SUDA, vote=["A"])
    assert mismatch.value.message_dict == {
        "national_id": [
            "เลขประจำตัวประชาชนไม่ตรงกับการบันทึกบัตรใบที่ 4 ครั้งแรก กรุณาตรวจบัตรกระดาษแล้วบันทึกใหม่"
        ]
    }
    assert Ballot.objects.count() == 0


def test_invalid_or_missing_number_refused(make_process, citizen, officer_a, frozen_now):
    area = make_process("approval", national_id_required=True)
    invalid = "เลขประจำตัวประชาชนไม่ถูกต้อง กรุณากรอกเลข 13 หลักตามบัตรประชาชน"
    with pytest.raises(ValidationError) as web:
        ballot_cast(user=citizen, area=area, vote=["A"], national_id="1234545678789")
    assert web.value.message_dict == {"national_id": [invalid]}
    with pytest.raises(ValidationError) as paper:
        paper_ballot_enter(
            user=officer_a, area=area, sheet_number="1", national_id="12345", vote=["A"]
        )
    assert paper.value.message_dict == {"national_id": [invalid]}
    with pytest.raises(ValidationError) as missing:
        ballot_cast(user=citizen, area=area, vote=["A"])
    assert missing.value.message_dict == {
        "national_id": ["กรุณากรอกเลขประจำตัวประชาชน แต่ละคนลงคะแนนได้ครั้งเดียว ทางเว็บหรือบัตรกระดาษ"]
    }
    assert Ballot.objects.count() == 0


def test_changing_a_web_ballot_keeps_the_number_given_first(
    make_process, citizen, officer_a, admin_a, frozen_now
):
    area = make_process("approval", national_id_required=True)
    first = ballot_cast(user=citizen, area=area, vote=["A"], national_id=SUDA)
    changed = ballot_cast(user=citizen, area=area, vote=["B", "C"])
    assert (changed.pk, changed.person_key) == (first.pk, person_key(area.process, SUDA))
    again = ballot_cast(user=citizen, area=area, vote=["D"], national_id=SUDA)
    assert again.pk == first.pk
    _paper(area, officer_a, admin_a, "8", SOMCHAI, ["A"])
    with pytest.raises(ValidationError) as taken:
        ballot_cast(user=citizen, area=area, vote=["D"], national_id=SOMCHAI)
    assert taken.value.message_dict == {"national_id": [VOTED_ON_PAPER_TH]}
    assert Ballot.objects.get(pk=first.pk).vote == ["D"]


def test_the_number_itself_is_never_stored(make_process, citizen, officer_a, admin_a, frozen_now):
    area = make_process("approval", national_id_required=True)
    ballot_cast(user=citizen, area=area, vote=["A"], national_id=SUDA)
    _paper(area, officer_a, admin_a, "1", SOMCHAI, ["B"])
    stored = str(list(Ballot.objects.values())) + str(list(PaperEntry.objects.values()))
    stored += str(list(Voter.objects.values()))
    for number in (SUDA, SOMCHAI, SUDA[-4:] + "'", SOMCHAI[:6]):
        assert number not in stored
    keys = set(Ballot.objects.values_list("person_key", flat=True))
    assert keys == {person_key(area.process, SUDA), person_key(area.process, SOMCHAI)}
    assert all(key.startswith("id:") and len(key) == 67 for key in keys)


def test_the_key_differs_between_processes(make_process, frozen_now):
    first = make_process("approval").process
    second = make_process("approval", slug="other-pb").process
    assert person_key(first, SOMCHAI) != person_key(second, SOMCHAI)


def test_limitation_without_the_number_on_the_web(
    make_process, citizen, officer_a, admin_a, frozen_now
):
    """A process that does not ask web voters for the number cannot match them on paper."""
    area = make_process("approval")
    web = ballot_cast(user=citizen, area=area, vote=["B"], national_id=SUDA)
    assert web.person_key == ""
    _paper(area, officer_a, admin_a, "1", SUDA, ["A"])
    assert Ballot.objects.count() == 2


def test_pages_ask_for_the_number_and_refuse_in_english(
    make_process, officer_a, admin_a, client_as, frozen_now
):
    area = make_process("approval", national_id_required=True)
    base = f"/budget/{area.process.slug}/areas/{area.pk}/"
    paper_page = client_as("officer_a").get(base + "manage/paper/").content.decode()
    assert 'name="national_id"' in paper_page
    assert "เลขประจำตัวประชาชน (13 หลัก)" in paper_page
    for persona in ("officer_a", "admin_a"):
        response = client_as(persona).post(
            base + "manage/paper/",
            {"sheet_number": "1", "national_id": "3-1006-00445-63-5", "vote": ["A"]},
        )
        assert response.status_code == 302
    voter = persona_create("somchai@example.org", "Somchai")
    from django.test import Client

    client = Client()
    client.force_login(voter)
    assert 'name="national_id"' in client.get(base + "vote/").content.decode()
    refused = client.post("/en" + base + "vote/", {"vote": ["B"], "national_id": SOMCHAI})
    assert refused.status_code == 200
    assert VOTED_ON_PAPER_EN in refused.content.decode()
    assert Ballot.objects.count() == 1
