from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from opengov.accounts.models import OrganisationType
from opengov.accounts.selectors import organisation_ancestors, organisation_list
from opengov.accounts.services import organisation_upsert
from opengov.geo.models import Area


def _org(slug, parent=None, type=OrganisationType.GOVERNMENT_AGENCY, **extra):
    extra.setdefault("name_th", f"ชื่อ {slug}")
    extra.setdefault("name_en", f"Name {slug}")
    organisation, _ = organisation_upsert(slug=slug, type=type, parent=parent, **extra)
    return organisation


def _area(level, code, name_th, name_en, parent=None):
    return Area.objects.create(
        level=level,
        code=code,
        name_th=name_th,
        name_en=name_en,
        parent=parent,
        geometry="{}",
        min_lon=98.0,
        min_lat=18.0,
        max_lon=99.0,
        max_lat=19.0,
    )


@pytest.mark.django_db
def test_an_organisation_cannot_be_its_own_parent():
    ministry = _org("ministry")
    ministry.parent = ministry
    with pytest.raises(ValidationError) as error:
        ministry.full_clean()
    assert error.value.message_dict["parent"] == [
        "ไม่สามารถให้หน่วยงานอยู่ภายใต้ตัวเองหรือหน่วยงานย่อยของตัวเองได้"
    ]


@pytest.mark.django_db
def test_an_organisation_cannot_move_under_its_own_descendant():
    ministry = _org("ministry")
    department = _org("department", parent=ministry)
    office = _org("office", parent=department)
    with pytest.raises(ValidationError) as error:
        organisation_upsert(slug="ministry", parent=office)
    assert list(error.value.message_dict) == ["parent"]
    ministry.refresh_from_db()
    assert ministry.parent is None
    assert organisation_ancestors(office) == [ministry, department]


@pytest.mark.django_db
def test_hierarchy_depth_is_limited():
    parent = None
    for level in range(8):
        parent = _org(f"level-{level}", parent=parent)
    with pytest.raises(ValidationError) as error:
        _org("too-deep", parent=parent)
    assert error.value.message_dict["parent"] == ["ลำดับชั้นของหน่วยงานมีได้ไม่เกิน 8 ชั้น"]


@pytest.mark.django_db
def test_organisation_list_filters_by_type_text_and_area():
    chiang_mai = _area("province", "50", "เชียงใหม่", "Chiang Mai")
    pcd = _org("pcd", name_th="กรมควบคุมมลพิษ", name_en="Pollution Control Department")
    cmu = _org(
        "cmu",
        type=OrganisationType.ACADEMIC,
        name_th="มหาวิทยาลัยเชียงใหม่",
        name_en="Chiang Mai University",
        area_codes=["50"],
    )
    _org("closed", is_active=False)
    assert list(organisation_list(type="academic")) == [cmu]
    assert list(organisation_list(q="มลพิษ")) == [pcd]
    assert list(organisation_list(q="pollution")) == [pcd]
    assert list(organisation_list(area_code="50")) == [cmu]
    assert sorted(o.slug for o in organisation_list()) == ["cmu", "pcd"]
    assert list(cmu.areas.all()) == [chiang_mai]


@pytest.mark.django_db
def test_upsert_skips_area_codes_geo_has_not_loaded():
    organisation = _org("office", area_codes=["50", "5001"])
    assert organisation.areas.count() == 0


@pytest.mark.django_db
def test_public_list_and_detail_pages(client, officer_a, agency_a):
    ministry = _org("ministry", name_th="กระทรวงทดสอบ", name_en="Test Ministry")
    agency_a.parent = ministry
    agency_a.save()
    _org("unit-of-a", parent=agency_a, name_th="หน่วยย่อย", name_en="Sub-unit")

    listing = client.get("/en/accounts/organisations/?type=government_agency&q=agency")
    assert listing.status_code == 200
    assert [o.slug for o in listing.context["page"].object_list] == ["agency-a"]

    detail = client.get("/en/accounts/organisations/agency-a/")
    html = detail.content.decode()
    assert detail.status_code == 200
    assert "หน่วยงานทดสอบ ก" in html and "Test agency A" in html
    assert "Test Ministry" in html  # parent chain
    assert "Sub-unit" in html  # children
    assert "contact@agency-a.example.org" in html  # public contact
    assert "officer.a@example.org" not in html  # never a member's address
    assert "Manage members" not in html


@pytest.mark.django_db
def test_unknown_or_inactive_organisation_is_404(client):
    _org("closed", is_active=False)
    assert client.get("/accounts/organisations/closed/").status_code == 404
    assert client.get("/accounts/organisations/nothing/").status_code == 404
