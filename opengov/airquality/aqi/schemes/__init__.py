"""Scheme data, one module per scheme version; see ``aqi/README.md`` for how to add one."""
