#!/usr/bin/env bash
# 2,000 tenants on one PostgreSQL (issue 15 point 2): onboards N near-empty member tenants under one root through
# the CLI, PARALLEL processes at a time, into a database of its own that is KEPT for the other measurements
# (start-up: startup-with-tenants.sh; host rotation: ROTATION_DB=<database> load-tests/bench/compare-nginx.sh;
# backup window: backup-window.sh), then reports, as Markdown:
#  - pg_dump -n of one tenant schema (time and memory) sampled while the database fills: pg_dump reads the
#    whole catalogue of its database, so this is the per-tenant backup cost as the number of tenants grows;
#  - the time to onboard the next tenants one by one through the operator API of a running node (the 2,001st …):
#    median and slowest;
#  - the catalogue per tenant: relations (tables, indexes, sequences, TOAST) and bytes in one tenant schema, and
#    for the whole database;
#  - JVM heap of a node serving them: used heap after a full GC with all tenants vs with the root alone.
# DATABASES=K (default 1) spreads the tenants over K databases of the same PostgreSQL server: the platform's own
# and K-1 more registered as database clusters c2..cK (add-cluster), each holding N/K tenant schemas, so that each
# database's catalogue, and with it every pg_dump, stays small (README: "Many tenants: databases of a few hundred").
# A measurement, not a test: nothing here asserts a figure.
#   [DATABASES=8] load-tests/scale/onboard-many.sh [tenants=2000] [parallel=2] [database=cong_scale_many] [next=20]
# Needs the jar (mvn -B -q -pl platform -am package -DskipTests), PostgreSQL on 127.0.0.1:5432, Redis on 6379.
set -euo pipefail
N=${1:-2000}
PARALLEL=${2:-2}
DB=${3:-cong_scale_many}
NEXT=${4:-20}
DATABASES=${DATABASES:-1}
PORT=${PORT:-8106}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/platform/target/cong-platform.jar"
WORK=$(mktemp -d /tmp/cong-many.XXXXXX)
trap 'rm -rf "$WORK"; [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null || true' EXIT
# the dev operator's password (application-dev.yml), for the operator API of the node started below
OPERATOR='operator:VanHanhDev2026!'
export CONG_DATABASE_NAME="$DB" REDIS_PREFIX="cong:$DB:" CONG_UPTIME_ENABLED=false \
       CONG_BACKUP_SCHEDULER_ENABLED=false CONG_UPTIME_ROLLUP_ENABLED=false CLUSTER_POOL_MAX=${CLUSTER_POOL_MAX:-4} \
       OPERATOR_USERNAME=operator \
       OPERATOR_PASSWORD_HASH='$argon2id$v=19$m=19456,t=2,p=1$nPvK3wcygtarePBgOmG90g$cSun0PcBXQbCbaUqkFY7oMtfk3OEJDeZDEaCSKsWQYA' \
       OPERATOR_MFA_REQUIRED=false
q() { psql -h 127.0.0.1 -U postgres -tAqc "$1" "${2:-$DB}"; }
manifest() { # code number
  printf 'code: %s\nname: {vi: Đơn vị %d, en: Unit %d}\nabbreviation: %s\nparent: bo\n' "$1" "$2" "$2" "$1"
}
cluster_of() { # tenant number → cluster name (default, c2 … cK)
  local k=$(( ($1 - 1) % DATABASES + 1 ))
  [ "$k" = 1 ] && echo default || echo "c$k"
}

if [ "${RESUME:-0}" != 1 ]; then # RESUME=1: go on with a run that was stopped (onboarding is idempotent)
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres
for k in $(seq 2 "$DATABASES"); do
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${DB}_c$k WITH (FORCE)" postgres
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE ${DB}_c$k" postgres
done
mkdir -p "$WORK/root"
printf 'code: bo\nname: {vi: Bộ Đo đạc, en: Ministry of Measuring}\nabbreviation: www\nparent: null\n' > "$WORK/root/bo.yaml"
java -jar "$JAR" onboard "$WORK/root" > /dev/null
for k in $(seq 2 "$DATABASES"); do
  java -jar "$JAR" add-cluster "c$k" "postgres@127.0.0.1:5432/${DB}_c$k" "Cơ sở dữ liệu $k" > /dev/null
done
fi

# heap with the root alone
heap() { # [next tenants to onboard through the API first] → used heap in MB after a full GC, of a node started on $DB
  local log="$WORK/node.log" next=${1:-0}
  PORT=$PORT java -Xms1g -Xmx1g -jar "$JAR" > "$log" 2>&1 &
  local pid=$!
  until grep -q "Startup completed in" "$log"; do kill -0 $pid 2>/dev/null || { tail -30 "$log" >&2; exit 1; }; sleep 0.5; done
  sleep 5 # let the start-up's background work settle
  for i in $(seq 1 "$next"); do
    local code; code=$(printf 'next%04d' "$i")
    local body="{\"code\": \"$code\", \"name\": {\"vi\": \"Đơn vị $((N + i))\", \"en\": \"Unit $((N + i))\"}, \"abbreviation\": \"$code\", \"parent\": \"bo\", \"cluster\": \"$(cluster_of $((N + i)))\"}"
    curl -s -o "$WORK/next$i.json" -w '%{http_code} %{time_total}\n' -u "$OPERATOR" -H 'Host: admin.most.localhost' \
      -H 'Content-Type: application/json' --data-binary "$body" "http://127.0.0.1:$PORT/api/v1/tenants" >> "$WORK/next-raw.txt"
  done
  # every tenant's home once, so each tenant's structure is loaded as a reader would load it
  for h in $(q "SELECT abbreviation FROM platform.tenants ORDER BY code"); do
    curl -s -o /dev/null -H "Host: $h.most.localhost" "http://127.0.0.1:$PORT/"
  done
  # live objects only: jmap's histogram of live objects runs a full collection first and totals what survived (the
  # "used" figure of GC.heap_info after GC.run also counted regions not yet reclaimed: 656 MB once for 76 MB live)
  jmap -histo:live $pid | awk '$1 == "Total" { printf "%.0f", $3 / 1048576 }'
  echo " $(grep -o 'Startup completed in [0-9]*ms' "$log" | grep -o '[0-9]*')"
  kill $pid; wait $pid 2>/dev/null || true
}
if [ "${RESUME:-0}" != 1 ]; then
  read -r heap_root start_root < <(heap 0)
else
  heap_root="(not measured: resumed)" start_root="(not measured: resumed)"
fi

echo "== onboarding $N tenants over $DATABASES database(s), $PARALLEL CLI processes at a time"
for i in $(seq 1 "$N"); do
  code=$(printf 'unit%04d' "$i"); c=$(cluster_of "$i")
  mkdir -p "$WORK/batch-$c"
  manifest "$code" "$i" > "$WORK/batch-$c/$code.yaml"
done
if [ "${RESUME:-0}" = 1 ]; then # the tenants already onboarded and migrated are not applied again
  for code in $(q "SELECT code FROM platform.tenants WHERE migration_status = 'ok'"); do rm -f "$WORK"/batch-*/"$code.yaml"; done
  for d in "$WORK"/batch-*; do [ -n "$(ls "$d")" ] || rmdir "$d"; done
fi
# pg_dump -n of the first tenant of the platform's own database while it fills: seconds and peak memory
sampler() {
  while sleep 60; do
    local schema; schema=$(q "SELECT schema_name FROM platform.tenants WHERE code = 'unit0001'")
    [ -z "$schema" ] && continue
    local present; present=$(q "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\_%'")
    /usr/bin/time -f '%e %M' -o "$WORK/sample.time" pg_dump -h 127.0.0.1 -U postgres -Fc -n "$schema" -f "$WORK/sample.dump" "$DB" 2>/dev/null || continue
    echo "$present $(cat "$WORK/sample.time") $(q 'SELECT count(*) FROM pg_class')" >> "$WORK/samples.txt"
  done
}
: > "$WORK/samples.txt"
sampler & SAMPLER=$!
started=$(date +%s)
for c in $(ls "$WORK" | sed -n 's/^batch-//p'); do
  if [ "$c" = default ]; then echo "onboard $WORK/batch-$c"; else echo "onboard --cluster $c $WORK/batch-$c"; fi
done | xargs -P "$PARALLEL" -I{} sh -c "java -jar '$JAR' {} > /dev/null"
bulk=$(( $(date +%s) - started ))
kill "$SAMPLER" 2>/dev/null || true; SAMPLER=
echo "   $N tenants in $bulk s"

echo "== the next $NEXT tenants one by one through the operator API of a running node, then the heap"
: > "$WORK/next-raw.txt"
read -r heap_all start_all < <(heap "$NEXT")
tenants=$(q "SELECT count(*) FROM platform.tenants")
awk '$1 == 201 { printf "%d\n", $2 * 1000 }' "$WORK/next-raw.txt" > "$WORK/next.txt"
refused=$(awk '$1 != 201' "$WORK/next-raw.txt" | wc -l)
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) { printf "none"; exit } printf "median %d ms, slowest %d ms", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'; }
one=$(q "SELECT schema_name FROM platform.tenants WHERE code = 'unit0001'")
rels=$(q "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$one'")
toast=$(q "SELECT count(*) FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$one'")
bytes=$(q "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$one' AND c.relkind IN ('r','m')")
byclass=$(q "SELECT string_agg(k || ' ' || n, ', ') FROM (SELECT CASE c.relkind WHEN 'r' THEN 'tables' WHEN 'i' THEN 'indexes' WHEN 'S' THEN 'sequences' WHEN 'v' THEN 'views' ELSE c.relkind::text END k, count(*) n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$one' GROUP BY 1 ORDER BY 2 DESC) x")
allrels=$(q "SELECT count(*) FROM pg_class")
dbsize=$(q "SELECT pg_size_pretty(pg_database_size('$DB'))")
allsize=$(q "SELECT pg_size_pretty(sum(pg_database_size(datname))) FROM pg_database WHERE datname = '$DB' OR datname LIKE '${DB}\\_c%'")
cat <<REPORT

| $tenants tenants on one PostgreSQL, $DATABASES database(s) ($(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)) | |
|---|---|
| bulk onboarding, $PARALLEL CLI processes | $N tenants in $bulk s |
| the next $NEXT tenants one by one, \`POST /api/v1/tenants\` on a running node | $(stats "$WORK/next.txt") ($refused refused) |
| relations in one tenant schema | $rels ($byclass) + $toast TOAST tables with their indexes |
| bytes in one near-empty tenant schema | $(( bytes / 1024 )) KiB |
| the platform's own database | $allrels relations, $dbsize (all $DATABASES databases: $allsize) |
| node start-up (Micronaut's "Startup completed") | root alone ${start_root} ms; all tenants ${start_all} ms |
| live heap (jmap -histo:live), every home rendered once | root alone ${heap_root} MB; all tenants ${heap_all} MB ($(awk -v a="$heap_all" -v b="$heap_root" -v n="$tenants" 'BEGIN { printf "%.1f", (a - b) * 1024 / (n - 1) }') KB per tenant) |

pg_dump -n of one tenant schema while its database filled (tenant schemas in that database, seconds, peak KB, relations in its catalogue):
$(sed 's/^/    /' "$WORK/samples.txt")

The database $DB is kept: ROTATION_DB=$DB load-tests/bench/compare-nginx.sh measures host rotation over it;
drop it with: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE $DB WITH (FORCE)'
REPORT
