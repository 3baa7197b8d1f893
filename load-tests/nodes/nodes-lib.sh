# Functions shared by load-tests/nodes/run-three-nodes.sh and load-tests/gatling/run-publishing.sh (sourced, not run).
# The caller sets REPO, WORK, JAR, DB, BASE, REDIS_PREFIX and PUBLIC_PORT, and keeps NODE_PIDS (name → pid).

declare -A NODE_PIDS NODE_PORTS

now_ms() { date +%s%3N; }

# A tenants folder with the ministry and four member portals and the demo content of MOST and NAFOSTED:
# enough for many hosts, small enough that the first node is ready in a minute or two on a busy machine.
demo_tenants() { # $1: folder to create
  mkdir -p "$1/demo"
  for code in most nafosted nasati noip vinatom; do cp "$REPO/tenants/$code.yaml" "$1/"; done
  cp "$REPO/tenants/demo/most.yaml" "$REPO/tenants/demo/nafosted.yaml" "$REPO/tenants/demo/most-history.csv" "$1/demo/"
  cp -r "$REPO/tenants/demo/media" "$1/demo/"
}

fresh_database() {
  psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
  local keys
  keys=$(redis-cli --scan --pattern "${REDIS_PREFIX}*" | head -100000)
  [ -n "$keys" ] && printf '%s\n' "$keys" | xargs -r -n 500 redis-cli del >/dev/null
  return 0
}

# start_node NAME PORT LOG [extra -D options…]: one platform node on the shared database and Redis; with
# TENANTS_FOR_NODE set (even empty) it reads that tenants folder instead of $WORK/tenants (empty: onboards nothing)
start_node() {
  local name=$1 port=$2 log=$3
  shift 3
  PORT=$port PUBLIC_PORT=$PUBLIC_PORT NODE_NAME=$name DB_NAME=$DB REDIS_PREFIX=$REDIS_PREFIX MICRONAUT_ENVIRONMENTS=dev \
    TENANTS_DIR=${TENANTS_FOR_NODE-$WORK/tenants} MEDIA_ROOT=$WORK/media BACKUP_ROOT=$WORK/backups TRUSTED_PROXIES=127.0.0.1 \
    java -Xmx640m -XX:+UseSerialGC -Dcong.uptime.enabled=false -Dcong.backup.scheduler.enabled=false \
    -Dcong.integrity.enabled=false "$@" -jar "$JAR" >"$log" 2>&1 &
  NODE_PIDS[$name]=$!
  NODE_PORTS[$name]=$port
}

# wait_healthy NAME [seconds]: until the node's /health says UP
wait_healthy() {
  local name=$1 limit=${2:-300}
  for _ in $(seq 1 $((limit * 2))); do
    # from loopback /health shows its details: the first status is the node's
    curl -s -m 2 "http://127.0.0.1:${NODE_PORTS[$name]}/health" 2>/dev/null | grep -q '^{"name":"[^"]*","status":"UP"\|^{"status":"UP"' && return 0
    kill -0 "${NODE_PIDS[$name]}" 2>/dev/null || { echo "node $name stopped during start-up: see its log"; return 1; }
    sleep 0.5
  done
  echo "node $name not healthy after $limit s"; return 1
}

stop_nodes() {
  for name in "${!NODE_PIDS[@]}"; do kill "${NODE_PIDS[$name]}" 2>/dev/null; done
  for name in "${!NODE_PIDS[@]}"; do wait "${NODE_PIDS[$name]}" 2>/dev/null; done
}

psql_q() { psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "$1"; }
token_of() { grep -o 'name="csrfToken"[^>]*value="[^"]*"' "$1" | head -1 | sed 's/.*value="\([^"]*\)".*/\1/'; }

# staff_login URL HOST JAR USER PASSWORD: prints the HTTP status of the login POST (303 when logged in)
staff_login() {
  local url=$1 host=$2 jar=$3 page
  page=$(mktemp "$WORK/login.XXXXXX")
  curl -s -m 20 -c "$jar" -b "$jar" -H "Host: $host" "$url/quan-tri/dang-nhap" -o "$page" || true
  curl -s -m 20 -c "$jar" -b "$jar" -H "Host: $host" -H "Origin: http://$host" -o /dev/null -w '%{http_code}' \
    --data-urlencode "username=$4" --data-urlencode "password=$5" --data-urlencode "csrfToken=$(token_of "$page")" \
    "$url/quan-tri/dang-nhap" || echo 000
  rm -f "$page"
}

# api_token URL HOST CODE USERNAME: the tenant admin (quantri, password from the tenant's manifest) issues a
# workflow API token for USERNAME through the staff screen /quan-tri/ma-api; prints the token
api_token() {
  local url=$1 host=$2 jar code account page password
  password=$(grep -A3 '^admin:' "$WORK/tenants/$3.yaml" | sed -n 's/.*password: *//p')
  jar=$(mktemp "$WORK/jar.XXXXXX")
  code=$(staff_login "$url" "$host" "$jar" quantri "$password")
  [ "$code" = 303 ] || { echo "admin login on $host answered $code" >&2; return 1; }
  account=$(psql_q "SELECT id FROM t_$3.accounts WHERE username = '$4'")
  page=$(mktemp "$WORK/page.XXXXXX")
  curl -s -m 30 -c "$jar" -b "$jar" -H "Host: $host" "$url/quan-tri/ma-api" -o "$page" || true
  curl -s -m 20 -c "$jar" -b "$jar" -H "Host: $host" -H "Origin: http://$host" \
    --data-urlencode "accountId=$account" --data-urlencode "name=Thử tải nhiều nút" --data-urlencode "csrfToken=$(token_of "$page")" \
    "$url/quan-tri/ma-api" | grep -o '<code class="new-token">[^<]*' | sed 's/.*>//' || true
  rm -f "$page" "$jar"
}

# publish_article URL HOST TOKEN SECTION_ID TITLE: create, submit, take, send and publish through the workflow API;
# prints the HTTP status of the publish step
publish_article() {
  local url=$1 host=$2 token=$3 out id version
  api() { curl -s -m 30 -H "Host: $host" -H "Authorization: Bearer $token" -H 'Accept: application/json' \
            -H 'Content-Type: application/json' -d "$2" "$url$1"; }
  field() { python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1], ""))' "$1"; }
  out=$(api /api/v1/items "{\"sectionId\": $4, \"title\": \"$5\", \"summary\": \"Tin đăng khi thử nhiều nút.\", \"body\": \"<p>Nội dung thử.</p>\"}")
  id=$(echo "$out" | field id); version=$(echo "$out" | field version)
  [ -n "$id" ] || { echo "create: $out" >&2; echo 000; return; }
  for step in submit steps/take steps/send; do
    out=$(api "/api/v1/items/$id/$step" "{\"version\": $version, \"sensitivity\": \"routine\"}")
    version=$(echo "$out" | field version)
    [ -n "$version" ] || { echo "$step: $out" >&2; echo 000; return; }
  done
  curl -s -m 30 -o "$WORK/publish.json" -w '%{http_code}' -H "Host: $host" -H "Authorization: Bearer $token" \
    -H 'Accept: application/json' -H 'Content-Type: application/json' -d "{\"version\": $version}" "$url/api/v1/items/$id/steps/publish" || true
}

# editor_account URL HOST CODE USERNAME: the tenant admin adds an editor account USERNAME on /quan-tri/tai-khoan/moi
# (for portals whose demo has no editor); prints the HTTP status of the form's POST (303 or 201 when added)
editor_account() {
  local url=$1 host=$2 jar page password
  password=$(grep -A3 '^admin:' "$WORK/tenants/$3.yaml" | sed -n 's/.*password: *//p')
  jar=$(mktemp "$WORK/jar.XXXXXX"); page=$(mktemp "$WORK/page.XXXXXX")
  [ "$(staff_login "$url" "$host" "$jar" quantri "$password")" = 303 ] || { echo 000; return; }
  curl -s -m 30 -c "$jar" -b "$jar" -H "Host: $host" "$url/quan-tri/tai-khoan/moi" -o "$page" || true
  curl -s -m 30 -c "$jar" -b "$jar" -H "Host: $host" -H "Origin: http://$host" -o /dev/null -w '%{http_code}' \
    --data-urlencode "username=$4" --data-urlencode "fullName=Biên tập viên thử tải" --data-urlencode "email=$4@$3.gov.vn" \
    --data-urlencode "roles=editor" --data-urlencode "passwordMode=password" --data-urlencode "password=Bien-Tap-Thu-Tai-2026-k8" \
    --data-urlencode "csrfToken=$(token_of "$page")" "$url/quan-tri/tai-khoan" || echo 000
  rm -f "$page" "$jar"
}
