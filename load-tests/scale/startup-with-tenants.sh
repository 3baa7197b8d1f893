#!/usr/bin/env bash
# Start-up time of a node with many tenant schemas (issue 15): onboards N near-empty member tenants through
# the CLI into a database of its own, then starts the platform twice and reports "Startup completed in" and
# how long the tenant schema check took (one version query; Flyway only for schemas behind).
# A measurement, not a test: nothing here asserts a time.
#   load-tests/scale/startup-with-tenants.sh [tenants=200] [port=8105] [database=cong_scale_startup]
# Needs the jar (mvn -B -q -pl platform -am package -DskipTests), PostgreSQL on 127.0.0.1:5432, Redis on 6379.
set -euo pipefail
N=${1:-200}
PORT=${2:-8105}
DB=${3:-cong_scale_startup}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/platform/target/cong-platform.jar"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export CONG_DATABASE_NAME="$DB" REDIS_PREFIX="cong:$DB:" PORT CONG_UPTIME_ENABLED=false \
       CONG_BACKUP_SCHEDULER_ENABLED=false CONG_UPTIME_ROLLUP_ENABLED=false

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres

mkdir "$WORK/manifests"
printf 'code: bo\nname: {vi: Bộ Đo đạc, en: Ministry of Measuring}\nabbreviation: www\nparent: null\n' > "$WORK/manifests/000-bo.yaml"
for i in $(seq 1 "$N"); do
  printf 'code: unit%04d\nname: {vi: Đơn vị %d, en: Unit %d}\nabbreviation: unit%04d\nparent: bo\n' "$i" "$i" "$i" "$i" \
    > "$WORK/manifests/unit$(printf %04d "$i").yaml"
done
started=$(date +%s)
java -jar "$JAR" onboard "$WORK/manifests" > "$WORK/onboard.json"
echo "onboarded $((N + 1)) tenants through the CLI in $(( $(date +%s) - started )) s"
psql -h 127.0.0.1 -U postgres -tAc "SELECT count(*) || ' tenant schemas' FROM pg_namespace WHERE nspname LIKE 't\_%'" "$DB"

for run in 1 2; do
  log="$WORK/run$run.log"
  t0=$(date +%s%N)
  java -jar "$JAR" > "$log" 2>&1 &
  until grep -q "Startup completed in" "$log"; do
    if ! kill -0 $! 2>/dev/null; then cat "$log"; exit 1; fi
    sleep 0.2
  done
  wall=$(( ($(date +%s%N) - t0) / 1000000 ))
  kill "$(lsof -t -i :"$PORT" -sTCP:LISTEN)"; wait || true
  echo "start $run: $(grep -o 'Startup completed in [0-9]*ms' "$log"), wall clock to ready ${wall} ms"
  grep -o 'Tenant schemas checked: .*' "$log"
done
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres
