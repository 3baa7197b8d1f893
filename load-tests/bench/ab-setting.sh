#!/usr/bin/env bash
# A/B of one setting on uncached pages: two instances of the jar on the same database, one with SETTING=A and one with
# SETTING=B (environment variables the application reads), page cache and render sharing off, measured alternately
# with wrk -t2 -c64 (A then B, then B then A, ...), so that a machine whose speed drifts during the run weighs on both.
# Each run reports req/s, p99, the instance's CPU per request and all of PostgreSQL's CPU per request (from /proc).
# A measurement, not a test: nothing here asserts a figure.
#   SETTING=CONNECTION_GROUPS A=1 B=10 [DB=cong_scale_many] [HOSTS=all|10] [ROUNDS=4] [SECS=20] [WARM=60] load-tests/bench/ab-setting.sh
# DB: a database made by load-tests/scale/onboard-many.sh (its member homes are the targets: all of them, or the first
# 10). Warm-up: WARM seconds a side over the same targets (each tenant's structure and fragments made once). Writes the report
# to load-tests/bench/results/ab-<setting>-<stamp>.md. Needs the jar, wrk, PostgreSQL on 5432 and Redis on 6379.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/platform/target/cong-platform.jar"; LUA="$ROOT/load-tests/bench/wrk-report.lua"
SETTING=${SETTING:?SETTING=<environment variable>}; A=${A:?A=<value>}; B=${B:?B=<value>}
DB=${DB:-cong_scale_many}; HOSTS=${HOSTS:-all}; ROUNDS=${ROUNDS:-4}; SECS=${SECS:-20}; WARM=${WARM:-60}
WORK=$(mktemp -d /tmp/cong-ab.XXXXXX); TICKS=$(getconf CLK_TCK); PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$WORK"' EXIT
. "$ROOT/load-tests/bench/cpu.sh" # cpu_ticks
start() { # port, value
  (cd "$ROOT" && exec env PORT="$1" CONG_DATABASE_NAME="$DB" REDIS_PREFIX="cong:$DB:" MICRONAUT_ENVIRONMENTS=dev TENANTS_DIR= \
    CONG_DEMO_ENABLED=false CONG_UPTIME_ENABLED=false CONG_BACKUP_SCHEDULER_ENABLED=false PAGE_CACHE_BYTES=0 PAGE_CACHE_SHARED=false \
    PAGE_RENDER_SHARING=false "$SETTING=$2" java -Xms1g -Xmx1g -jar "$JAR" > "$WORK/$1.log" 2>&1) &
  PIDS+=($!)
  until grep -qs "Startup completed in" "$WORK/$1.log"; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -20 "$WORK/$1.log"; exit 1; }
    sleep 0.5
  done
}
psql -h 127.0.0.1 -U postgres -tAc "SELECT abbreviation || '.${BASE_DOMAIN:-most.localhost}' FROM platform.tenants
    WHERE parent_code IS NOT NULL AND status = 'active' ORDER BY code" "$DB" | sed 's#$# /#' > "$WORK/all.targets"
if [ "$HOSTS" = 10 ]; then head -10 "$WORK/all.targets" > "$WORK/targets"; else cp "$WORK/all.targets" "$WORK/targets"; fi
start 8121 "$A"; start 8122 "$B"
PA=$(lsof -t -i :8121 -sTCP:LISTEN | head -1); PB=$(lsof -t -i :8122 -sTCP:LISTEN | head -1)
run() { # label, port, pid, seconds
  local before pg_before out after pg_after
  before=$(cpu_ticks "$3"); pg_before=$(cpu_ticks $(pgrep -x postgres))
  out=$(BENCH_TARGETS="$WORK/targets" BENCH_GZIP=1 wrk -t2 -c64 -d"$4s" -s "$LUA" "http://127.0.0.1:$2/" 2>&1 | grep '^RESULT')
  after=$(cpu_ticks "$3"); pg_after=$(cpu_ticks $(pgrep -x postgres))
  read -r _ n dur _ p99 errs <<<"$out"
  awk -v l="$1" -v n="$n" -v d="$dur" -v p="$p99" -v e="$errs" -v j=$((after - before)) -v g=$((pg_after - pg_before)) -v hz="$TICKS" \
    'BEGIN { printf "| %s | %.0f | %.0f | %.2f | %.2f | %d |\n", l, n / d, p / 1000, j * 1000 / hz / n, g * 1000 / hz / n, e }'
}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$ROOT/load-tests/bench/results/ab-$(echo "$SETTING" | tr 'A-Z_' 'a-z-')-$stamp.md"
mkdir -p "$(dirname "$out")"
{
  echo "A/B $stamp: $SETTING=$A (A) against $SETTING=$B (B), uncached pages over $(wc -l < "$WORK/targets") member homes of $DB,"
  echo "wrk -t2 -c64, $SECS s a run, alternated; $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| Run | req/s | p99 ms | instance CPU ms/req | PostgreSQL CPU ms/req | errors |"
  echo "|---|---|---|---|---|---|"
  run "warm-up A ($SETTING=$A), $WARM s" 8121 "$PA" "$WARM"
  run "warm-up B ($SETTING=$B), $WARM s" 8122 "$PB" "$WARM"
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) = 1 ]; then run "A" 8121 "$PA" "$SECS"; run "B" 8122 "$PB" "$SECS"
    else run "B" 8122 "$PB" "$SECS"; run "A" 8121 "$PA" "$SECS"; fi
  done
} | tee "$out"
echo "written to $out"
