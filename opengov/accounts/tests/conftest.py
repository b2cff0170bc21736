# Temporary until the root conftest.py has pytest_plugins = ["opengov.accounts.testing"] and
# pyproject's [tool.pytest_env] has OPENGOV_STATIC_MANIFEST = "0"; then delete this file.
from __future__ import annotations

import pytest

from opengov.accounts.testing import *  # noqa: F403


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
