"""Which organisation a new report goes to (rules in the admin; none matching → fallback queue)."""

from __future__ import annotations

from opengov.accounts.models import Organisation
from opengov.reports.models import AreaRoute, CategoryRoute


def route_find(*, category: str, district_code: str, province_code: str) -> Organisation | None:
    """The responsible organisation: the rules of the district first, then of the province; among
    an area's organisations the type preferred for ``category`` wins, else the first by priority.
    None when no rule covers the area (the report waits in the fallback queue)."""
    preferred = (
        CategoryRoute.objects.filter(category=category)
        .values_list("organisation_type", flat=True)
        .first()
    )
    fallback: Organisation | None = None
    for code in (district_code, province_code):
        if not code:
            continue
        routes = list(
            AreaRoute.objects.filter(area_code=code, organisation__is_active=True)
            .select_related("organisation")
            .order_by("priority", "id")
        )
        for route in routes:
            if preferred is None or route.organisation.type == preferred:
                return route.organisation
        if routes and fallback is None:
            fallback = routes[0].organisation
    return fallback
