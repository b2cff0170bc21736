"""Casting ballots: on the web by the voter (changeable until the deadline) and on paper by two
officers typing the same sheet (double entry). Every ballot is checked against the round's rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from opengov.accounts.models import User
from opengov.accounts.selectors import AnyUser
from opengov.budgeting.models import (
    Ballot,
    BallotChannel,
    BallotStyle,
    PaperEntry,
    Phase,
    Process,
    ProcessArea,
    VerificationLevel,
    Voter,
)
from opengov.budgeting.national_id import national_id_normalise
from opengov.budgeting.pabulib import Ballot as PbBallot
from opengov.budgeting.pabulib import validate_ballot
from opengov.budgeting.selectors import (
    area_projects_election,
    person_key,
    user_can_manage_process,
    voter_key,
)
from opengov.budgeting.services.errors import in_language, refusal


def ballot_points(process: Process, vote: list[str], points: list[int] | None) -> list[int] | None:
    """Points stored with a ballot: the given ones (cumulative), per rank (ranked), else none."""
    style = process.ballot_style
    if style == BallotStyle.CUMULATIVE:
        return list(points or [])
    if style == BallotStyle.RANKED:
        return process.rank_points_list()[: len(vote)]
    return None


def ballot_check(area: ProcessArea, vote: list[str], points: list[int] | None) -> None:
    """Refuse a ballot that breaks the area's rules (over budget, too many projects, unknown
    project, points out of range…), naming every problem."""
    election = area_projects_election(area)
    pb_points = None if points is None else tuple(Fraction(p) for p in points)
    problems = validate_ballot(election, PbBallot("new", tuple(vote), pb_points))
    if problems:
        raise refusal(
            "vote",
            "; ".join(problem.message_en for problem in problems),
            "; ".join(problem.message_th for problem in problems),
            problems[0].code,
        )


def _check_eligible(
    user: User, process: Process, birth_year: int | None, lives_in_area: bool, now: datetime
) -> None:
    if process.verification_level == VerificationLevel.PHONE and not user.phone:
        raise refusal(
            "__all__",
            "This vote needs an account with a phone number: add it in your profile first.",
            "การลงคะแนนนี้ต้องใช้บัญชีที่มีหมายเลขโทรศัพท์ กรุณาเพิ่มในข้อมูลส่วนตัวก่อน",
            "verification",
        )
    too_young = birth_year is None or now.year - birth_year < process.min_age
    if process.min_age and too_young:
        raise refusal(
            "birth_year",
            f"Voters must be at least {process.min_age} years old this year.",
            f"ผู้ลงคะแนนต้องมีอายุอย่างน้อย {process.min_age} ปีในปีนี้",
            "age",
        )
    if process.residence_area_name and not lives_in_area:
        raise refusal(
            "lives_in_area",
            f"Only residents of {process.residence_area_name} may vote.",
            f"ผู้มีสิทธิ์ลงคะแนนต้องอาศัยอยู่ใน {process.residence_area_name}",
            "residence",
        )


def _person_key(process: Process, national_id: str) -> str:
    number = national_id_normalise(national_id)
    if number is None:
        raise refusal(
            "national_id",
            "This is not a valid Thai national ID number: give its 13 digits as on the card.",
            "เลขประจำตัวประชาชนไม่ถูกต้อง กรุณากรอกเลข 13 หลักตามบัตรประชาชน",
            "invalid",
        )
    return person_key(process, number)


def _refuse_second_ballot(process: Process, key: str, own: Ballot | None = None) -> None:
    """One person, one ballot: refuse when another ballot of ``process`` has this person's key."""
    others = Ballot.objects.select_for_update().filter(process=process, person_key=key)
    other = others.exclude(pk=own.pk).first() if own is not None else others.first()
    if other is None:
        return
    if other.channel == BallotChannel.PAPER:
        raise refusal(
            "national_id",
            "A paper ballot of this person (same national ID number) is already counted: "
            "each person votes once, on the web or on paper.",
            "บัตรกระดาษของบุคคลนี้ (เลขประจำตัวประชาชนเดียวกัน) นับไปแล้ว "
            "แต่ละคนลงคะแนนได้ครั้งเดียว ทางเว็บหรือบัตรกระดาษอย่างใดอย่างหนึ่ง",
            "voted-on-paper",
        )
    raise refusal(
        "national_id",
        "This person (same national ID number) has already voted on the web: "
        "each person votes once, on the web or on paper.",
        "บุคคลนี้ (เลขประจำตัวประชาชนเดียวกัน) ลงคะแนนทางเว็บแล้ว "
        "แต่ละคนลงคะแนนได้ครั้งเดียว ทางเว็บหรือบัตรกระดาษอย่างใดอย่างหนึ่ง",
        "voted-on-web",
    )


@transaction.atomic
def ballot_cast(
    *,
    user: AnyUser,
    area: ProcessArea,
    vote: list[str],
    points: list[int] | None = None,
    birth_year: int | None = None,
    lives_in_area: bool = False,
    national_id: str = "",
    now: datetime | None = None,
) -> Ballot:
    """Store (or replace) the signed-in voter's one ballot in the process of ``area``.

    The ballot row holds only a keyed hash of the voter; who voted is in ``Voter``. When the
    process asks for it, ``national_id`` gives the ballot the person's key (see ``person_key``):
    a person whose paper ballot is counted cannot vote on the web. When changing a ballot the
    number may be left out: the key given the first time stays.
    """
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    now = now or timezone.now()
    process = area.process
    if process.phase_at(now) != Phase.VOTING:
        raise refusal(
            "__all__",
            "Voting is not open: ballots are accepted only until the deadline.",
            "ไม่อยู่ในช่วงลงคะแนน: รับบัตรเฉพาะก่อนหมดเวลาเท่านั้น",
            "deadline",
        )
    _check_eligible(user, process, birth_year, lives_in_area, now)
    stored_points = ballot_points(process, vote, points)
    ballot_check(area, vote, stored_points)
    key = voter_key(user, process)
    mine = Ballot.objects.select_for_update().filter(process=process, voter_key=key).first()
    person = mine.person_key if mine is not None else ""
    if process.national_id_required:
        if national_id.strip():
            person = _person_key(process, national_id)
        if not person:
            raise refusal(
                "national_id",
                "Give your Thai national ID number: each person votes once, on the web or on "
                "paper.",
                "กรุณากรอกเลขประจำตัวประชาชน แต่ละคนลงคะแนนได้ครั้งเดียว ทางเว็บหรือบัตรกระดาษ",
                "required",
            )
        _refuse_second_ballot(process, person, mine)
    Voter.objects.update_or_create(
        process=process,
        user=user,
        defaults={"birth_year": birth_year, "lives_in_area": lives_in_area},
    )
    ballot, _created = Ballot.objects.update_or_create(
        process=process,
        voter_key=key,
        defaults={
            "area": area,
            "person_key": person,
            "channel": BallotChannel.WEB,
            "vote": vote,
            "points": stored_points,
            "submitted_at": now,
        },
    )
    return ballot


@dataclass(frozen=True)
class PaperResult:
    """``ballot`` is set when this entry matched the first one and the ballot now counts."""

    entry: PaperEntry
    ballot: Ballot | None

    def message(self) -> str:
        if self.ballot is None:
            return in_language(
                "First entry stored: a second officer must type the same sheet.",
                "บันทึกครั้งแรกแล้ว: เจ้าหน้าที่อีกคนต้องบันทึกบัตรใบเดียวกันอีกครั้ง",
            )
        return in_language(
            "Both entries match: the paper ballot is counted.",
            "บันทึกทั้งสองครั้งตรงกัน: นับบัตรกระดาษใบนี้แล้ว",
        )


def _same(style: str, first: PaperEntry, vote: list[str], points: list[int] | None) -> bool:
    if style in (BallotStyle.RANKED,):
        return list(first.vote) == vote
    if style == BallotStyle.CUMULATIVE:
        return dict(zip(first.vote, first.points or [], strict=False)) == dict(
            zip(vote, points or [], strict=False)
        )
    return sorted(first.vote) == sorted(vote)


@transaction.atomic
def paper_ballot_enter(
    *,
    user: AnyUser,
    area: ProcessArea,
    sheet_number: str,
    national_id: str,
    vote: list[str],
    points: list[int] | None = None,
    now: datetime | None = None,
) -> PaperResult:
    """One officer's entry of a paper sheet. The second entry by another officer must match the
    first; a mismatch is refused (the first entry stays) and the sheet must be typed again.

    The voter is identified by the national ID number on the card shown at the polling place: only
    its keyed hash is kept (``person_key``), the one a web ballot gets, so a person who voted on
    the web (or on another sheet) is refused."""
    process = area.process
    if not isinstance(user, User) or not user_can_manage_process(user, process):
        raise PermissionDenied
    now = now or timezone.now()
    if process.phase_at(now) not in (Phase.VOTING, Phase.COUNTING):
        raise refusal(
            "__all__",
            "Paper ballots are entered between the opening of the vote and the results.",
            "บันทึกบัตรกระดาษได้ตั้งแต่เปิดลงคะแนนจนถึงก่อนประกาศผล",
            "phase",
        )
    sheet = sheet_number.strip()
    key = f"paper:{area.pk}:{sheet}"
    if Ballot.objects.filter(process=process, voter_key=key).exists():
        raise refusal(
            "sheet_number",
            f"Sheet {sheet} is already counted (duplicate voter).",
            f"บัตรใบที่ {sheet} นับไปแล้ว (ผู้ลงคะแนนซ้ำ)",
            "duplicate-voter",
        )
    person = _person_key(process, national_id)
    _refuse_second_ballot(process, person)
    stored_points = ballot_points(process, vote, points)
    ballot_check(area, vote, stored_points)
    earlier = list(PaperEntry.objects.filter(area=area, sheet_number=sheet).order_by("pk"))
    if any(entry.entered_by_id == user.pk for entry in earlier):
        raise refusal(
            "sheet_number",
            f"You already typed sheet {sheet}: the second entry must come from another officer.",
            f"คุณบันทึกบัตรใบที่ {sheet} แล้ว การบันทึกครั้งที่สองต้องทำโดยเจ้าหน้าที่คนอื่น",
            "same-officer",
        )
    if earlier and earlier[0].person_key != person:
        raise refusal(
            "national_id",
            f"The national ID number differs from the first entry of sheet {sheet}: check the "
            "paper and type it again.",
            f"เลขประจำตัวประชาชนไม่ตรงกับการบันทึกบัตรใบที่ {sheet} ครั้งแรก กรุณาตรวจบัตรกระดาษแล้วบันทึกใหม่",
            "mismatch",
        )
    if earlier and not _same(process.ballot_style, earlier[0], vote, stored_points):
        raise refusal(
            "vote",
            f"This entry of sheet {sheet} differs from the first one: check the paper and "
            "type it again.",
            f"การบันทึกบัตรใบที่ {sheet} ไม่ตรงกับครั้งแรก กรุณาตรวจบัตรกระดาษแล้วบันทึกใหม่",
            "mismatch",
        )
    entry = PaperEntry(
        area=area,
        sheet_number=sheet,
        entered_by=user,
        person_key=person,
        vote=vote,
        points=stored_points,
    )
    entry.full_clean()
    entry.save()
    if not earlier:
        return PaperResult(entry, None)
    ballot = Ballot.objects.create(
        process=process,
        area=area,
        voter_key=key,
        person_key=person,
        channel=BallotChannel.PAPER,
        vote=vote,
        points=stored_points,
        submitted_at=now,
    )
    PaperEntry.objects.filter(area=area, sheet_number=sheet).update(ballot=ballot)
    return PaperResult(entry, ballot)
