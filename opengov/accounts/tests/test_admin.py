from __future__ import annotations

import pytest
from django.urls import reverse

from opengov.accounts.models import DeletionRequest, User
from opengov.accounts.testing import PERSONA_PASSWORD

MODELS = ["user", "organisation", "membership", "consentrecord", "deletionrequest"]


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["user", "organisation", "consentrecord", "deletionrequest"])
def test_changelists_load_for_a_platform_admin(client_as, model, officer_a):
    response = client_as("platform_admin").get(reverse(f"admin:accounts_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_change_and_add_pages_load(client_as, officer_a, agency_a):
    client = client_as("platform_admin")
    assert client.get(reverse("admin:accounts_user_change", args=[officer_a.pk])).status_code == 200
    assert client.get(reverse("admin:accounts_user_add")).status_code == 200
    assert (
        client.get(reverse("admin:accounts_organisation_change", args=[agency_a.pk])).status_code
        == 200
    )
    assert client.get(reverse("admin:accounts_organisation_add")).status_code == 200


@pytest.mark.django_db
def test_admin_action_carries_out_deletion(client_as, citizen):
    client_as("citizen").post(reverse("accounts:delete_account"), {"password": PERSONA_PASSWORD})
    request = DeletionRequest.objects.get()
    response = client_as("platform_admin").post(
        reverse("admin:accounts_deletionrequest_changelist"),
        {"action": "carry_out", "_selected_action": [request.pk]},
    )
    assert response.status_code == 302
    assert DeletionRequest.objects.get().status == "completed"
    assert User.objects.get(pk=citizen.pk).email == f"deleted-{citizen.pk}@invalid"


@pytest.mark.django_db
def test_admin_is_closed_to_officers(client_as):
    response = client_as("officer_a").get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302
