"""Read the bytes of a layer from a local path or an http(s) URL (pure: no Django import)."""

from __future__ import annotations

from pathlib import Path

import httpx

from opengov.geo.geojson_layers import LayerInvalid, LayerProblem


def source_is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def layer_source_read(
    source: str, *, timeout: float, transport: httpx.BaseTransport | None = None
) -> bytes:
    """Return the file's bytes; raise :class:`LayerInvalid` (``source_unreadable`` or
    ``download_failed``) with the reason when it cannot be read."""
    if not source_is_url(source):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            problem = LayerProblem(
                "source_unreadable", params={"source": source, "detail": str(exc)}
            )
            raise LayerInvalid([problem]) from exc
    try:
        with httpx.Client(timeout=timeout, transport=transport, follow_redirects=True) as client:
            response = client.get(source)
            response.raise_for_status()
            return response.content
    except httpx.HTTPStatusError as exc:
        detail = f"HTTP {exc.response.status_code}"
    except httpx.TimeoutException:
        detail = f"timed out after {timeout:g} s"
    except httpx.HTTPError as exc:
        detail = f"{type(exc).__name__}: {exc}"
    raise LayerInvalid(
        [LayerProblem("download_failed", params={"source": source, "detail": detail})]
    )
