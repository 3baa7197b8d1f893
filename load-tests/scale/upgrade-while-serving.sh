#!/usr/bin/env bash
# A release that brings a tenant migration, started on many tenants (issue 15, README "Start-up with many tenants"):
# how soon the node serves, and what readers of the portals still behind get meanwhile. Works on a database that
# onboard-many.sh filled (one database: DATABASES=1), and:
#  1. starts a node on it and asks every portal's home once, so the shared page cache (Redis) holds them, as it
#     would on a platform in service; stops it;
#  2. puts every member schema back one migration behind (BEHIND_SQL, run in each member schema; the default undoes
#     V760, the newest tenant migration when this was written: give the undo of the newest one of your build);
#  3. starts a node (the jar as built, TENANT_UPGRADE_WHILE_SERVING as set, true by default) and polls, every 0.2 s
#     until /health is UP: /health/liveness, /health, the root's home (current), and for a sample of members their
#     home (in the page cache) and a search (never cached: always from the database);
#  4. prints a Markdown table: when each first answered, what the members answered meanwhile, and the node's own
#     "Startup completed in" and "Tenant schemas checked" lines.
# A measurement, not a test: nothing here asserts a figure.
#   [BEHIND_SQL=…] [TENANT_UPGRADE_WHILE_SERVING=true|false] load-tests/scale/upgrade-while-serving.sh [database=cong_scale_many] [sample=20]
# Needs the jar (mvn -B -q -pl platform -am package -DskipTests), PostgreSQL on 127.0.0.1:5432, Redis on 6379.
set -euo pipefail
DB=${1:-cong_scale_many}
SAMPLE=${2:-20}
PORT=${PORT:-8107}
BEHIND_SQL=${BEHIND_SQL:-"CREATE INDEX content_items_state ON content_items (state); DELETE FROM flyway_schema_history WHERE version = '760'"}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/platform/target/cong-platform.jar"
WORK=$(mktemp -d /tmp/cong-upgrade.XXXXXX)
NODE=
trap 'rm -rf "$WORK"; [ -n "$NODE" ] && kill "$NODE" 2>/dev/null || true' EXIT
export CONG_DATABASE_NAME="$DB" REDIS_PREFIX="cong:$DB:" CONG_UPTIME_ENABLED=false \
       CONG_BACKUP_SCHEDULER_ENABLED=false CONG_UPTIME_ROLLUP_ENABLED=false CLUSTER_POOL_MAX=${CLUSTER_POOL_MAX:-4}
q() { psql -h 127.0.0.1 -U postgres -tAqc "$1" "$DB"; }
now() { date +%s.%N; }
code_of() { curl -s -o /dev/null -w '%{http_code}' -m 5 -H "Host: $1" "http://127.0.0.1:$PORT$2" || echo 000; }
start_node() {
  PORT=$PORT java -Xms1g -Xmx1g -jar "$JAR" > "$WORK/node.log" 2>&1 &
  NODE=$!
}
stop_node() {
  kill "$NODE"; wait "$NODE" 2>/dev/null || true; NODE=
}

members=$(q "SELECT abbreviation FROM platform.tenants WHERE parent_code IS NOT NULL ORDER BY code")
root=$(q "SELECT abbreviation FROM platform.tenants WHERE parent_code IS NULL ORDER BY code LIMIT 1")
count=$(echo "$members" | wc -l)
sample=$(echo "$members" | awk -v n="$count" -v k="$SAMPLE" 'NR % int(n / k > 1 ? n / k : 1) == 0' | head -n "$SAMPLE")

echo "== warming the page cache: every home once ($count members)"
start_node
until grep -q "Startup completed in" "$WORK/node.log"; do kill -0 "$NODE" || { tail -30 "$WORK/node.log" >&2; exit 1; }; sleep 0.5; done
for h in $root $members; do code_of "$h.most.localhost" / > /dev/null; done
stop_node

echo "== putting $count member schemas one migration behind"
for s in $(q "SELECT schema_name FROM platform.tenants WHERE parent_code IS NOT NULL"); do
  q "SET search_path = $s; $BEHIND_SQL" > /dev/null
done

echo "== starting the node (TENANT_UPGRADE_WHILE_SERVING=${TENANT_UPGRADE_WHILE_SERVING:-true})"
: > "$WORK/polls.txt"
t0=$(now)
start_node
first_live= first_root= ready=
while [ -z "$ready" ]; do
  kill -0 "$NODE" || { tail -30 "$WORK/node.log" >&2; exit 1; }
  t=$(now)
  live=$(code_of "$root.most.localhost" /health/liveness)
  [ -z "$first_live" ] && [ "$live" = 200 ] && first_live=$(printf '%.1f' "$(echo "$t - $t0" | bc)")
  if [ "$live" = 200 ]; then
    r=$(code_of "$root.most.localhost" /)
    [ -z "$first_root" ] && [ "$r" = 200 ] && first_root=$(printf '%.1f' "$(echo "$t - $t0" | bc)")
    for h in $sample; do
      echo "$(printf '%.1f' "$(echo "$t - $t0" | bc)") home $(code_of "$h.most.localhost" /) search $(code_of "$h.most.localhost" "/tim-kiem?q=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh")" >> "$WORK/polls.txt"
    done
    [ "$(code_of "$root.most.localhost" /health)" = 200 ] && ready=$(printf '%.1f' "$(echo "$(now) - $t0" | bc)")
  fi
  sleep 0.2
done
stop_node
cp "$WORK/node.log" /tmp/cong-upgrade-node.log # the measured node's log, for a look at what answered 503 and why
summary() { # column (2: home, 4: search) → "N× 200, M× 503, …"
  awk -v c="$1" '{ n[$(c + 1)]++ } END { for (k in n) printf "%s%d× %s", (s++ ? ", " : ""), n[k], k }' "$WORK/polls.txt"
}
cat <<REPORT

| $count member schemas one migration behind, $(q "SELECT count(*) FROM platform.tenants") tenants, database $DB ($(date -u +%Y-%m-%dT%H:%MZ), TENANT_UPGRADE_WHILE_SERVING=${TENANT_UPGRADE_WHILE_SERVING:-true}, load average $(cut -d' ' -f1-3 /proc/loadavg)) | |
|---|---|
| node's "Startup completed in" | $(grep -o 'Startup completed in [0-9]*ms' "$WORK/node.log" | grep -o '[0-9]*') ms |
| node's schema check | $(grep -o 'Tenant schemas checked: .*' "$WORK/node.log" | tail -1) |
| first \`/health/liveness\` 200 after launch | ${first_live:-never} s |
| first 200 of the root's home (current schema) | ${first_root:-never} s |
| \`/health\` UP (every schema current) | $ready s |
| members' homes (in the page cache) while polled, $SAMPLE members | $(summary 2) |
| members' searches (never cached) while polled | $(summary 4) |

Each round of polls (seconds after launch: the sample's homes and searches by status):

$(awk '{ k = $1; r[k] = 1; h[k, $3]++; l[k, $5]++ } END { for (k in r) printf "    %6s s  homes %d× 200 %d× 503   searches %d× 200 %d× 503\n", k, h[k, 200], h[k, 503], l[k, 200], l[k, 503] }' "$WORK/polls.txt" | sort -n -k1)
REPORT
