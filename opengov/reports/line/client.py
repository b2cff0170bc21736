"""The one place that builds LINE SDK clients (tests replace these classes: no network)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from linebot.v3.messaging import ApiClient, Configuration, MessagingApi, MessagingApiBlob


def line_enabled() -> bool:
    """The channel is on when the channel secret is set."""
    return bool(settings.LINE_CHANNEL_SECRET)


def line_ready() -> bool:
    """The bot can answer: both the channel secret and the access token are set."""
    return bool(settings.LINE_CHANNEL_SECRET and settings.LINE_CHANNEL_ACCESS_TOKEN)


@contextmanager
def _api_client() -> Iterator[Any]:
    configuration = Configuration(access_token=settings.LINE_CHANNEL_ACCESS_TOKEN)
    with ApiClient(configuration) as api_client:
        yield api_client


@contextmanager
def messaging_api() -> Iterator[Any]:
    """``MessagingApi`` (reply, push) with the channel access token."""
    with _api_client() as api_client:
        yield MessagingApi(api_client)


@contextmanager
def messaging_blob_api() -> Iterator[Any]:
    """``MessagingApiBlob`` (content of images users send) with the channel access token."""
    with _api_client() as api_client:
        yield MessagingApiBlob(api_client)
