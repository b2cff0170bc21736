"""Open311 GeoReport v2 at ``/open311/v2/`` (specs/reporting.md §1): a plain-Django edge over the
reports app's services and selectors. XML and JSON are chosen by the path suffix; errors are the
standard's arrays; personal data never leaves (see :mod:`.request_wire`)."""
