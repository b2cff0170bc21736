from __future__ import annotations

import pytest

from opengov.accounts.demo import load_organisations
from opengov.accounts.models import ConsentRecord, Membership, Organisation, User
from opengov.geo.models import Area


def _counts():
    return (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        ConsentRecord.objects.count(),
    )


@pytest.mark.django_db
def test_demo_loader_is_idempotent_and_creates_no_accounts_without_debug(settings):
    settings.DEBUG = False
    lines: list[str] = []
    load_organisations(lines.append)
    first = _counts()
    load_organisations(lines.append)
    assert _counts() == first == (13, 0, 0, 0)
    assert lines == ["organisations: 13 (13 new)", "organisations: 13 (0 new)"]
    assert Organisation.objects.values_list("name_th", "name_en", "parent__slug").get(
        slug="pcd"
    ) == ("กรมควบคุมมลพิษ", "Pollution Control Department", "mnre")
    grandparent = Organisation.objects.values_list("parent__parent__name_en", flat=True)
    assert grandparent.get(slug="ddpm-chiangmai") == "Ministry of Interior"


@pytest.mark.django_db
def test_demo_loader_links_areas_once_geo_has_them(settings):
    settings.DEBUG = False
    load_organisations(lambda line: None)
    assert Organisation.objects.get(slug="chiangmai-city").areas.count() == 0
    for level, code, th, en in [
        ("province", "50", "เชียงใหม่", "Chiang Mai"),
        ("district", "5001", "เมืองเชียงใหม่", "Mueang Chiang Mai"),
    ]:
        Area.objects.create(
            level=level,
            code=code,
            name_th=th,
            name_en=en,
            geometry="{}",
            min_lon=0,
            min_lat=0,
            max_lon=1,
            max_lat=1,
        )
    load_organisations(lambda line: None)
    assert [a.code for a in Organisation.objects.get(slug="chiangmai-city").areas.all()] == ["5001"]
    assert [a.code for a in Organisation.objects.get(slug="chiangmai-nre").areas.all()] == ["50"]


@pytest.mark.django_db
def test_demo_accounts_only_in_debug_with_the_env_password(settings, monkeypatch, client):
    settings.DEBUG = True
    monkeypatch.setenv("OPENGOV_DEMO_PASSWORD", "local-demo-secret")
    lines: list[str] = []
    load_organisations(lines.append)
    load_organisations(lines.append)
    assert _counts() == (13, 4, 1, 4)
    assert sorted(User.objects.values_list("email", flat=True)) == [
        "admin@example.org",
        "citizen@example.org",
        "moderator@example.org",
        "officer.pcd@example.org",
    ]
    assert (
        "demo account: officer.pcd@example.org (PCD officer) password: local-demo-secret" in lines
    )
    officer = User.objects.get(email="officer.pcd@example.org")
    assert list(officer.memberships.values_list("organisation__slug", "role")) == [("pcd", "admin")]
    assert client.login(username="admin@example.org", password="local-demo-secret")
    assert User.objects.get(email="admin@example.org").is_superuser is True
    assert User.objects.get(email="moderator@example.org").is_moderator is True


@pytest.mark.django_db
def test_demo_password_defaults_only_in_debug(settings, monkeypatch):
    from opengov.accounts.demo import demo_password

    monkeypatch.delenv("OPENGOV_DEMO_PASSWORD", raising=False)
    settings.DEBUG = True
    assert demo_password() == "opengov-demo-2026"
    settings.DEBUG = False
    monkeypatch.setenv("OPENGOV_DEMO_PASSWORD", "x")
    assert demo_password() is None
