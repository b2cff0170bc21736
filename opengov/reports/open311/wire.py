"""Open311 wire format (pure, no Django import): one Python tree rendered as JSON or as XML.

The JSON form is the "Spark convention" mapping of the XML: a list in JSON is, in XML, a container
element holding one element per item (``services`` → ``service``, ``attributes`` → ``attribute``…);
``None`` is JSON ``null`` and an empty XML element; booleans are ``true``/``false``. Ids and codes
are always strings. Datetimes on the wire carry a timezone (W3C subset of ISO 8601)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from typing import Final, TypeAlias

WireValue: TypeAlias = "str | int | float | bool | list[WireValue] | dict[str, WireValue] | None"

FORMATS: Final = ("xml", "json")
CONTENT_TYPES: Final = {
    "xml": "text/xml; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
XML_DECLARATION: Final = '<?xml version="1.0" encoding="utf-8"?>\n'
# Container element → item element (GeoReport v2 and its discovery document).
LIST_ITEMS: Final = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
    "notes": "note",
}
# Characters XML 1.0 cannot carry at all (even escaped): C0 controls other than tab, LF, CR.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(fmt: str, root: str, value: WireValue) -> str:
    """The body of a response in ``fmt`` (``xml`` or ``json``); ``root`` names the XML root."""
    if fmt == "json":
        return json.dumps(value, ensure_ascii=False)
    return to_xml(root, value)


def to_xml(root: str, value: WireValue) -> str:
    """An XML document with the declaration the standard asks for (double quotes, utf-8)."""
    element = ET.Element(root)
    _fill(element, value)
    return XML_DECLARATION + ET.tostring(element, encoding="unicode") + "\n"


def _fill(element: ET.Element, value: WireValue) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        element.text = "true" if value else "false"
    elif isinstance(value, int | float):
        element.text = repr(value)
    elif isinstance(value, str):
        element.text = _XML_INVALID.sub("", value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _fill(ET.SubElement(element, key), item)
    else:
        item_tag = LIST_ITEMS[element.tag]
        for item in value:
            _fill(ET.SubElement(element, item_tag), item)


def error_entry(code: int, description: str, description_th: str) -> dict[str, WireValue]:
    """One entry of an error array; ``description_th`` is our extra field (clients ignore it)."""
    return {"code": code, "description": description, "description_th": description_th}


def w3c_datetime(value: datetime) -> str:
    """``2026-12-05T10:00:00+07:00``: whole seconds, with the offset."""
    if value.tzinfo is None:
        raise ValueError("a wire datetime needs a timezone")
    return value.replace(microsecond=0).isoformat()


def w3c_datetime_parse(text: str) -> datetime:
    """A client's datetime; the standard makes the timezone mandatory (``Z`` or ``±HH:MM``).

    Raises ``ValueError`` for anything else, including a date without a time."""
    if "T" not in text:
        raise ValueError("not a date and time")
    parsed = datetime.fromisoformat(text.strip())
    if parsed.tzinfo is None:
        raise ValueError("no timezone")
    return parsed
