from __future__ import annotations

import pytest

from opengov.accounts.models import OrganisationType
from opengov.accounts.services import organisation_upsert
from opengov.geo.models import Area


@pytest.fixture
def directory(db):
    province = Area.objects.create(
        level="province",
        code="50",
        name_th="เชียงใหม่",
        name_en="Chiang Mai",
        geometry="{}",
        min_lon=98.0,
        min_lat=17.2,
        max_lon=99.6,
        max_lat=20.2,
    )
    ministry, _ = organisation_upsert(
        slug="mnre",
        type=OrganisationType.GOVERNMENT_AGENCY,
        name_th="กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
        name_en="Ministry of Natural Resources and Environment",
    )
    pcd, _ = organisation_upsert(
        slug="pcd",
        type=OrganisationType.GOVERNMENT_AGENCY,
        name_th="กรมควบคุมมลพิษ",
        name_en="Pollution Control Department",
        parent=ministry,
        email="saraban@pcd.go.th",
        phone="02 298 2000",
        website="https://www.pcd.go.th",
        address="92 ซอยพหลโยธิน 7",
    )
    organisation_upsert(
        slug="cm-breath",
        type=OrganisationType.CIVIL_SOCIETY,
        name_th="สภาลมหายใจเชียงใหม่",
        name_en="Chiang Mai Breath Council",
        area_codes=["50"],
    )
    organisation_upsert(
        slug="old", type=OrganisationType.COMPANY, name_th="เลิกกิจการ", is_active=False
    )
    return province, ministry, pcd


def test_list_is_paginated_and_filtered(client, directory):
    everything = client.get("/api/v1/organisations").json()
    assert everything["count"] == 3
    slugs = [o["slug"] for o in everything["items"]]  # Thai name order; collation differs by DB
    assert sorted(slugs) == ["cm-breath", "mnre", "pcd"]

    assert [
        o["slug"] for o in client.get("/api/v1/organisations?type=civil_society").json()["items"]
    ] == ["cm-breath"]
    assert [o["slug"] for o in client.get("/api/v1/organisations?q=Pollution").json()["items"]] == [
        "pcd"
    ]
    assert [o["slug"] for o in client.get("/api/v1/organisations?area=50").json()["items"]] == [
        "cm-breath"
    ]
    first = client.get("/api/v1/organisations?page=1&page_size=2").json()
    second = client.get("/api/v1/organisations?page=2&page_size=2").json()
    assert (first["count"], len(first["items"]), len(second["items"])) == (3, 2, 1)
    assert [o["slug"] for o in first["items"] + second["items"]] == slugs
    assert client.get("/api/v1/organisations?type=bogus").status_code == 422


def test_detail_has_public_fields_only(client, directory, officer_a):
    response = client.get("/api/v1/organisations/pcd")
    assert response.status_code == 200
    assert response.json() == {
        "slug": "pcd",
        "type": "government_agency",
        "name_th": "กรมควบคุมมลพิษ",
        "name_en": "Pollution Control Department",
        "parent": {
            "slug": "mnre",
            "name_th": "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
            "name_en": "Ministry of Natural Resources and Environment",
        },
        "email": "saraban@pcd.go.th",
        "phone": "02 298 2000",
        "website": "https://www.pcd.go.th",
        "address": "92 ซอยพหลโยธิน 7",
        "areas": [],
        "ancestors": [
            {
                "slug": "mnre",
                "name_th": "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
                "name_en": "Ministry of Natural Resources and Environment",
            }
        ],
        "children": [],
    }
    assert client.get("/api/v1/organisations/cm-breath").json()["areas"] == [
        {"level": "province", "code": "50", "name_th": "เชียงใหม่", "name_en": "Chiang Mai"}
    ]
    assert [c["slug"] for c in client.get("/api/v1/organisations/mnre").json()["children"]] == [
        "pcd"
    ]


def test_detail_of_unknown_or_inactive_is_404(client, directory):
    assert client.get("/api/v1/organisations/old").status_code == 404
    assert client.get("/api/v1/organisations/none").status_code == 404


def test_api_never_exposes_members(client, officer_a):
    body = client.get("/api/v1/organisations/agency-a").content.decode()
    assert "officer.a@example.org" not in body
    assert "member" not in body
