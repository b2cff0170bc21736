"""Officer steps with comments, the after-photo rule, notifications on commit, re-opening and
rating by the reporter, referral and duplicates, corroboration by satellite detections."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from opengov.hotspots.services import firms_ingest
from opengov.reports.models import Report
from opengov.reports.services import (
    report_bulk_transition,
    report_corroborate,
    report_rate,
    report_reopen,
    report_transition,
)
from opengov.reports.tests.conftest import LAT, LON, NOW, jpeg_with_gps

pytestmark = pytest.mark.django_db


def test_steps_notify_the_reporter_after_commit(
    report_a, officer_a, citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report_transition(
            actor=officer_a, report=report_a, to_status="acknowledged", note="On our way"
        )
    report_a.refresh_from_db()
    assert report_a.status == "acknowledged"
    assert report_a.acknowledged_at == NOW
    assert [m.to for m in mail.outbox] == [["citizen@example.org"]]
    assert "On our way" in mail.outbox[0].body
    assert mail.outbox[0].subject == f"เรื่องแจ้ง #{report_a.pk}: รับเรื่องแล้ว"


def test_officer_of_another_agency_cannot_move_it(report_a, officer_b):
    with pytest.raises(PermissionDenied):
        report_transition(actor=officer_b, report=report_a, to_status="acknowledged", note="x")


def test_comment_is_required_and_resolved_needs_an_after_photo(report_a, officer_a):
    with pytest.raises(ValidationError) as caught:
        report_transition(actor=officer_a, report=report_a, to_status="in_progress", note=" ")
    assert "note" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        report_transition(actor=officer_a, report=report_a, to_status="resolved", note="Put out")
    assert "after_photo" in caught.value.message_dict
    step = report_transition(
        actor=officer_a,
        report=report_a,
        to_status="resolved",
        note="Put out",
        after_photo=jpeg_with_gps(taken="2026:12:05 10:30:00"),
    )
    report_a.refresh_from_db()
    assert (report_a.status, report_a.closed_at) == ("resolved", NOW)
    assert step.photo is not None and step.photo.kind == "after"
    assert step.photo_sha256 == step.photo.public_sha256


def test_after_photo_taken_before_the_report_is_refused(report_a, officer_a, frozen):
    frozen.move_to(NOW + timedelta(days=1))
    old = Report.objects.filter(pk=report_a.pk)
    old.update(submitted_at=NOW + timedelta(hours=2))
    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=officer_a,
            report=old.get(),
            to_status="resolved",
            note="Done",
            after_photo=jpeg_with_gps(),
        )  # EXIF time 09:30 on NOW's day
    assert "after_photo" in caught.value.message_dict


def test_reporter_reopens_within_14_days_and_rates(report_a, officer_a, citizen, frozen):
    report_transition(actor=officer_a, report=report_a, to_status="not_relevant", note="Legal burn")
    report_a.refresh_from_db()
    report_rate(actor=citizen, report=report_a, rating=2)
    frozen.move_to(NOW + timedelta(days=13))
    report_reopen(actor=citizen, report=report_a, note="Still burning every night")
    report_a.refresh_from_db()
    assert (report_a.status, report_a.reopen_count, report_a.rating) == ("reopened", 1, 2)
    report_transition(actor=officer_a, report=report_a, to_status="not_relevant", note="Checked")
    frozen.move_to(NOW + timedelta(days=28))
    with pytest.raises(ValidationError):
        report_reopen(actor=citizen, report=Report.objects.get(pk=report_a.pk), note="Again")


def test_only_the_reporter_rates(report_a, officer_a):
    report_transition(actor=officer_a, report=report_a, to_status="not_relevant", note="x")
    with pytest.raises(PermissionDenied):
        report_rate(actor=officer_a, report=Report.objects.get(pk=report_a.pk), rating=5)


def test_referral_opens_a_linked_report_at_the_other_agency(report_a, officer_a, agency_b):
    report_transition(
        actor=officer_a,
        report=report_a,
        to_status="referred",
        note="Forest land",
        refer_to=agency_b,
    )
    linked = Report.objects.get(referred_from=report_a)
    assert (linked.organisation, linked.status, linked.category) == (
        agency_b,
        "submitted",
        "farm_burning",
    )
    assert linked.photos.count() == 1
    assert linked.followers.get().user == report_a.reporter
    assert Report.objects.get(pk=report_a.pk).status == "referred"


def test_duplicate_subscribes_the_reporter_to_the_kept_report(
    report_a, officer_a, agency_a, moderator
):
    kept = Report.objects.create(
        category="farm_burning",
        channel="web",
        lat=LAT,
        lon=LON,
        seen_at=NOW,
        organisation=agency_a,
        reporter=moderator,
    )
    report_transition(
        actor=officer_a, report=report_a, to_status="duplicate", note="Same fire", duplicate_of=kept
    )
    assert kept.followers.get().user == report_a.reporter


def test_bulk_acknowledge(report_a, officer_a, agency_a, officer_b):
    other = Report.objects.create(
        category="waste_burning",
        channel="web",
        lat=LAT,
        lon=LON,
        seen_at=NOW,
        organisation=agency_a,
        contact_email="x@example.net",
    )
    moved, skipped = report_bulk_transition(
        actor=officer_a,
        organisation=agency_a,
        report_ids=[report_a.pk, other.pk, 99999],
        to_status="acknowledged",
        note="Seen",
    )
    assert (moved, skipped) == (2, 1)
    with pytest.raises(PermissionDenied):
        report_bulk_transition(
            actor=officer_b,
            organisation=agency_a,
            report_ids=[other.pk],
            to_status="in_progress",
            note="x",
        )


def test_corroborated_by_a_detection_within_1_km_and_12_hours(report_a):
    seen = report_a.seen_at.astimezone(UTC)

    def row(lat: float, lon: float, when: datetime) -> str:
        return (
            f"{lat:.5f},{lon:.5f},330.1,0.4,0.4,{when:%Y-%m-%d},{when:%H%M},N,VIIRS,n,2.0NRT,"
            f"290.0,5.0,D"
        )

    body = (
        "\n".join(
            [
                "latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,instrument,"
                "confidence,version,bright_ti5,frp,daynight",
                row(LAT + 0.005, LON, seen - timedelta(hours=3)),  # 560 m, 3 h before: counts
                row(LAT + 0.02, LON, seen),  # 2.2 km: too far
                row(LAT, LON, seen + timedelta(hours=13)),  # 13 h later: too late
            ]
        )
        + "\n"
    )
    firms_ingest(
        body=body.encode(), fetched_at=datetime(2026, 12, 5, 6, tzinfo=UTC), origin="t.csv"
    )
    assert report_corroborate(report=report_a) == 1
    assert Report.objects.get(pk=report_a.pk).corroborating_detections == 1
