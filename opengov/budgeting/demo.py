"""Demo steps: a real Pabulib file (Gdynia 2025, read from OPENGOV_DATA_DIR/pb, never copied) in
a counted demo process, and a Thai process open for voting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from opengov.accounts.models import Organisation, OrganisationType
from opengov.budgeting.models import Process, ProcessArea, Proposal, ProposalStatus
from opengov.budgeting.services import area_import_pb, count_execute, count_queue
from opengov.core.demo import demo_step

DEMO_FILE = "Poland_Gdynia_2025_Maly_Kack__small.pb"
THAI_PROJECTS = (
    ("SS-01", "ไฟส่องสว่างทางเดินริมหาดวอนนภา", 180000, 13.2867, 100.9236),
    ("SS-02", "ลานกีฬาชุมชนสำหรับเยาวชน", 250000, 13.2811, 100.9262),
    ("SS-03", "ปลูกต้นไม้ให้ร่มเงาถนนลงหาดบางแสน", 90000, 13.2905, 100.9198),
    ("SS-04", "จุดคัดแยกขยะรีไซเคิลในตลาด", 120000, 13.2840, 100.9301),
    ("SS-05", "ทางลาดและราวจับสำหรับผู้สูงอายุ", 160000, 13.2783, 100.9227),
)


def pb_data_dir() -> Path:
    return Path(settings.OPENGOV_DATA_DIR) / "pb"


def _demo_organisation() -> Organisation:
    organisation, _created = Organisation.objects.get_or_create(
        slug="saensuk-municipality",
        defaults={
            "type": OrganisationType.GOVERNMENT_AGENCY,
            "name_th": "เทศบาลเมืองแสนสุข (ตัวอย่าง)",
            "name_en": "Saensuk Town Municipality (demo)",
            "email": "pb@saensuk.example.org",
        },
    )
    return organisation


def _process(slug: str, title_th: str, title_en: str, closed: bool, **fields: object) -> Process:
    now = timezone.now()
    start = now - timedelta(days=90 if closed else 40)
    dates = {
        "proposals_open_at": start,
        "review_open_at": start + timedelta(days=14),
        "voting_open_at": start + timedelta(days=28),
        "voting_close_at": now - timedelta(days=20) if closed else now + timedelta(days=14),
        "results_at": now - timedelta(days=10) if closed else now + timedelta(days=21),
    }
    process, _created = Process.objects.update_or_create(
        slug=slug,
        defaults={
            "organisation": _demo_organisation(),
            "title_th": title_th,
            "title_en": title_en,
            **dates,
            **fields,
        },
    )
    return process


@demo_step(order=60, name="budgeting: Gdynia 2025 file and a Thai process")
def load_demo_processes(write: Callable[[str], None]) -> None:
    """Idempotent: the Thai process is refreshed; the Gdynia area is imported and counted once."""
    with transaction.atomic():
        thai = _process(
            "saensuk-2027",
            "งบประมาณแบบมีส่วนร่วม เทศบาลเมืองแสนสุข ปี 2570",
            "Saensuk participatory budget 2027",
            closed=False,
            total_budget=Decimal(500000),
            ballot_style="knapsack",
            rule="greedy",
            residence_area_name="เทศบาลเมืองแสนสุข",
        )
        area, _created = ProcessArea.objects.get_or_create(
            process=thai,
            name_th="ชุมชนหาดวอนนภา",
            defaults={"name_en": "Hat Won Napha", "budget": Decimal(500000)},
        )
        for position, (code, title, cost, lat, lon) in enumerate(THAI_PROJECTS, start=1):
            Proposal.objects.update_or_create(
                area=area,
                code=code,
                defaults={
                    "position": position,
                    "title": title,
                    "cost": Decimal(cost),
                    "latitude": lat,
                    "longitude": lon,
                    "status": ProposalStatus.FEASIBLE,
                },
            )
    write(f"budgeting: {thai.slug} with {len(THAI_PROJECTS)} projects")
    path = pb_data_dir() / DEMO_FILE
    if not path.is_file():
        write(f"budgeting: {path} not found — skipped / ไม่พบไฟล์ ข้าม")
        return
    gdynia = _process(
        "gdynia-2025-maly-kack",
        "ตัวอย่างจริง: งบประมาณพลเมือง กดือเนีย 2025 (มาวือ กาตส์)",
        "Real example: Gdynia civic budget 2025 (Mały Kack)",
        closed=True,
        total_budget=Decimal(57103),
        currency="PLN",
        rule="greedy-no-skip",
    )
    area, _created = ProcessArea.objects.get_or_create(
        process=gdynia,
        name_th="มาวือ กาตส์ (โครงการเล็ก)",
        defaults={"name_en": "Mały Kack (small projects)", "budget": Decimal(0)},
    )
    if not area.is_imported:
        _import_as_system(area, path.read_bytes())
    run = count_queue(area=area)
    if run.status != "done":
        run = count_execute(run_id=run.pk)
    write(f"budgeting: {DEMO_FILE} counted, winners {', '.join(run.winners)}")


def _import_as_system(area: ProcessArea, data: bytes) -> None:
    """The demo loader acts as a platform admin would (no request user)."""
    from opengov.accounts.models import User

    system = User.objects.filter(is_superuser=True, is_active=True).first()
    if system is None:
        system = User.objects.create_user(
            "demo-loader@opengov.invalid", None, is_staff=True, is_superuser=True, is_active=True
        )
        system.set_unusable_password()
        system.save()
    area_import_pb(user=system, area=area, data=data)
