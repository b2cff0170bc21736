"""Open311 API keys: the command prints a key once and stores only its hash; the admin lists
keys for platform admins and cannot add one (the secret would have nowhere to be shown)."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command

from opengov.reports.models import Open311ApiKey
from opengov.reports.open311.keys import open311_key_check, open311_key_create

pytestmark = pytest.mark.django_db


def test_command_prints_the_key_once_and_stores_its_hash(agency_a):
    out = io.StringIO()
    call_command(
        "open311_key_create", "--name", "Chiang Mai 311", "--organisation", "agency-a", stdout=out
    )
    key = Open311ApiKey.objects.get()
    header, secret = out.getvalue().splitlines()
    assert header == f"Open311 API key #{key.pk} for 'Chiang Mai 311' (shown once; store it now):"
    assert len(secret) == 43
    assert key.key_sha256 == hashlib.sha256(secret.encode()).hexdigest()
    assert (key.key_prefix, key.organisation, key.is_active, key.hourly_limit) == (
        secret[:8],
        agency_a,
        True,
        100,
    )
    assert secret not in str(list(Open311ApiKey.objects.values()))
    assert open311_key_check(secret) == key
    assert open311_key_check(f" {secret}\n") == key


def test_command_errors():
    with pytest.raises(CommandError, match="No organisation with the slug 'nope'"):
        call_command("open311_key_create", "--name", "X", "--organisation", "nope")
    with pytest.raises(CommandError, match="--hourly-limit must be 0 or more"):
        call_command("open311_key_create", "--name", "X", "--hourly-limit", "-1")
    with pytest.raises(CommandError):
        call_command("open311_key_create", "--name", "   ")
    assert Open311ApiKey.objects.count() == 0


def test_check_rejects_empty_unknown_and_inactive():
    created = open311_key_create(name="App")
    assert open311_key_check("") is None
    assert open311_key_check(created.secret[:-1]) is None
    Open311ApiKey.objects.update(is_active=False)
    assert open311_key_check(created.secret) is None


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("citizen", 302), ("officer_a", 302), ("platform_admin", 200)],
)
def test_admin_list_only_for_platform_admins(client_as, persona, status):
    open311_key_create(name="Listed app")
    response = client_as(persona).get("/admin/reports/open311apikey/")
    assert response.status_code == status
    if status == 200:
        assert "Listed app" in response.content.decode()
        assert client_as(persona).get("/admin/reports/open311apikey/add/").status_code == 403
