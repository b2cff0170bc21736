"""Reliability of report submission under concurrency: 200 anonymous web-form submissions at once
against a real server on loopback, each retried by a second concurrent copy for a quarter of them
(a double tap / network retry), then a check that none was lost and none duplicated.

Run: ``.venv/bin/python bench/reports_concurrency.py [--submissions 200] [--workers 20]``

Starts gunicorn on 127.0.0.1 only (a free port), on a fresh temporary SQLite database and media
folder, with the per-address limit switched off (every request comes from 127.0.0.1). Each
submission carries its own idempotency key (the form's hidden ``client_token``). The run is bounded:
at most ``--submissions`` × 1.25 POSTs, 120 s overall, and the server is stopped at the end.
Exits 1 when a submission is lost or duplicated.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # loopback only
DEADLINE_S = 120.0
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def server_env(workdir: Path) -> dict[str, str]:
    (workdir / "reports_bench_settings.py").write_text(
        "from config.settings import *  # noqa: F403\nOPENGOV_REPORTS_PER_HOUR_IP = 0\n"
        "OPENGOV_REPORTS_PER_HOUR_USER = 0\n"
        'EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"\n'
    )
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="reports_bench_settings",
        PYTHONPATH=f"{workdir}{os.pathsep}{ROOT}",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        OPENGOV_MEDIA_ROOT=str(workdir / "media"),
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or "bench-only-secret-key-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS=HOST,
        OPENGOV_SECURE="0",
        OPENGOV_STATIC_MANIFEST="0",
        OPENGOV_LOG_LEVEL="WARNING",
    )
    return env


def submit(base: str, token: str, number: int) -> tuple[int, float]:
    """One person: open the form (CSRF cookie and token), send it; returns (status, seconds)."""
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=60.0, follow_redirects=False) as client:
        page = client.get("/reports/new/")
        csrf = TOKEN_RE.search(page.text)
        if page.status_code != 200 or csrf is None:
            return page.status_code, time.perf_counter() - started
        response = client.post(
            "/reports/new/",
            data={
                "csrfmiddlewaretoken": csrf.group(1),
                "category": "farm_burning",
                "lat": f"{18.70 + (number % 50) * 0.01:.5f}",
                "lon": f"{98.90 + (number // 50) * 0.01:.5f}",
                "seen_at": time.strftime("%Y-%m-%dT%H:%M", time.localtime(time.time() - 3600)),
                "description": f"bench submission {number}",
                "contact_email": f"bench{number}@example.net",
                "client_token": token,
                "confirm_new": "1",
            },
            headers={"Referer": f"{base}/reports/new/"},
        )
    return response.status_code, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--workers", type=int, default=20)
    args = parser.parse_args()
    count = min(args.submissions, 1000)
    with tempfile.TemporaryDirectory(prefix="reports-bench-") as tmp:
        workdir = Path(tmp)
        env = server_env(workdir)
        python = sys.executable
        subprocess.run(  # noqa: S603 - our own manage.py
            [python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
        )
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = subprocess.Popen(  # noqa: S603 - our own gunicorn on loopback
            [
                python,
                "-m",
                "gunicorn",
                "config.wsgi",
                "-b",
                f"{HOST}:{port}",
                "-w",
                "2",
                "--threads",
                "8",
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            for _attempt in range(100):
                try:
                    if httpx.get(f"{base}/healthz", timeout=1.0).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            tokens = [uuid.uuid4().hex for _ in range(count)]
            jobs = [(token, n) for n, token in enumerate(tokens)]
            jobs += [(tokens[n], n) for n in range(0, count, 4)]  # concurrent retries
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.workers) as pool:
                futures = [pool.submit(submit, base, token, n) for token, n in jobs]
                results = [
                    f.result(timeout=max(1.0, DEADLINE_S - (time.perf_counter() - started)))
                    for f in futures
                ]
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
        database = sqlite3.connect(workdir / "bench.sqlite3")
        rows = database.execute("SELECT idempotency_key FROM reports_report").fetchall()
        database.close()
    stored = [key for (key,) in rows]
    lost = sorted(set(tokens) - set(stored))
    duplicated = len(stored) - len(set(stored))
    statuses: dict[int, int] = {}
    for status, _seconds in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(seconds for _status, seconds in results)
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"submissions: {count} unique + {len(jobs) - count} concurrent retries = {len(jobs)} POSTs"
    )
    print(f"workers: {args.workers} concurrent clients; server gunicorn 2 × 8 threads, SQLite WAL")
    print(f"elapsed: {elapsed:.2f} s; throughput {len(jobs) / elapsed:.1f} submissions/s")
    print(
        f"latency (GET form + POST): median {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"HTTP statuses: {dict(sorted(statuses.items()))}")
    print(f"stored reports: {len(stored)}; lost: {len(lost)}; duplicated: {duplicated}")
    return 0 if not lost and not duplicated and len(stored) == count else 1


if __name__ == "__main__":
    sys.exit(main())
