"""The platform API (django-ninja): one NinjaAPI, each app contributes a router."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from opengov.accounts.api import router as accounts_router
from opengov.airquality.api import router as airquality_router
from opengov.geo.api import router as geo_router
from opengov.hotspots.api import router as hotspots_router

api = NinjaAPI(
    title="opengov API",
    version="1",
    description=str(
        _(
            "Open data and participation API of the opengov platform. Times are ISO 8601 with offset."
        )
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)
api.add_router("/areas", geo_router, tags=["areas"])
api.add_router("/", accounts_router, tags=["organisations"])
api.add_router("/airquality", airquality_router, tags=["air quality"])
api.add_router("/hotspots", hotspots_router, tags=["fire hotspots"])
