"""Demo data: real Thai organisations that act on PM2.5 in the north, and (DEBUG only) demo users."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from opengov.accounts.models import (
    Membership,
    MembershipRole,
    Organisation,
    OrganisationType,
    User,
)
from opengov.accounts.selectors import user_has_current_consent
from opengov.accounts.services import consent_give, organisation_upsert
from opengov.core.demo import demo_step

DEMO_PASSWORD_DEV_DEFAULT = "opengov-demo-2026"  # noqa: S105 - used only when DEBUG is on


@dataclass(frozen=True)
class DemoOrganisation:
    slug: str
    type: str
    name_th: str
    name_en: str
    parent: str | None = None
    website: str = ""
    area_codes: tuple[str, ...] = field(default_factory=tuple)


GOV = OrganisationType.GOVERNMENT_AGENCY
ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    DemoOrganisation(
        "mnre",
        GOV,
        "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
        "Ministry of Natural Resources and Environment",
        website="https://www.mnre.go.th",
    ),
    DemoOrganisation(
        "pcd",
        GOV,
        "กรมควบคุมมลพิษ",
        "Pollution Control Department",
        parent="mnre",
        website="https://www.pcd.go.th",
    ),
    DemoOrganisation(
        "rfd",
        GOV,
        "กรมป่าไม้",
        "Royal Forest Department",
        parent="mnre",
        website="https://www.forest.go.th",
    ),
    DemoOrganisation(
        "dnp",
        GOV,
        "กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช",
        "Department of National Parks, Wildlife and Plant Conservation",
        parent="mnre",
        website="https://www.dnp.go.th",
    ),
    DemoOrganisation(
        "chiangmai-nre",
        GOV,
        "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงใหม่",
        "Chiang Mai Provincial Natural Resources and Environment Office",
        parent="mnre",
        area_codes=("50",),
    ),
    DemoOrganisation(
        "moi",
        GOV,
        "กระทรวงมหาดไทย",
        "Ministry of Interior",
        website="https://www.moi.go.th",
    ),
    DemoOrganisation(
        "ddpm",
        GOV,
        "กรมป้องกันและบรรเทาสาธารณภัย",
        "Department of Disaster Prevention and Mitigation",
        parent="moi",
        website="https://www.disaster.go.th",
    ),
    DemoOrganisation(
        "ddpm-chiangmai",
        GOV,
        "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงใหม่",
        "Chiang Mai Provincial Office of Disaster Prevention and Mitigation",
        parent="ddpm",
        area_codes=("50",),
    ),
    DemoOrganisation(
        "chiangmai-province",
        GOV,
        "จังหวัดเชียงใหม่ (ศาลากลางจังหวัดเชียงใหม่)",
        "Chiang Mai Province (Provincial Hall)",
        parent="moi",
        website="https://www.chiangmai.go.th",
        area_codes=("50",),
    ),
    DemoOrganisation(
        "chiangmai-city",
        OrganisationType.LOCAL_GOVERNMENT,
        "เทศบาลนครเชียงใหม่",
        "Chiang Mai City Municipality",
        website="https://www.cmcity.go.th",
        area_codes=("5001",),
    ),
    DemoOrganisation(
        "gistda",
        GOV,
        "สำนักงานพัฒนาเทคโนโลยีอวกาศและภูมิสารสนเทศ (องค์การมหาชน)",
        "Geo-Informatics and Space Technology Development Agency (GISTDA)",
        website="https://www.gistda.or.th",
    ),
    DemoOrganisation(
        "cmu",
        OrganisationType.ACADEMIC,
        "มหาวิทยาลัยเชียงใหม่",
        "Chiang Mai University",
        website="https://www.cmu.ac.th",
        area_codes=("50",),
    ),
    DemoOrganisation(
        "chiangmai-breath-council",
        OrganisationType.CIVIL_SOCIETY,
        "สภาลมหายใจเชียงใหม่",
        "Chiang Mai Breath Council",
        area_codes=("50",),
    ),
)


@dataclass(frozen=True)
class DemoAccount:
    email: str
    display_name: str
    is_staff: bool = False
    is_superuser: bool = False
    is_moderator: bool = False
    organisation: str | None = None
    role: str = MembershipRole.EDITOR


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin@example.org", "Platform admin", is_staff=True, is_superuser=True),
    DemoAccount(
        "officer.pcd@example.org", "PCD officer", organisation="pcd", role=MembershipRole.ADMIN
    ),
    DemoAccount("moderator@example.org", "Moderator", is_moderator=True),
    DemoAccount("citizen@example.org", "Citizen"),
)


@transaction.atomic
def organisations_load() -> tuple[int, int]:
    """Upsert :data:`ORGANISATIONS` by slug (parents first); returns (created, total)."""
    by_slug: dict[str, Organisation] = {}
    created = 0
    for spec in ORGANISATIONS:
        organisation, is_new = organisation_upsert(
            slug=spec.slug,
            area_codes=spec.area_codes,
            type=spec.type,
            name_th=spec.name_th,
            name_en=spec.name_en,
            website=spec.website,
            parent=by_slug[spec.parent] if spec.parent else None,
            is_active=True,
        )
        by_slug[spec.slug] = organisation
        created += int(is_new)
    return created, len(ORGANISATIONS)


def demo_password() -> str | None:
    """The one demo password: ``OPENGOV_DEMO_PASSWORD``, or the fixed default only when DEBUG."""
    if not settings.DEBUG:
        return None
    return os.environ.get("OPENGOV_DEMO_PASSWORD") or DEMO_PASSWORD_DEV_DEFAULT


@transaction.atomic
def demo_accounts_load(password: str) -> list[DemoAccount]:
    """Create (or reset) the demo accounts with ``password``, each consenting to the notice."""
    for spec in DEMO_ACCOUNTS:
        user = User.objects.filter(email=spec.email).first() or User(email=spec.email)
        user.display_name = spec.display_name
        user.is_staff = spec.is_staff
        user.is_superuser = spec.is_superuser
        user.is_moderator = spec.is_moderator
        user.is_active = True
        user.set_password(password)
        user.save()
        if not user_has_current_consent(user):
            consent_give(user=user)
        if spec.organisation:
            Membership.objects.update_or_create(
                user=user,
                organisation_id=_organisation_id(spec.organisation),
                defaults={"role": spec.role},
            )
    return list(DEMO_ACCOUNTS)


def _organisation_id(slug: str) -> int:
    return Organisation.objects.values_list("pk", flat=True).get(slug=slug)


@demo_step(order=20, name="accounts: organisations")
def load_organisations(write: Callable[[str], None]) -> None:
    created, total = organisations_load()
    write(f"organisations: {total} ({created} new)")
    password = demo_password()
    if password is None:
        return
    for account in demo_accounts_load(password):
        write(f"demo account: {account.email} ({account.display_name}) password: {password}")
