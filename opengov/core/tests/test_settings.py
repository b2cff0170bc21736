"""Settings come only from the environment: production refuses to start without a secret, and
``check --deploy`` is clean with production settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x7#production-like-secret-key-with-plenty-of-characters-0123456789",
    "DJANGO_ALLOWED_HOSTS": "opengov.example.go.th",
    "DATABASE_URL": "postgres://opengov@db.internal:5432/opengov",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "OPENGOV_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_without_secret_key_refuses_to_start():
    result = _manage("check", env={"DJANGO_ALLOWED_HOSTS": "opengov.example.go.th"})
    assert result.returncode == 1
    assert "DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE) must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_flags_sqlite_in_production():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "sqlite:////tmp/opengov-check.sqlite3"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 1
    assert "opengov.W001" in result.stderr


def test_secret_key_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(PRODUCTION_ENV["DJANGO_SECRET_KEY"] + "\n", encoding="utf-8")
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY_FILE": str(secret)}
    del env["DJANGO_SECRET_KEY"]
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr


def test_malformed_boolean_is_named():
    result = _manage("check", env={**PRODUCTION_ENV, "DJANGO_DEBUG": "maybe"})
    assert result.returncode == 1
    assert "DJANGO_DEBUG must be one of" in result.stderr
