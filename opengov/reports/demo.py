"""Demo step: routing rules for Chiang Mai and a few realistic reports there (no personal data:
the contact is an example.org address, no account). Idempotent by the reports' idempotency keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from opengov.accounts.models import Organisation, OrganisationType
from opengov.core.demo import demo_step
from opengov.reports.models import AreaRoute, CategoryRoute
from opengov.reports.services import report_submit


@dataclass(frozen=True)
class DemoReport:
    key: str
    category: str
    lat: float
    lon: float
    hours_ago: int
    address: str
    description: str


DEMO_REPORTS: tuple[DemoReport, ...] = (
    DemoReport(
        "demo-report-1",
        "forest_fire",
        18.8102,
        98.8921,
        5,
        "ดอยสุเทพ ใกล้วัดผาลาด",
        "เห็นไฟลามบนไหล่เขา ควันหนาลอยเข้าเมือง",
    ),
    DemoReport(
        "demo-report-2",
        "farm_burning",
        18.9375,
        98.9542,
        20,
        "แม่ริม ทุ่งนาข้างถนน 107",
        "เผาตอซังข้าวหลายแปลงติดกัน",
    ),
    DemoReport(
        "demo-report-3",
        "waste_burning",
        18.7712,
        99.0035,
        2,
        "ตลาดต้นพะยอม ด้านหลัง",
        "เผาขยะพลาสติกทุกเย็น กลิ่นเหม็นมาก",
    ),
    DemoReport(
        "demo-report-4",
        "vehicle_smoke",
        18.7905,
        98.9812,
        1,
        "ถนนห้วยแก้ว หน้าห้าง",
        "รถบรรทุกควันดำจอดติดเครื่อง",
    ),
)
ROUTES: tuple[tuple[str, str], ...] = (("50", "ddpm-chiangmai"), ("5001", "chiangmai-city"))
CATEGORY_TYPES: tuple[tuple[str, str], ...] = (
    ("forest_fire", OrganisationType.GOVERNMENT_AGENCY),
    ("farm_burning", OrganisationType.GOVERNMENT_AGENCY),
    ("waste_burning", OrganisationType.LOCAL_GOVERNMENT),
)


@demo_step(order=60, name="reports: Chiang Mai demo reports")
def load_demo_reports(write: Callable[[str], None]) -> None:
    for code, slug in ROUTES:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is not None:
            AreaRoute.objects.get_or_create(area_code=code, organisation=organisation)
    for category, kind in CATEGORY_TYPES:
        CategoryRoute.objects.update_or_create(
            category=category, defaults={"organisation_type": kind}
        )
    now = timezone.now()
    created = 0
    for spec in DEMO_REPORTS:
        result = report_submit(
            channel="web",
            category=spec.category,
            lat=spec.lat,
            lon=spec.lon,
            address=spec.address,
            description=spec.description,
            seen_at=now - timedelta(hours=spec.hours_ago),
            contact_email="demo-reporter@example.org",
            idempotency_key=spec.key,
        )
        created += int(result.created)
    write(f"reports: {len(DEMO_REPORTS)} demo reports ({created} new), {len(ROUTES)} area rules")
