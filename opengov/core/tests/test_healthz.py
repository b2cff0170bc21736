from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_task_queue(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    body = response.json()
    assert body == {
        "status": "ok",
        "checks": {
            "database": {"ok": True, "vendor": connection.vendor},
            "tasks": {"ok": True, "backend": "DatabaseBackend", "ready": 0, "running": 0},
        },
    }


def test_healthz_is_503_when_the_task_store_is_unreadable(client, monkeypatch):
    def broken() -> dict[str, object]:
        raise ConnectionError("queue down")

    monkeypatch.setattr("opengov.core.views.task_queue_status", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["tasks"] == {"ok": False, "error": "ConnectionError"}


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
