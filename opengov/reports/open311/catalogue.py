"""The Open311 service list: one service per report category (``service_code`` = the category
value), named in Thai and English, and each service's definition (its attributes)."""

from __future__ import annotations

from typing import Final

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opengov.reports.models import Category
from opengov.reports.open311.wire import WireValue

# Bump when the services or their attributes change: clients refresh cached lists on a new value.
SERVICES_CHANGESET: Final = "2026-12-05 00:00"
SEEN_AT: Final = "SEEN_AT"
PRIVACY: Final = "PRIVACY"

_DESCRIPTIONS: Final[dict[str, Promise]] = {
    Category.FARM_BURNING: _("Fields, stubble or crop residue being burnt."),
    Category.FOREST_FIRE: _("Fire in a forest, on a hillside or in a protected area."),
    Category.WASTE_BURNING: _("Rubbish, leaves or other waste being burnt in the open."),
    Category.FACTORY_SMOKE: _("Smoke or soot from a factory, mill or plant chimney."),
    Category.VEHICLE_SMOKE: _("Black smoke from a lorry, bus or other vehicle."),
    Category.OTHER: _("Other burning or smoke that harms the air."),
}
_GROUPS: Final[dict[str, Promise]] = {
    Category.FARM_BURNING: _("Burning"),
    Category.FOREST_FIRE: _("Burning"),
    Category.WASTE_BURNING: _("Burning"),
    Category.FACTORY_SMOKE: _("Smoke"),
    Category.VEHICLE_SMOKE: _("Smoke"),
    Category.OTHER: _("Other"),
}
_KEYWORDS: Final[dict[str, str]] = {
    Category.FARM_BURNING: "เผาไร่, เผาตอซัง, farm, stubble, PM2.5",
    Category.FOREST_FIRE: "ไฟป่า, forest, wildfire, PM2.5",
    Category.WASTE_BURNING: "เผาขยะ, waste, rubbish, PM2.5",
    Category.FACTORY_SMOKE: "ควันโรงงาน, factory, chimney, PM2.5",
    Category.VEHICLE_SMOKE: "ควันดำ, vehicle, black smoke, PM2.5",
    Category.OTHER: "ควัน, smoke, PM2.5",
}


def service_codes() -> list[str]:
    return [str(code) for code in Category.values]


def _in(language: str, text: Promise | str) -> str:
    with translation.override(language):
        return str(text)


def service_name(code: str) -> str:
    """The category's name in the active language."""
    return str(Category(code).label)


def service_list() -> list[WireValue]:
    """Endpoint 1: every service, named in the active language (Thai unless the client asks
    for English), with ``service_name_th``/``service_name_en`` beside it for bilingual clients."""
    services: list[WireValue] = []
    for code in service_codes():
        label = Category(code).label
        services.append(
            {
                "service_code": code,
                "service_name": str(label),
                "service_name_th": _in("th", label),
                "service_name_en": _in("en", label),
                "description": str(_DESCRIPTIONS[code]),
                "metadata": True,
                "type": "realtime",
                "keywords": _KEYWORDS[code],
                "group": str(_GROUPS[code]),
            }
        )
    return services


def service_definition(code: str) -> dict[str, WireValue]:
    """Endpoint 2: the attributes of a service (the same for every category): when the incident
    was seen (optional; the time of the request otherwise) and a privacy notice (not an input)."""
    attributes: list[WireValue] = [
        {
            "variable": True,
            "code": SEEN_AT,
            "datatype": "datetime",
            "required": False,
            "datatype_description": str(
                _("ISO 8601 with a timezone, e.g. 2026-12-05T09:30:00+07:00; within 30 days.")
            ),
            "order": 1,
            "description": str(_("When did you see it? (Default: the time of this request.)")),
        },
        {
            "variable": False,
            "code": PRIVACY,
            "datatype": "text",
            "required": False,
            "datatype_description": None,
            "order": 2,
            "description": str(
                _(
                    "Name, e-mail, phone, account and device ids are kept private: they are "
                    "used only to contact the reporter and never published."
                )
            ),
        },
    ]
    return {"service_code": code, "attributes": attributes}
