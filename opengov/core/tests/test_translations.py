"""Thai is the default language and both catalogues are complete.

Source strings are English. Every app's Thai catalogue must translate every string the code and
templates use (checked by re-extracting with makemessages into a scratch copy), with nothing fuzzy
or empty.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = sorted(p.parent.name for p in (ROOT / "opengov").glob("*/apps.py"))


def _catalogue(app_dir: Path, language: str) -> Path:
    return app_dir / "locale" / language / "LC_MESSAGES" / "django.po"


def test_thai_is_the_default_language():
    assert settings.LANGUAGE_CODE == "th"
    assert [code for code, _ in settings.LANGUAGES] == ["th", "en"]
    assert settings.TIME_ZONE == "Asia/Bangkok"


@pytest.mark.parametrize("app", APPS)
def test_thai_catalogue_is_complete(app):
    po_path = _catalogue(ROOT / "opengov" / app, "th")
    catalogue = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("app", APPS)
def test_catalogues_hold_every_string_in_use(app, tmp_path):
    """Re-extract the app's strings and compare with the committed catalogues (run script/messages)."""
    scratch = tmp_path / app
    shutil.copytree(ROOT / "opengov" / app, scratch, ignore=shutil.ignore_patterns("__pycache__"))
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "PYTHONPATH": str(ROOT),
        "PATH": "/usr/bin:/bin:/usr/local/bin",
    }
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            str(ROOT / ".venv" / "bin" / "django-admin"),
            *("makemessages", "-l", "th", "-l", "en", "--no-location", "--no-obsolete", "-v0"),
            *("--ignore", "tests/*", "--ignore", "static/vendor/*"),
        ],
        cwd=scratch,
        env=env,
        check=True,
        timeout=120,
    )
    for language in ("th", "en"):
        committed = polib.pofile(str(_catalogue(ROOT / "opengov" / app, language)))
        extracted = polib.pofile(str(_catalogue(scratch, language)))
        missing = sorted(
            {(e.msgctxt, e.msgid) for e in extracted} - {(e.msgctxt, e.msgid) for e in committed}
        )
        assert missing == [], f"run script/messages {app} and translate: {missing}"
