from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.views import View

from opengov.accounts.access import (
    OrganisationOfficerRequiredMixin,
    moderator_required,
    organisation_officer_required,
)


@organisation_officer_required(slug_kwarg="org")
def inbox(request, organisation, pk):
    return HttpResponse(f"{organisation.slug}:{pk}")


class InboxView(OrganisationOfficerRequiredMixin, View):
    def get(self, request, slug):
        return HttpResponse(self.organisation.slug)


@moderator_required
def queue(request):
    return HttpResponse("queue")


def _request(user):
    request = RequestFactory().get("/x/")
    request.user = user
    return request


@pytest.mark.django_db
def test_officer_decorator_passes_the_organisation(
    officer_a, admin_a, officer_b, citizen, anonymous
):
    assert inbox(_request(officer_a), org="agency-a", pk=7).content == b"agency-a:7"
    assert inbox(_request(admin_a), org="agency-a", pk=7).status_code == 200
    for outsider in (officer_b, citizen):
        with pytest.raises(PermissionDenied):
            inbox(_request(outsider), org="agency-a", pk=7)
    assert inbox(_request(anonymous), org="agency-a", pk=7)["Location"] == (
        "/accounts/login/?next=/x/"
    )
    with pytest.raises(Http404):
        inbox(_request(officer_a), org="no-such-agency", pk=7)


@pytest.mark.django_db
def test_officer_mixin(officer_a, officer_b):
    view = InboxView.as_view()
    response = view(_request(officer_a), slug="agency-a")
    assert isinstance(response, HttpResponse)
    assert response.content == b"agency-a"
    with pytest.raises(PermissionDenied):
        view(_request(officer_b), slug="agency-a")


@pytest.mark.django_db
def test_moderator_decorator(moderator, platform_admin, citizen, anonymous):
    assert queue(_request(moderator)).status_code == 200
    assert queue(_request(platform_admin)).status_code == 200
    with pytest.raises(PermissionDenied):
        queue(_request(citizen))
    assert queue(_request(anonymous)).status_code == 302
