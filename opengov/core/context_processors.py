from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """Values every page template needs (site name, debug banner)."""
    return {"site_name": settings.OPENGOV_SITE_NAME, "debug": settings.DEBUG}
