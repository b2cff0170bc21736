"""Public organisation directory API: ``/api/v1/organisations`` (public fields only).

No ``from __future__ import annotations`` here: ``@paginate`` re-wraps the view, and Ninja then reads
its annotations in the namespace of ``ninja.pagination``, where string annotations cannot resolve.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from opengov.accounts.models import Organisation, OrganisationType
from opengov.accounts.selectors import organisation_ancestors, organisation_get, organisation_list

router = Router()


class AreaRef(Schema):
    level: str
    code: str = Field(description="DOPA code, e.g. 50 for Chiang Mai province")
    name_th: str
    name_en: str


class OrganisationRef(Schema):
    slug: str
    name_th: str
    name_en: str


class OrganisationOut(Schema):
    slug: str
    type: OrganisationType
    name_th: str
    name_en: str
    parent: OrganisationRef | None
    email: str = Field(description="Public contact address of the organisation")
    phone: str
    website: str
    address: str
    areas: list[AreaRef]


class OrganisationDetailOut(OrganisationOut):
    ancestors: list[OrganisationRef] = Field(description="Parent chain, top first")
    children: list[OrganisationRef] = Field(description="Active units directly below")

    @staticmethod
    def resolve_ancestors(organisation: Organisation) -> list[Organisation]:
        return organisation_ancestors(organisation)


class OrganisationFilters(FilterSchema):
    type: OrganisationType | None = Field(None, description="Organisation type")
    q: str | None = Field(None, max_length=100, description="Text in the Thai or English name")
    area: str | None = Field(None, max_length=16, description="DOPA code of an area of duty")


@router.get(
    "/organisations",
    response=list[OrganisationOut],
    summary="List organisations",
    url_name="organisation_list",
)
@paginate(PageNumberPagination, page_size=50)
def list_organisations(
    request: HttpRequest, filters: Query[OrganisationFilters]
) -> QuerySet[Organisation]:
    """Active organisations, filtered by ``type``, text ``q`` and responsibility ``area`` code."""
    return organisation_list(type=filters.type, q=filters.q, area_code=filters.area)


@router.get(
    "/organisations/{slug}",
    response=OrganisationDetailOut,
    summary="One organisation",
    url_name="organisation_detail",
)
def get_organisation(request: HttpRequest, slug: str) -> Organisation:
    """An active organisation with its parent chain and its active units."""
    organisation = organisation_get(slug=slug)
    if organisation is None:
        raise Http404
    return organisation
