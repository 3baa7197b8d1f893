#!/usr/bin/env bash
# Three platform nodes behind HAProxy on one machine (issue 15 point 3). Starts three nodes on one
# PostgreSQL database and one Redis (ports 8301–8303, a database of its own with the ministry, four member
# portals and the demo content of MOST and NAFOSTED), HAProxy in front on 8300 (round robin, health check on
# /health, Host passed through, no sticky cookie: staff sessions live in Redis), and proves:
#   (a) a staff session made through the balancer survives the node that made it being killed (SIGKILL);
#   (b) a publication on node A is served fresh by node B within 1 s (registry poll every 10 minutes, so only
#       the Redis nudge can do it; the delay is measured);
#   (c) each one-node scheduled job ran once per slot across the nodes (platform.job_claims over a window);
#   (d) a Gatling run through the balancer with one node killed midway: failed public requests before and
#       after HAProxy's health check took it out;
#   (e) graceful drain: SIGTERM to a node under load, failed requests counted.
# Writes a Markdown report to load-tests/nodes/reports/nodes-<UTC>.md. Bounded (about 10 minutes at most:
# each wait has a deadline); everything it starts is stopped when it ends, however it ends. Traffic goes to
# 127.0.0.1 only.
#
#   mvn -B -q -o -pl platform -am package -DskipTests     # the jar, once
#   load-tests/nodes/run-three-nodes.sh
#   USERS=24 load-tests/nodes/run-three-nodes.sh
#
# Needs: haproxy (Debian package), PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and Redis on
# 127.0.0.1:6379 (the machine's own; this script uses database cong_nodes and the Redis prefix cong:nodes:
# only), curl, python3, Maven (Gatling).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
LB_PORT=${LB_PORT:-8300}
STATS_PORT=${STATS_PORT:-8309}
USERS=${USERS:-6}               # Gatling readers in (d) and (e)
JAR=${JAR:-$REPO/platform/target/cong-platform.jar}
DB=${DB:-cong_nodes}
REDIS_PREFIX=cong:nodes:
PUBLIC_PORT=$LB_PORT
BASE=most.localhost
WORK=$(mktemp -d /tmp/cong-nodes.XXXXXX)
REPORT=${REPORT:-$HERE/reports/nodes-$(date -u +%Y%m%dT%H%M%SZ).md}
LB=http://127.0.0.1:$LB_PORT
STAFF_HOST=nafosted.$BASE
LABEL=$(git -C "$REPO" rev-parse --abbrev-ref HEAD 2>/dev/null || echo run)@$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')
START=$(date +%s)
# shellcheck source=nodes-lib.sh
source "$HERE/nodes-lib.sh"

command -v haproxy >/dev/null || { echo "haproxy not installed (apt-get install haproxy)"; exit 2; }
[ -f "$JAR" ] || { echo "No $JAR: run mvn -B -q -o -pl platform -am package -DskipTests first"; exit 2; }
for port in "$LB_PORT" 8301 8302 8303 "$STATS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken"; exit 2; fi
done
mkdir -p "$(dirname "$REPORT")" "$WORK/media" "$WORK/backups"
EVENTS=$WORK/events.log
mark() { echo "$(now_ms) $*" >> "$EVENTS"; echo "[$(date -u +%H:%M:%S)] $*"; }
elapsed() { echo $(( $(date +%s) - START )); }

cleanup() {
  set +e
  [ -n "${GATLING_PID:-}" ] && kill -- -"$GATLING_PID" 2>/dev/null
  [ -n "${WATCH_PID:-}" ] && kill "$WATCH_PID" 2>/dev/null
  [ -n "${HAPROXY_PID:-}" ] && kill "$HAPROXY_PID" 2>/dev/null
  stop_nodes
  echo "work files (node logs, haproxy.log) kept in $WORK"
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------------- nodes
mark setup.start
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
fresh_database
demo_tenants "$WORK/tenants"
# scheduled jobs every 5 s (instead of 30 s) so a short window holds many slots; the registry poll every
# 10 minutes, so only the Redis nudge can refresh another node within the run
JOBS=(-Dcong.registry.poll-interval=10m -Dcong.maintenance.scheduler.interval=5s -Dcong.workflow.scheduler.interval=5s
      -Dcong.outbox.interval=5s)
# node-a onboards the tenants and loads the demo; the others start on the finished database
start_node node-a 8301 "$WORK/node-a.log" "${JOBS[@]}"
wait_healthy node-a 400
for _ in $(seq 1 400); do grep -q "Demo content for nafosted" "$WORK/node-a.log" && break; sleep 1; done
grep -q "Demo content for nafosted" "$WORK/node-a.log" || { echo "demo content not loaded in time"; exit 1; }
mark node-a.ready
TENANTS_FOR_NODE="" start_node node-b 8302 "$WORK/node-b.log" "${JOBS[@]}" -Dcong.demo.enabled=false
TENANTS_FOR_NODE="" start_node node-c 8303 "$WORK/node-c.log" "${JOBS[@]}" -Dcong.demo.enabled=false
wait_healthy node-b 300
wait_healthy node-c 300
mark nodes.ready

# ----------------------------------------------------------------------------------------- HAProxy
cat > "$WORK/haproxy.cfg" <<EOF
global
    maxconn 4096
    log stderr format raw local0
defaults
    mode http
    log global
    # one line per request: accept time (epoch s.ms), node, status, method, path
    log-format "%Ts.%ms %s %ST %HM %HU"
    option forwardfor
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    # a busy node may take a few seconds to answer /health: a slow answer is not a dead node
    timeout check 5s
    # a request the node refused or dropped unanswered goes to another node
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
frontend public
    bind 127.0.0.1:$LB_PORT
    default_backend cong
backend cong
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health ver HTTP/1.1 hdr Host localhost
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2
    server node-a 127.0.0.1:8301
    server node-b 127.0.0.1:8302
    server node-c 127.0.0.1:8303
listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /
EOF
haproxy -f "$WORK/haproxy.cfg" -db 2>"$WORK/haproxy.log" &
HAPROXY_PID=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$STATS_PORT/" && break; sleep 0.1; done
# the balancer's view of each node, every 200 ms: "epoch_ms node status" on each change
( declare -A last
  while true; do
    while IFS=, read -r px sv _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ st _; do
      [ "$px" = cong ] || continue
      case "$sv" in node-*) ;; *) continue ;; esac
      if [ "${last[$sv]:-}" != "$st" ]; then echo "$(now_ms) $sv ${st// /_}" >> "$WORK/states.log"; last[$sv]=$st; fi
    done < <(curl -s -m 1 "http://127.0.0.1:$STATS_PORT/;csv" 2>/dev/null)
    sleep 0.2
  done ) &
WATCH_PID=$!
for _ in $(seq 1 100); do [ "$(cat "$WORK/states.log" 2>/dev/null | grep -c ' UP$' || true)" -ge 3 ] && break; sleep 0.2; done
mark haproxy.ready
JOBS_FROM=$(psql_q "SELECT now()")

# -------------------------------------------------------------- (b) publication on A, fresh on B
EDITOR_TOKEN=$(api_token http://127.0.0.1:8301 "$STAFF_HOST" nafosted bientap)
[ -n "$EDITOR_TOKEN" ] || { echo "could not issue an API token for nafosted's editor"; exit 1; }
read -r SECTION_ID SECTION_SLUG < <(psql_q "SELECT id, slug FROM t_nafosted.sections WHERE slug = 'tin-hoat-dong'" | tr '|' ' ')
B_ROWS=()
for round in 1 2 3 4 5; do
  title="Tin thử nhiều nút $round lúc $(date -u +%H%M%S)"
  page_b() { curl -s -m 30 -H "Host: $STAFF_HOST" "http://127.0.0.1:8302/chuyen-muc/$SECTION_SLUG" || true; }
  page_b >/dev/null; before=$(page_b | grep -c "$title" || true)      # B has the section page cached
  t0=$(now_ms)
  status=$(publish_article http://127.0.0.1:8301 "$STAFF_HOST" "$EDITOR_TOKEN" "$SECTION_ID" "$title")
  t1=$(now_ms); seen=""
  while [ $(( $(now_ms) - t1 )) -lt 15000 ]; do
    if page_b | grep -q "$title"; then seen=$(now_ms); break; fi
    sleep 0.02
  done
  delay=$([ -n "$seen" ] && echo $(( seen - t1 )) || echo "not within 15 s")
  B_ROWS+=("| $round | $status | $before | $(( t1 - t0 )) | $delay |")
  mark "b.round$round publish=$status delay_ms=$delay"
done

# ------------------------------------------------------ (a) staff session survives its node's death
ADMIN_PASSWORD=$(grep -A3 '^admin:' "$WORK/tenants/nafosted.yaml" | sed -n 's/.*password: *//p')
STAFF_JAR=$WORK/staff.jar
page=$WORK/login-page.html
curl -s -m 30 -c "$STAFF_JAR" -b "$STAFF_JAR" -H "Host: $STAFF_HOST" "$LB/quan-tri/dang-nhap" -o "$page" || true
A_LOGIN=$(curl -s -m 30 -c "$STAFF_JAR" -b "$STAFF_JAR" -H "Host: $STAFF_HOST" -H "Origin: http://$STAFF_HOST" -D "$WORK/login.headers" \
  -o /dev/null -w '%{http_code}' --data-urlencode username=quantri --data-urlencode "password=$ADMIN_PASSWORD" \
  --data-urlencode "csrfToken=$(token_of "$page")" "$LB/quan-tri/dang-nhap" || echo 000)
A_NODE=$(grep -i '^x-cong-node:' "$WORK/login.headers" | tr -d '\r' | awk '{print $2}')
staff_page() { # $1 file for headers; prints status and whether the page is the signed-in dashboard
  curl -s -m 30 -b "$STAFF_JAR" -c "$STAFF_JAR" -H "Host: $STAFF_HOST" -D "$1" -o "$1.html" -w '%{http_code}' "$LB/quan-tri"
  grep -q 'action="/quan-tri/dang-xuat"' "$1.html" && echo " signed-in" || echo " NOT-signed-in"
}
A_BEFORE=$(staff_page "$WORK/a-before")
mark "a.login status=$A_LOGIN node=$A_NODE before=$A_BEFORE"
[ -n "$A_NODE" ] && [ -n "${NODE_PIDS[$A_NODE]:-}" ] || { echo "no X-Cong-Node on the login answer"; exit 1; }
kill -9 "${NODE_PIDS[$A_NODE]}"; wait "${NODE_PIDS[$A_NODE]}" 2>/dev/null || true
mark "a.killed $A_NODE"
A_AFTER=$(staff_page "$WORK/a-after")
A_AFTER_NODE=$(grep -i '^x-cong-node:' "$WORK/a-after" | tr -d '\r' | awk '{print $2}')
A_AFTER2=$(staff_page "$WORK/a-after2")
A_AFTER2_NODE=$(grep -i '^x-cong-node:' "$WORK/a-after2" | tr -d '\r' | awk '{print $2}')
mark "a.after status=$A_AFTER node=$A_AFTER_NODE; again $A_AFTER2 node=$A_AFTER2_NODE"
JOBS_TO=$(psql_q "SELECT now()")
# the killed node comes back (needed for (e)); B and C do not onboard or load the demo again
TENANTS_FOR_NODE="" start_node "$A_NODE" "${NODE_PORTS[$A_NODE]}" "$WORK/$A_NODE.restart.log" "${JOBS[@]}" -Dcong.demo.enabled=false

# ------------------------------------------------------------------- (c) each job once per slot
psql_q "SELECT job, count(*), count(DISTINCT slot), string_agg(DISTINCT node, ' '), count(*) FILTER (WHERE finished_at IS NULL),
               min(slot), max(slot)
        FROM platform.job_claims WHERE claimed_at BETWEEN '$JOBS_FROM' AND '$JOBS_TO' GROUP BY job ORDER BY job" > "$WORK/claims.txt"
psql_q "SELECT job, node, count(*) FROM platform.job_claims WHERE claimed_at BETWEEN '$JOBS_FROM' AND '$JOBS_TO'
        GROUP BY 1, 2 ORDER BY 1, 2" > "$WORK/claims-per-node.txt"
C_WINDOW=$(psql_q "SELECT round(extract(epoch FROM '$JOBS_TO'::timestamptz - '$JOBS_FROM'::timestamptz))")
C_FAILED=$(cat "$WORK"/node-*.log | grep -c "Job .* failed" || true)

# ----------------------------------------------------------------- Gatling through the balancer
run_gatling() { # $1 name, $2 seconds; starts in the background and waits until the simulation runs
  ( cd "$REPO" && exec setsid mvn -B -q -pl load-tests gatling:test -Dsimulation=vn.cong.load.PortalBrowsingSimulation \
      -Dtarget="$LB" -Dusers="$USERS" -Dduration="$2" -Dscenario=browse -Dbase=$BASE ) >"$WORK/gatling-$1.log" 2>&1 &
  GATLING_PID=$!
  for _ in $(seq 1 600); do grep -q "Simulation .* started" "$WORK/gatling-$1.log" && return 0; sleep 0.5; done
  echo "Gatling did not start: see $WORK/gatling-$1.log"; exit 1
}
gatling_counts() { # total, OK and KO from Gatling's summary ("-" is none)
  grep -m1 '> request count' "$1" | awk -F'|' '{gsub(/[ ,]/, ""); printf "%s requests, %s OK, %s KO ", $2, $3, $4}' || true
}
wait_gatling() { wait "$GATLING_PID" 2>/dev/null || true; GATLING_PID=""; }

# (d) one node killed midway
VICTIM=node-c; [ "$A_NODE" = node-c ] && VICTIM=node-b
run_gatling kill 60
mark d.gatling-started
sleep 20
D_KILL=$(now_ms)
kill -9 "${NODE_PIDS[$VICTIM]}"; wait "${NODE_PIDS[$VICTIM]}" 2>/dev/null || true
mark "d.killed $VICTIM"
# when the balancer takes it out (its status column reads DOWN)
D_DOWN=""
while [ $(( $(now_ms) - D_KILL )) -lt 30000 ]; do
  if curl -s -m 1 "http://127.0.0.1:$STATS_PORT/;csv" | awk -F, -v n="$VICTIM" '$1 == "cong" && $2 == n {print $18}' | grep -q '^DOWN'; then
    D_DOWN=$(now_ms); break
  fi
  sleep 0.05
done
mark "d.marked-down $VICTIM"
wait_gatling
mark d.gatling-done

# (e) graceful drain: SIGTERM a node under load (the restarted one has to be in the pool first)
wait_healthy "$A_NODE" 200
for _ in $(seq 1 50); do tail -1 <(grep " $A_NODE " "$WORK/states.log") | grep -q ' UP$' && break; sleep 0.2; done
# the node never killed so far; the restarted one stays to serve
for n in node-a node-b node-c; do [ "$n" != "$A_NODE" ] && [ "$n" != "$VICTIM" ] && DRAINED=$n; done
run_gatling drain 40
mark e.gatling-started
sleep 15
E_TERM=$(now_ms)
kill -TERM "${NODE_PIDS[$DRAINED]}"
mark "e.sigterm $DRAINED"
wait "${NODE_PIDS[$DRAINED]}" 2>/dev/null || true
E_EXIT=$(now_ms)
mark "e.exited $DRAINED"
wait_gatling
mark e.gatling-done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------------------------------ report
count_5xx() { # $1 from ms, $2 to ms: answers >= 500 the balancer gave (node failures and no node at all)
  awk -v a="$1" -v b="$2" '$1 ~ /^[0-9]+\.[0-9]+$/ { split($1, t, "."); ms = t[1] * 1000 + t[2]; if (ms >= a && ms < b) { n++; if ($3 >= 500) f++ } }
       END { printf "%d of %d", f + 0, n + 0 }' "$WORK/haproxy.log"
}
END_MS=$(now_ms)
D_START=$(awk '$2 == "d.gatling-started" {print $1}' "$EVENTS")
D_END=$(awk '$2 == "d.gatling-done" {print $1}' "$EVENTS")
E_START=$(awk '$2 == "e.gatling-started" {print $1}' "$EVENTS")
E_END=$(awk '$2 == "e.gatling-done" {print $1}' "$EVENTS")
{
  echo "# Three nodes behind HAProxy — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Build \`$LABEL\`; three nodes (8301–8303) on database \`$DB\` and Redis prefix \`$REDIS_PREFIX\`, HAProxy $(haproxy -v | head -1 | awk '{print $3}') on $LB_PORT"
  echo "(round robin, \`/health\` every 1 s with 5 s to answer, down after 2 failures, retry on refused or dropped connections, no sticky cookie)."
  echo "Whole run: $(elapsed) s. Load average before: $LOAD_BEFORE, after: $LOAD_AFTER (a 2-core machine shared with other work:"
  echo "times are this run's, not a benchmark). Work files: \`$WORK\`."
  echo
  echo "## (a) A staff session survives the death of the node that made it"
  echo
  echo "| Step | Answer |"
  echo "|---|---|"
  echo "| Login POST through the balancer (nafosted, quantri) | $A_LOGIN, made on **$A_NODE** |"
  echo "| \`/quan-tri\` before the kill | $A_BEFORE |"
  echo "| \`kill -9\` $A_NODE, then \`/quan-tri\` through the balancer | $A_AFTER, answered by $A_AFTER_NODE |"
  echo "| \`/quan-tri\` once more | $A_AFTER2, answered by $A_AFTER2_NODE |"
  echo
  echo "## (b) A publication on node A is served fresh by node B (registry poll every 10 min)"
  echo
  echo "Each round: node B's section page \`/chuyen-muc/$SECTION_SLUG\` (nafosted) is cached, an editor's article is created,"
  echo "submitted, taken, sent and published through the workflow API on node A (8301); node B (8302) is then read every 20 ms."
  echo
  echo "| Round | Publish answer | Title on B before | Workflow calls on A (ms) | On B after the publish answered (ms) |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${B_ROWS[@]}"
  echo
  echo "## (c) Each scheduled job ran once per slot across the nodes"
  echo
  echo "Window of $C_WINDOW s with all three nodes up (jobs every 5 s here). \`platform.job_claims\` has one row per job and slot"
  echo "(primary key): the node whose claim committed ran it; every node ticks every job (each node's log: \"Job … on one node\""
  echo "$(grep -l 'Job outbox every' "$WORK"/node-[abc].log | wc -l) of 3 logs), the others' claims for the slot found it taken. Each node ticks with"
  echo "a fixed delay from its own start, so the node whose tick falls first in the 5 s slot tends to win every slot."
  echo
  echo "| Job | Claims | Distinct slots | Nodes that ran it | Unfinished | First slot | Last slot |"
  echo "|---|---|---|---|---|---|---|"
  sed 's/|/ | /g; s/^/| /; s/$/ |/' "$WORK/claims.txt"
  echo
  echo "Per node: $(awk -F'|' '{printf "%s %s %s; ", $1, $2, $3}' "$WORK/claims-per-node.txt")"
  echo
  echo "\"Job … failed\" lines in the node logs: $C_FAILED."
  echo
  echo "## (d) Gatling through the balancer, one node killed midway"
  echo
  echo "$USERS readers browsing five portals for 60 s; \`kill -9\` $VICTIM 20 s in. HAProxy marked it DOWN"
  echo "$([ -n "$D_DOWN" ] && echo "$(( D_DOWN - D_KILL )) ms after the kill" || echo "— not seen —")."
  echo
  echo "| Period | Answers ≥ 500 from the balancer |"
  echo "|---|---|"
  echo "| Before the kill | $(count_5xx "$D_START" "$D_KILL") |"
  echo "| Kill → marked DOWN | $(count_5xx "$D_KILL" "${D_DOWN:-$D_END}") |"
  echo "| After DOWN | $(count_5xx "${D_DOWN:-$D_END}" "$D_END") |"
  echo
  echo "Gatling's own count: $(gatling_counts "$WORK/gatling-kill.log")(KO = failed requests). Report: $(grep -o 'file:[^ ]*index.html' "$WORK/gatling-kill.log" | tail -1)"
  echo
  echo "## (e) Graceful drain: SIGTERM under load"
  echo
  echo "$USERS readers for 40 s; SIGTERM to $DRAINED 15 s in; it exited $(( E_EXIT - E_TERM )) ms later"
  echo "(\`micronaut.lifecycle.graceful-shutdown\`, grace period 20 s)."
  echo
  echo "| Period | Answers ≥ 500 from the balancer |"
  echo "|---|---|"
  echo "| Before SIGTERM | $(count_5xx "$E_START" "$E_TERM") |"
  echo "| SIGTERM → exit | $(count_5xx "$E_TERM" "$E_EXIT") |"
  echo "| After exit | $(count_5xx "$E_EXIT" "$E_END") |"
  echo
  echo "Gatling's own count: $(gatling_counts "$WORK/gatling-drain.log")(KO = failed requests)."
  echo
  echo "## Balancer's view of the nodes"
  echo
  echo '```'
  awk -v s="$(head -1 "$EVENTS" | cut -d' ' -f1)" '{printf "+%6.1f s  %s %s\n", ($1 - s) / 1000, $2, $3}' "$WORK/states.log"
  echo '```'
  echo
  echo "## Events"
  echo
  echo '```'
  awk -v s="$(head -1 "$EVENTS" | cut -d' ' -f1)" '{t = $1; $1 = ""; printf "+%6.1f s %s\n", (t - s) / 1000, $0}' "$EVENTS"
  echo '```'
} > "$REPORT"
cat "$REPORT"
echo "report: $REPORT"
