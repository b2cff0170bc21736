from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

SITE_NAME = _("Open Government Thailand")


def site(request: HttpRequest) -> dict[str, object]:
    """Values every page template needs."""
    return {"site_name": SITE_NAME, "debug": settings.DEBUG}
