#!/usr/bin/env bash
# Cold start of ./run after the first install: seconds from launching ./run to a served Thai home page
# (and /healthz 200). Target: under 30 s. Usage: bench/cold_start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${BENCH_PORT:-8765}
PORT=$port setsid ./run >/dev/null 2>&1 & first=$!   # make sure the first install has happened
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:${port}/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
kill -INT -- "-$first" 2>/dev/null || true; wait "$first" 2>/dev/null || true
status=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  PORT=$port setsid ./run >/tmp/opengov-cold-start.log 2>&1 &
  pid=$!
  ok=0
  for _ in $(seq 1 1200); do
    if curl -fsS "http://127.0.0.1:${port}/" 2>/dev/null | grep -q 'lang="th"'; then ok=1; break; fi
    sleep 0.05
  done
  end=$(date +%s.%N)
  health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/healthz" || true)
  kill -INT -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  secs=$(echo "$end - $start" | bc)
  printf 'run %d: home page served in %.2f s (healthz %s)\n' "$i" "$secs" "$health"
  if [ "$ok" != 1 ] || [ "$health" != 200 ] || [ "$(echo "$secs >= 30" | bc)" = 1 ]; then status=1; fi
  sleep 1
done
exit $status
