#!/usr/bin/env bash
# Readers with and without publishing load (issue 15 point 1, the Gatling scenario for operators). Starts one
# platform node of its own (port 8310, database cong_publishing, Redis prefix cong:publishing:) with the
# ministry, four member portals and the MOST and NAFOSTED demo content, has the NAFOSTED and NASATI admins issue
# workflow API tokens to an editor each (the staff screen /quan-tri/ma-api), then runs
# vn.cong.load.PublishingUnderLoadSimulation twice for DURATION seconds:
#   1. readers only (home, a section, an article, the legal documents list, a search, over five portals);
#   2. the same readers while the two editors each publish an article every PUBLISH_EVERY seconds through
#      the workflow API (create, submit, take, send, publish).
# Prints the readers' p99 per request in both phases, writes them to load-tests/gatling/reports/publishing-<UTC>.md,
# and says where Gatling's HTML reports landed. Everything it starts is stopped when it ends.
#
#   mvn -B -q -o -pl platform -am package -DskipTests     # the jar, once
#   load-tests/gatling/run-publishing.sh
#   USERS=32 DURATION=90 PUBLISH_EVERY=3 TARGET=http://127.0.0.1:8080 load-tests/gatling/run-publishing.sh
# With TARGET set no node is started: the platform there must have the demo tenants, and ADMIN_PASSWORDS are
# read from tenants/<code>.yaml as in the repository.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PORT=${PORT:-8310}
USERS=${USERS:-8}
DURATION=${DURATION:-60}
PUBLISH_EVERY=${PUBLISH_EVERY:-5}
JAR=${JAR:-$REPO/platform/target/cong-platform.jar}
DB=${DB:-cong_publishing}
REDIS_PREFIX=cong:publishing:
PUBLIC_PORT=$PORT
BASE=most.localhost
HOSTS=www,nafosted,nasati,noip,vinatom
WORK=$(mktemp -d /tmp/cong-publishing.XXXXXX)
REPORT=${REPORT:-$HERE/reports/publishing-$(date -u +%Y%m%dT%H%M%SZ).md}
LABEL=$(git -C "$REPO" rev-parse --abbrev-ref HEAD 2>/dev/null || echo run)@$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')
# shellcheck source=../nodes/nodes-lib.sh
source "$REPO/load-tests/nodes/nodes-lib.sh"
mkdir -p "$(dirname "$REPORT")" "$WORK/media" "$WORK/backups"
cleanup() {
  set +e
  [ -n "${GATLING_PID:-}" ] && kill -- -"$GATLING_PID" 2>/dev/null
  stop_nodes
  echo "work files kept in $WORK"
}
trap cleanup EXIT

demo_tenants "$WORK/tenants"
if [ -z "${TARGET:-}" ]; then
  [ -f "$JAR" ] || { echo "No $JAR: run mvn -B -q -o -pl platform -am package -DskipTests first"; exit 2; }
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is taken"; exit 2; fi
  fresh_database
  echo "[$(date -u +%H:%M:%S)] starting a node on $PORT (onboarding five portals and the demo: a minute or more)"
  start_node node-p "$PORT" "$WORK/node.log"
  wait_healthy node-p 400
  for _ in $(seq 1 400); do grep -q "Demo content for nafosted" "$WORK/node.log" && break; sleep 1; done
  grep -q "Demo content for nafosted" "$WORK/node.log" || { echo "demo content not loaded in time: see $WORK/node.log"; exit 1; }
  TARGET=http://127.0.0.1:$PORT
fi

editor() { # CODE HOST SECTION_SLUG USERNAME: host|token|section id of the portal's editor
  local token section
  token=$(api_token "$TARGET" "$2" "$1" "$4")
  section=$(psql_q "SELECT id FROM t_$1.sections WHERE slug = '$3'")
  [ -n "$token" ] && [ -n "$section" ] || { echo "no editor token or section for $1" >&2; exit 1; }
  echo "$2|$token|$section"
}
# NAFOSTED's demo editor; NASATI has no demo staff, so its admin adds one (both portals' workflow lets an editor
# publish a routine item; MOST's needs approvals)
case "$(editor_account "$TARGET" "nasati.$BASE" nasati bientap-thu-tai)" in 201|303) ;; *) echo "could not add NASATI's editor"; exit 1 ;; esac
EDITORS="$(editor nafosted "nafosted.$BASE" tin-hoat-dong bientap),$(editor nasati "nasati.$BASE" tin-hoat-dong bientap-thu-tai)"

phase() { # $1 name, $2 editors ("" for none); prints the report folder
  echo "[$(date -u +%H:%M:%S)] phase $1: $USERS readers for $DURATION s$([ -n "$2" ] && echo ", 2 editors publishing every $PUBLISH_EVERY s")" >&2
  ( cd "$REPO" && exec setsid mvn -B -q -pl load-tests gatling:test -Dsimulation=vn.cong.load.PublishingUnderLoadSimulation \
      -Dtarget="$TARGET" -Dusers="$USERS" -Dduration="$DURATION" -Dhosts=$HOSTS -Dbase=$BASE \
      -Deditors="$2" -DpublishEvery="$PUBLISH_EVERY" ) >"$WORK/gatling-$1.log" 2>&1 &
  GATLING_PID=$!
  wait "$GATLING_PID" || true
  GATLING_PID=""
  local index
  index=$(grep -o 'file://[^ ]*index.html' "$WORK/gatling-$1.log" | tail -1 | sed 's|^file://||')
  [ -n "$index" ] || { echo "Gatling wrote no report: see $WORK/gatling-$1.log" >&2; exit 1; }
  echo "$index"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
QUIET=$(phase readers "")
BUSY=$(phase publishing "$EDITORS")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
PUBLISHED=$(psql_q "SELECT (SELECT count(*) FROM t_nasati.content_items WHERE title LIKE 'Tin thử tải số%' AND state = 'published')
                         + (SELECT count(*) FROM t_nafosted.content_items WHERE title LIKE 'Tin thử tải số%' AND state = 'published')" 2>/dev/null || echo '?')

python3 "$HERE/report-p99.py" "$QUIET" > "$WORK/quiet.txt"
python3 "$HERE/report-p99.py" "$BUSY" > "$WORK/busy.txt"
{
  echo "# Readers with and without publishing — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Build \`$LABEL\`, target $TARGET; $USERS readers for $DURATION s over $HOSTS (.$BASE): home, a section, an article,"
  echo "\`/van-ban\`, a search. With publishing: an editor of NAFOSTED and one of NASATI each publish an article every $PUBLISH_EVERY s"
  echo "through the workflow API ($PUBLISHED articles published in both phases together, i.e. in the second). Load average before: $LOAD_BEFORE, after: $LOAD_AFTER —"
  echo "one 2-core machine, shared with other work during the run: compare the two phases, not the absolute times."
  echo
  echo "| Request | Readers only: count | p50 ms | **p99 ms** | Failed | With publishing: count | p50 ms | **p99 ms** | Failed |"
  echo "|---|---|---|---|---|---|---|---|---|"
  join -t'|' -a2 -e- -o '0,1.2,1.4,1.5,1.3,2.2,2.4,2.5,2.3' <(sort -t'|' -k1,1 "$WORK/quiet.txt") <(sort -t'|' -k1,1 "$WORK/busy.txt") \
    | sed 's/|/ | /g; s/^/| /; s/$/ |/'
  echo
  echo "Gatling's HTML reports: readers only \`$QUIET\`; with publishing \`$BUSY\`."
} > "$REPORT"
cat "$REPORT"
echo
echo "Gatling HTML reports:"
echo "  readers only:    $QUIET"
echo "  with publishing: $BUSY"
echo "report: $REPORT"
