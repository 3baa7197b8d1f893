#!/usr/bin/env bash
# 2,000 tenants on one PostgreSQL (issue 15 point 2): onboards N near-empty member tenants under one root through
# the CLI, PARALLEL processes at a time, into a database of its own that is KEPT for the other measurements
# (start-up: startup-with-tenants.sh; host rotation: ROTATION_DB=<database> load-tests/bench/compare-nginx.sh), then
# reports, as Markdown:
#  - the time to onboard the next tenants one by one through the CLI (the 2,001st …): median and slowest, each
#    including the CLI's JVM start (compare with a run on a small database to see the part that grows);
#  - the catalogue per tenant: relations (tables, indexes, sequences, TOAST) and bytes in one tenant schema, and
#    for the whole database;
#  - JVM heap of a node serving them: used heap after a full GC with all tenants vs with the root alone.
# A measurement, not a test: nothing here asserts a figure.
#   load-tests/scale/onboard-many.sh [tenants=2000] [parallel=2] [database=cong_scale_many] [next=20]
# Needs the jar (mvn -B -q -pl platform -am package -DskipTests), PostgreSQL on 127.0.0.1:5432, Redis on 6379.
set -euo pipefail
N=${1:-2000}
PARALLEL=${2:-2}
DB=${3:-cong_scale_many}
NEXT=${4:-20}
PORT=${PORT:-8106}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/platform/target/cong-platform.jar"
WORK=$(mktemp -d /tmp/cong-many.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export CONG_DATABASE_NAME="$DB" REDIS_PREFIX="cong:$DB:" CONG_UPTIME_ENABLED=false \
       CONG_BACKUP_SCHEDULER_ENABLED=false CONG_UPTIME_ROLLUP_ENABLED=false
q() { psql -h 127.0.0.1 -U postgres -tAqc "$1" "$DB"; }
manifest() { # code number
  printf 'code: %s\nname: {vi: Đơn vị %d, en: Unit %d}\nabbreviation: %s\nparent: bo\n' "$1" "$2" "$2" "$1"
}

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres
mkdir -p "$WORK/root"
printf 'code: bo\nname: {vi: Bộ Đo đạc, en: Ministry of Measuring}\nabbreviation: www\nparent: null\n' > "$WORK/root/bo.yaml"
java -jar "$JAR" onboard "$WORK/root" > /dev/null

# heap with the root alone
heap() { # → used heap in MB after a full GC, of a node started on $DB
  local log="$WORK/node.log"
  PORT=$PORT java -Xms1g -Xmx1g -jar "$JAR" > "$log" 2>&1 &
  local pid=$!
  until grep -q "Startup completed in" "$log"; do kill -0 $pid 2>/dev/null || { tail -30 "$log"; exit 1; }; sleep 0.5; done
  # every tenant's home once, so each tenant's structure is loaded as a reader would load it
  for h in $(q "SELECT abbreviation FROM platform.tenants ORDER BY code"); do
    curl -s -o /dev/null -H "Host: $h.most.localhost" "http://127.0.0.1:$PORT/"
  done
  jcmd $pid GC.run > /dev/null
  sleep 1
  jcmd $pid GC.heap_info | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); printf "%.0f", v / 1024 } }'
  echo " $(grep -o 'Startup completed in [0-9]*ms' "$log" | grep -o '[0-9]*')"
  kill $pid; wait $pid 2>/dev/null || true
}
read -r heap_root start_root < <(heap)

echo "== onboarding $N tenants, $PARALLEL at a time"
for p in $(seq 1 "$PARALLEL"); do mkdir -p "$WORK/batch$p"; done
for i in $(seq 1 "$N"); do
  code=$(printf 'unit%04d' "$i")
  manifest "$code" "$i" > "$WORK/batch$(( (i - 1) % PARALLEL + 1 ))/$code.yaml"
done
started=$(date +%s)
for p in $(seq 1 "$PARALLEL"); do java -jar "$JAR" onboard "$WORK/batch$p" > "$WORK/batch$p.json" & done
wait
bulk=$(( $(date +%s) - started ))
echo "   $N tenants in $bulk s"

echo "== the next $NEXT tenants one by one"
: > "$WORK/next.txt"
for i in $(seq 1 "$NEXT"); do
  code=$(printf 'next%04d' "$i"); mkdir -p "$WORK/next$i"; manifest "$code" $((N + i)) > "$WORK/next$i/$code.yaml"
  t0=$(date +%s%N)
  java -jar "$JAR" onboard "$WORK/next$i" > "$WORK/next$i.json" 2> "$WORK/next$i.log"
  echo $(( ($(date +%s%N) - t0) / 1000000 )) >> "$WORK/next.txt"
done
tenants=$(q "SELECT count(*) FROM platform.tenants")
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "median %d ms, slowest %d ms", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'; }
read -r heap_all start_all < <(heap)
one=$(q "SELECT schema_name FROM platform.tenants WHERE code = 'unit0001'")
rels=$(q "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$one'")
toast=$(q "SELECT count(*) FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$one'")
bytes=$(q "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$one' AND c.relkind IN ('r','m')")
byclass=$(q "SELECT string_agg(k || ' ' || n, ', ') FROM (SELECT CASE c.relkind WHEN 'r' THEN 'tables' WHEN 'i' THEN 'indexes' WHEN 'S' THEN 'sequences' WHEN 'v' THEN 'views' ELSE c.relkind::text END k, count(*) n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$one' GROUP BY 1 ORDER BY 2 DESC) x")
allrels=$(q "SELECT count(*) FROM pg_class")
dbsize=$(q "SELECT pg_size_pretty(pg_database_size('$DB'))")
cat <<REPORT

| $tenants tenants on one PostgreSQL ($(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)) | |
|---|---|
| bulk onboarding, $PARALLEL CLI processes | $N tenants in $bulk s |
| the next $NEXT tenants one by one through the CLI (a JVM start each) | $(stats "$WORK/next.txt") |
| relations in one tenant schema | $rels ($byclass) + $toast TOAST tables with their indexes |
| bytes in one near-empty tenant schema | $(( bytes / 1024 )) KiB |
| whole database | $allrels relations, $dbsize |
| node start-up (Micronaut's "Startup completed") | root alone ${start_root} ms; all tenants ${start_all} ms |
| used heap after a full GC, every home rendered once | root alone ${heap_root} MB; all tenants ${heap_all} MB ($(awk -v a="$heap_all" -v b="$heap_root" -v n="$tenants" 'BEGIN { printf "%.1f", (a - b) * 1024 / (n - 1) }') KB per tenant) |

The database $DB is kept: ROTATION_DB=$DB load-tests/bench/compare-nginx.sh measures host rotation over it;
drop it with: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE $DB WITH (FORCE)'
REPORT
