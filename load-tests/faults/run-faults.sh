#!/usr/bin/env bash
# Faults under load (issue 16 item 7). With a Gatling public-browsing run going and a staff writer
# saving article drafts, this script
#   (a) restarts PostgreSQL (an immediate stop: a crash as far as the server is concerned),
#   (b) stops Redis and starts it again,
#   (c) fills the backup disk (a small tmpfs) and asks for a backup,
#   (d) starts the platform with no pg_dump on its PATH,
# then compares every write the platform acknowledged with the database, and writes a report of the
# answers seen during each fault and the time to recover.
#
# It never touches the machine's own services: it starts its own PostgreSQL (port 5434, data in a
# temporary folder), its own Redis (port 6380) and the platform on its own port, and sends traffic to
# 127.0.0.1 only. Everything it starts is stopped when it ends, however it ends.
#
#   load-tests/faults/run-faults.sh                 # build the jar first: mvn -B -q -o install -DskipTests
#   USERS=8 OUTAGE=10 load-tests/faults/run-faults.sh
#
# Needs: PostgreSQL server binaries (initdb, pg_ctl), redis-server, curl, python3, Maven (Gatling).
# Run as root (PostgreSQL runs as the postgres user; the full disk is a tmpfs mount) or as postgres
# (then (c) is skipped unless the mount works).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PG_PORT=${PG_PORT:-5434}
REDIS_PORT=${REDIS_PORT:-6380}
APP_PORT=${APP_PORT:-8097}
HOOK_PORT=${HOOK_PORT:-8098}
USERS=${USERS:-8}              # Gatling readers
OUTAGE=${OUTAGE:-10}           # seconds each service stays down
SETTLE=${SETTLE:-25}           # seconds of load before, between and after the faults
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
JAR=${JAR:-$REPO/platform/target/cong-platform.jar}
LABEL=${LABEL:-$(git -C "$REPO" rev-parse --abbrev-ref HEAD 2>/dev/null || echo run)@$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')}
WORK=$(mktemp -d /tmp/cong-faults.XXXXXX)
REPORT=${REPORT:-$HERE/reports/faults-$(date -u +%Y%m%dT%H%M%SZ).md}
BASE=most.localhost
WRITER_HOST=nafosted.$BASE
DB=cong_faults
OPERATOR=vanhanh
OPERATOR_PASSWORD=Faults-VanHanh-2026-x7
WRITER_USER=ghi-thu-tai
WRITER_PASSWORD=Ghi-Thu-Tai-Loi-2026-q4

[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries not found (set PG_BIN)"; exit 2; }
[ -f "$JAR" ] || { echo "No $JAR: run mvn -B -q -o install -DskipTests first"; exit 2; }
for port in "$PG_PORT" "$REDIS_PORT" "$APP_PORT" "$HOOK_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken"; exit 2; fi
done
chmod 755 "$WORK"
mkdir -p "$(dirname "$REPORT")"
if [ "$(id -u)" = 0 ]; then AS_PG=(runuser -u postgres --); else AS_PG=(); fi
EVENTS=$WORK/events.log      # epoch_ms event
now_ms() { date +%s%3N; }
mark() { echo "$(now_ms) $*" >> "$EVENTS"; echo "[$(date -u +%H:%M:%S)] $*"; }

# ---------------------------------------------------------------------------------------- clean-up
PIDS=()
cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "${GATLING_PID:-}" ] && kill -- -"$GATLING_PID" 2>/dev/null
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
  [ -f "$WORK/pg/postmaster.pid" ] && "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
  mountpoint -q "$WORK/backups" && umount "$WORK/backups"
  echo "work files kept in $WORK"
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------ own services
mark setup.start
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$WORK/pg" "$WORK/pgrun" "$WORK/backups" "$WORK/media"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/pgrun"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
pg_start() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/pg.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pgrun -c max_connections=60" start >/dev/null
}
pg_start
redis_start() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK" --dbfilename redis.rdb --save "" --appendonly no \
    --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
}
redis_start
# the backup disk: 64 MB of tmpfs, filled by hand for fault (c)
FULL_DISK=no
if mount -t tmpfs -o size=64m tmpfs "$WORK/backups" 2>/dev/null; then FULL_DISK=yes; fi

# alert webhook: every POST body on one line
python3 - "$HOOK_PORT" "$WORK/alerts.log" <<'PY' &
import http.server, sys
port, out = int(sys.argv[1]), sys.argv[2]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0))).decode()
        with open(out, 'a') as f: f.write(body.replace('\n', ' ') + '\n')
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(('127.0.0.1', port), Hook).serve_forever()
PY
PIDS+=($!)

HASH=$(printf "%s\n" "$OPERATOR_PASSWORD" | java -jar "$JAR" hash-password 2>/dev/null | tail -1)
start_app() { # $1: log file, $2: PATH for the platform
  env PATH="$2" PORT="$APP_PORT" java -Xmx768m \
    -Dcong.database.port="$PG_PORT" -Dcong.database.name="$DB" -Dredis.uri="redis://127.0.0.1:$REDIS_PORT" \
    -Dcong.redis.prefix=cong:faults: -Dcong.tenants-dir="$REPO/tenants" -Dcong.base-domain=$BASE \
    -Dcong.backup.root="$WORK/backups" -Dcong.media.root="$WORK/media" -Dcong.backup.scheduler.enabled=false \
    -Dcong.uptime.enabled=false -Dcong.uptime.probe-linked-sites=false -Dcong.integrity.enabled=false \
    -Dcong.operator.username=$OPERATOR -Dcong.operator.password-hash="$HASH" \
    -Dcong.alerts.webhook-url="http://127.0.0.1:$HOOK_PORT/alert" \
    -jar "$JAR" >"$1" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: www.$BASE" "http://127.0.0.1:$APP_PORT/")" = 200 ] && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the platform did not start: see $1"; exit 1; }
    sleep 0.5
  done
  echo "the platform did not answer in 300 s: see $1"; exit 1
}
start_app "$WORK/app.log" "$PATH"
mark setup.platform-up

psql_q() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -Atc "$1"; }
URL="http://127.0.0.1:$APP_PORT"
token_of() { grep -o 'name="csrfToken"[^>]*value="[^"]*"' "$1" | head -1 | sed 's/.*value="\([^"]*\)".*/\1/'; }
login() { # $1 cookie jar, $2 user, $3 password; prints the HTTP status of the login POST
  local page=$WORK/login.$$.$RANDOM.html
  curl -s -m 10 -c "$1" -b "$1" -H "Host: $WRITER_HOST" "$URL/quan-tri/dang-nhap" -o "$page" || true
  curl -s -m 10 -c "$1" -b "$1" -H "Host: $WRITER_HOST" -H "Origin: http://$WRITER_HOST" -o /dev/null -w '%{http_code}' \
    --data-urlencode "username=$2" --data-urlencode "password=$3" --data-urlencode "csrfToken=$(token_of "$page")" \
    "$URL/quan-tri/dang-nhap" || echo 000
  rm -f "$page"
}
ADMIN_PASSWORD=$(grep -A3 '^admin:' "$REPO/tenants/nafosted.yaml" | sed -n 's/.*password: *//p')
[ "$(login "$WORK/admin.jar" quantri "$ADMIN_PASSWORD")" = 303 ] || { echo "admin login failed"; exit 1; }
curl -s -c "$WORK/admin.jar" -b "$WORK/admin.jar" -H "Host: $WRITER_HOST" "$URL/quan-tri/tai-khoan/moi" -o "$WORK/new-account.html"
created=$(curl -s -c "$WORK/admin.jar" -b "$WORK/admin.jar" -H "Host: $WRITER_HOST" -H "Origin: http://$WRITER_HOST" -o /dev/null -w '%{http_code}' \
  --data-urlencode "username=$WRITER_USER" --data-urlencode "fullName=Người ghi thử tải" --data-urlencode "email=ghi-thu@nafosted.gov.vn" \
  --data-urlencode "roles=editor" --data-urlencode "passwordMode=password" --data-urlencode "password=$WRITER_PASSWORD" \
  --data-urlencode "csrfToken=$(token_of "$WORK/new-account.html")" "$URL/quan-tri/tai-khoan")
case "$created" in 201|303) ;; *) echo "could not create the writer account ($created)"; exit 1 ;; esac
SECTION=$(psql_q "SELECT min(id) FROM t_nafosted.sections")
mark setup.done

# ----------------------------------------------------------------------------------- writer, probes
# The writer saves one article draft after another through the staff area and logs every answer:
#   epoch_ms n status [id]    (303 to the edit page = acknowledged, with the new item's id)
writer() {
  local jar=$WORK/writer.jar n=0 out=$WORK/writes.log
  login "$jar" "$WRITER_USER" "$WRITER_PASSWORD" >/dev/null
  while [ ! -f "$WORK/stop" ]; do
    n=$((n + 1))
    local form=$WORK/form.html status location
    status=$(curl -s -m 10 -c "$jar" -b "$jar" -H "Host: $WRITER_HOST" -o "$form" -w '%{http_code}' "$URL/quan-tri/bai-viet/moi" || echo 000)
    if [ "$status" = 303 ]; then # the session is gone: log in again (and log that)
      echo "$(now_ms) $n relogin $(login "$jar" "$WRITER_USER" "$WRITER_PASSWORD")" >> "$out"; sleep 0.2; continue
    fi
    if [ "$status" != 200 ]; then echo "$(now_ms) $n form-$status" >> "$out"; sleep 0.2; continue; fi
    read -r status location < <(curl -s -m 10 -c "$jar" -b "$jar" -H "Host: $WRITER_HOST" -H "Origin: http://$WRITER_HOST" \
      -o "$WORK/answer.html" -w '%{http_code} %{redirect_url}\n' \
      --data-urlencode "csrfToken=$(token_of "$form")" --data-urlencode "title=Bài ghi thử lỗi số $n" \
      --data-urlencode "slug=ghi-thu-loi-$n" --data-urlencode "sectionId=$SECTION" --data-urlencode "language=vi" \
      --data-urlencode "summary=Ghi thử trong lúc gây lỗi." --data-urlencode "body=<p>Bản ghi số $n.</p>" \
      --data-urlencode "version=0" "$URL/quan-tri/bai-viet" || echo "000 -")
    local id; id=$(sed -n 's#.*/quan-tri/bai-viet/\([0-9][0-9]*\).*#\1#p' <<<"$location")
    if [ "$status" = 303 ] && [ -n "$id" ]; then echo "$(now_ms) $n ack $id" >> "$out"
    else echo "$(now_ms) $n $status $(grep -o 'Hệ thống[^<]*\|tạm thời[^<]*\|Service Unavailable' "$WORK/answer.html" 2>/dev/null | head -1)" >> "$out"; fi
    sleep 0.2
  done
}
# The probe asks, every 250 ms and all at once (each answer logged with the time it came back): a cached public page, a page that needs the database
# (an article that does not exist: a new address each time, answered 404 from the database), the
# login form (needs Redis) and a staff page with a session taken before the faults.
probe() {
  local out=$WORK/probes.log jar=$WORK/probe.jar i=0
  login "$jar" "$WRITER_USER" "$WRITER_PASSWORD" >/dev/null
  while [ ! -f "$WORK/stop" ]; do
    i=$((i + 1))
    { s=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H "Host: www.$BASE" "$URL/"); echo "$(now_ms) cached $s"; } >> "$out" &
    { s=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H "Host: nasati.$BASE" "$URL/bai-viet/chua-co-bai-$i"); echo "$(now_ms) uncached $s"; } >> "$out" &
    { s=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H "Host: noip.$BASE" "$URL/quan-tri/dang-nhap"); echo "$(now_ms) login-form $s"; } >> "$out" &
    { s=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -b "$jar" -H "Host: $WRITER_HOST" "$URL/quan-tri"); echo "$(now_ms) staff-session $s"; } >> "$out" &
    sleep 0.25
    wait
  done
}

# -------------------------------------------------------------------------------------- the run
DURATION=$((SETTLE * 3 + OUTAGE * 2 + 15))
( cd "$REPO" && exec setsid mvn -B -q -o -pl load-tests gatling:test -Dtarget="$URL" -Dusers="$USERS" -Dduration="$DURATION" \
    -Dscenario=browse -Dbase=$BASE ) >"$WORK/gatling.log" 2>&1 &
GATLING_PID=$!
for _ in $(seq 1 600); do grep -q "Simulation .* started" "$WORK/gatling.log" && break; sleep 0.5; done
writer & PIDS+=($!)
probe & PIDS+=($!)
mark load.start
sleep "$SETTLE"

mark a.postgres.down
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null
sleep "$OUTAGE"
pg_start
mark a.postgres.up
sleep "$SETTLE"

mark b.redis.down
redis-cli -p "$REDIS_PORT" shutdown save >/dev/null 2>&1 || true
sleep "$OUTAGE"
redis_start
mark b.redis.up
sleep "$SETTLE"

touch "$WORK/stop"
mark load.writers-stopped
wait "$GATLING_PID" 2>/dev/null || true
GATLING_PID=
mark load.end

# ------------------------------------------------------------------------- (c) the full backup disk
set +e # from here on, a step that fails is reported, not fatal
api() { curl -s -m 20 -u "$OPERATOR:$OPERATOR_PASSWORD" -H "Host: admin.$BASE" "$@"; }
backup_now() { # prints the id of the run it started
  api -X POST "$URL/api/v1/tenants/nafosted/backups" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
backup_outcome() { # waits for the run to end; prints status|verification|error
  for _ in $(seq 1 600); do
    local s; s=$(api "$URL/api/v1/tenants/nafosted/backups/$1" | python3 -c \
      'import json,sys; r=json.load(sys.stdin); print("%s|%s|%s" % (r["status"], r.get("verificationStatus"), (r.get("error") or "").replace("|","/")[:160]))')
    case "$s" in running*) sleep 0.5 ;; *) echo "$s"; return ;; esac
  done
  echo "timeout||"
}
C_RESULT="skipped: could not mount a tmpfs (run as root)"
if [ "$FULL_DISK" = yes ]; then
  mark c.disk.full
  free_kb=$(df -k --output=avail "$WORK/backups" | tail -1)
  dd if=/dev/zero of="$WORK/backups/filler" bs=1k count=$((free_kb - 32)) status=none 2>/dev/null || true
  FULL_ID=$(backup_now)
  FULL_OUTCOME=$(backup_outcome "$FULL_ID")
  FULL_MANIFEST=$(find "$WORK/backups/nafosted" -path "*-$FULL_ID/manifest.json" | wc -l)
  VERIFY_ANSWER=$(api -o /dev/null -w '%{http_code}' -X POST "$URL/api/v1/tenants/nafosted/backups/$FULL_ID/verify")
  rm -f "$WORK/backups/filler"
  mark c.disk.freed
  FREED_ID=$(backup_now)
  FREED_OUTCOME=$(backup_outcome "$FREED_ID")
  api -o /dev/null -X POST "$URL/api/v1/tenants/nafosted/backups/$FREED_ID/verify"
  for _ in $(seq 1 600); do
    FREED_VERIFIED=$(backup_outcome "$FREED_ID" | cut -d'|' -f2); [ "$FREED_VERIFIED" = None ] || break; sleep 0.5
  done
  GOOD_PARTIAL=$(psql_q "SELECT count(*) FROM platform.backup_runs WHERE id = $FULL_ID AND (status = 'succeeded' OR verification_status = 'passed')")
  ALERTED=$(grep -c "\"backup.failed\".*\"backup\":$FULL_ID\|\"backup\":$FULL_ID.*\"backup.failed\"" "$WORK/alerts.log" 2>/dev/null || true)
  C_RESULT="backup #$FULL_ID on the full disk: ${FULL_OUTCOME//|/ · }; manifest files: $FULL_MANIFEST; verify answered HTTP $VERIFY_ANSWER; runs of it marked good: $GOOD_PARTIAL; backup.failed alerts: $ALERTED. After freeing the disk: backup #$FREED_ID ${FREED_OUTCOME%%|*}, verification $FREED_VERIFIED"
fi

# ------------------------------------------------------------------------- (d) no pg_dump on PATH
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
JAVA_DIR=$(dirname "$(readlink -f "$(command -v java)")")
mark d.start-without-pg_dump
start_app "$WORK/app-no-pgdump.log" "$JAVA_DIR"
for _ in $(seq 1 60); do grep -q "BACKUPS:" "$WORK/app-no-pgdump.log" && break; sleep 0.5; done
D_LOG=$(grep -m1 "BACKUPS:" "$WORK/app-no-pgdump.log" | sed 's/.* - //' || echo "(nothing logged)")
D_API=$(api "$URL/api/v1/tenants/nafosted/backups" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("pgDumpProblem"))' 2>/dev/null || echo "?")
C_JAR=$WORK/console.jar
curl -s -c "$C_JAR" -b "$C_JAR" -H "Host: admin.$BASE" "$URL/van-hanh/dang-nhap" -o "$WORK/console-login.html"
curl -s -c "$C_JAR" -b "$C_JAR" -H "Host: admin.$BASE" -H "Origin: http://admin.$BASE" -o /dev/null \
  --data-urlencode "username=$OPERATOR" --data-urlencode "password=$OPERATOR_PASSWORD" \
  --data-urlencode "csrfToken=$(token_of "$WORK/console-login.html")" "$URL/van-hanh/dang-nhap"
D_CONSOLE=$(curl -s -b "$C_JAR" -H "Host: admin.$BASE" "$URL/van-hanh/sao-luu" | python3 -c '
import sys, re, html
m = re.search(r"<[^>]*id=\"pg-dump\"[^>]*>(.*?)</(div|p|section)>", sys.stdin.read(), re.S)
print(re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", m.group(1)))).strip() if m else "(no warning on the page)")')
D_ID=$(backup_now)
D_OUTCOME=$(backup_outcome "$D_ID")
mark d.done
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
APP_PID=

# ------------------------------------------------------------------------------------ the figures
psql_q "SELECT id FROM t_nafosted.content_items WHERE slug LIKE 'ghi-thu-loi-%' ORDER BY id" > "$WORK/stored-ids.txt"
python3 "$HERE/report.py" --work "$WORK" --label "$LABEL" --users "$USERS" --outage "$OUTAGE" \
  --load "$LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end" \
  --c-result "$C_RESULT" --d-log "$D_LOG" --d-api "$D_API" --d-console "$D_CONSOLE" --d-backup "#$D_ID ${D_OUTCOME//|/ · }" > "$REPORT"
cat "$REPORT"
echo "report: $REPORT"
