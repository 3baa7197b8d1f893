#!/usr/bin/env bash
# One benchmark run beside nginx (issue 15 point 1). On this machine, in one run:
#  - starts the platform with the demo tenants (README's first command, -Xms1g -Xmx1g) on a database of its own,
#    and a second instance on the same database with the page cache off (PAGE_CACHE_BYTES=0, PAGE_CACHE_SHARED=false)
#    and render sharing off (PAGE_RENDER_SHARING=false: otherwise concurrent requests for a page being rendered wait for
#    that render, and a few pages over 64 connections are mostly answered without rendering);
#  - starts nginx serving the exact bytes the platform serves for the ministry home and an article, plain and
#    pre-compressed gzip;
#  - measures nginx and the platform alternately with wrk (cached home, cached article, plain and gzip; uncached
#    home and article; distinct pages across the demo portals with the cache off; host rotation over 10 demo
#    portals; one connection for latency), and, when ROTATION_DB names a database prepared by
#    load-tests/scale/onboard-many.sh, host rotation over 10 and over all its tenants, cached and uncached;
#  - reads each server's CPU time (and all PostgreSQL processes') from /proc before and after every run and prints req/s, p50, p99, CPU per
#    request and the ratio to nginx as a Markdown table (also written to load-tests/bench/results/).
# A measurement, not a test: nothing here asserts a figure. Traffic goes to 127.0.0.1 only.
#
#   [ROTATION_DB=cong_scale_many [ROTATION_ONLY=1]] load-tests/bench/compare-nginx.sh [seconds per run=15] [rounds=2]
# Needs: the jar (mvn -B -q -pl platform -am package -DskipTests), nginx and wrk (apt-get install nginx wrk),
# PostgreSQL on 127.0.0.1:5432 and Redis on 6379. Ports 8110 (platform), 8111 (platform, cache off), 8112 (nginx),
# 8113/8114 (the ROTATION_DB instances).
set -euo pipefail
SECONDS_PER_RUN=${1:-15}
ROUNDS=${2:-2}
CONNECTIONS=${CONNECTIONS:-64}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/platform/target/cong-platform.jar"
LUA="$ROOT/load-tests/bench/wrk-report.lua"
DB=${BENCH_DB:-cong_bench}
WORK=$(mktemp -d /tmp/cong-bench.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for tool in nginx wrk curl psql; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install nginx wrk)"; exit 1; }; done
[ -f "$JAR" ] || { echo "needs $JAR: mvn -B -q -pl platform -am package -DskipTests"; exit 1; }
TICKS=$(getconf CLK_TCK)

# --- helpers -------------------------------------------------------------------------------------------
. "$ROOT/load-tests/bench/cpu.sh" # cpu_ticks
start_platform() { # port, database, log, extra env...
  local port=$1 db=$2 log=$3; shift 3
  (cd "$ROOT" && exec env PORT="$port" CONG_DATABASE_NAME="$db" REDIS_PREFIX="cong:$db:" MICRONAUT_ENVIRONMENTS=dev \
     TENANTS_DIR=tenants CONG_UPTIME_ENABLED=false CONG_BACKUP_SCHEDULER_ENABLED=false "$@" \
     java -Xms1g -Xmx1g -jar "$JAR" >"$log" 2>&1) &
  PIDS+=($!)
  until grep -qs "Startup completed in" "$log"; do
    if ! kill -0 "${PIDS[-1]}" 2>/dev/null || grep -qs "Error starting Micronaut" "$log"; then tail -40 "$log"; exit 1; fi
    sleep 0.5
  done
}
java_pid() { lsof -t -i :"$1" -sTCP:LISTEN | head -1; }
declare -A RESULT
run() { # label, port, pids (comma separated), targets file, gzip(0/1), threads, connections, seconds
  local label=$1 port=$2 pids=$3 targets=$4 gzip=$5 threads=$6 conns=$7 secs=$8
  IFS=, read -r -a pl <<<"$pids"
  local before after out pg_before pg_after
  before=$(cpu_ticks "${pl[@]}"); pg_before=$(cpu_ticks $(pgrep -x postgres))
  out=$(BENCH_TARGETS="$targets" BENCH_GZIP="$gzip" wrk -t"$threads" -c"$conns" -d"${secs}s" -s "$LUA" "http://127.0.0.1:$port/" 2>&1 | grep '^RESULT' || true)
  after=$(cpu_ticks "${pl[@]}"); pg_after=$(cpu_ticks $(pgrep -x postgres))
  [ -n "$out" ] || { echo "wrk failed for $label"; return; }
  read -r _ n dur p50 p99 errs <<<"$out"
  local cpu_ms
  cpu_ms=$(awk -v t=$((after - before)) -v hz="$TICKS" -v n="$n" 'BEGIN { printf "%.4f", n ? t * 1000 / hz / n : 0 }')
  # PostgreSQL's processes (every server on the machine; a backend that ends during the run takes its ticks with it)
  pg_ms=$(awk -v t=$((pg_after - pg_before)) -v hz="$TICKS" -v n="$n" 'BEGIN { printf "%.4f", n ? t * 1000 / hz / n : 0 }')
  RESULT["$label"]+="$(awk -v n="$n" -v d="$dur" -v a="$p50" -v b="$p99" -v c="$cpu_ms" -v e="$errs" -v g="$pg_ms" \
      'BEGIN { printf "%.0f %.2f %.2f %s %d %s;", n / d, a / 1000, b / 1000, c, e, g }')"
  echo "  $label: $(awk -v n="$n" -v d="$dur" 'BEGIN { printf "%.0f", n / d }') req/s, p50 $(awk -v a="$p50" 'BEGIN{printf "%.2f", a/1000}') ms, p99 $(awk -v b="$p99" 'BEGIN{printf "%.2f", b/1000}') ms, CPU $cpu_ms ms/req, PostgreSQL $pg_ms ms/req, errors $errs"
}
warm_all() { # port, targets file ("host path" lines): each page fetched once (gzip, as the runs ask), 4 at a time
  local failed
  failed=$(awk '{ print $1 " " $2 }' "$2" | xargs -P 4 -L 1 sh -c \
    'curl -s -f -o /dev/null --max-time 30 --retry 3 --retry-all-errors -H "Accept-Encoding: gzip" -H "Host: $0" "http://127.0.0.1:'"$1"'$1" || echo failed' \
    | grep -c failed || true)
  echo "   $(wc -l < "$2") pages warmed, $failed failed"
}
target() { printf '%s %s\n' "$2" "$3" > "$WORK/$1.targets"; echo "$WORK/$1.targets"; }

# --- the platform, twice ----------------------------------------------------------------------------------
if [ "${ROTATION_ONLY:-0}" != 1 ]; then # ROTATION_ONLY=1 (with ROTATION_DB): only the host rotation cases
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres
echo "== starting the platform (cached) on 8110 and (page cache off) on 8111, database $DB"
start_platform 8110 "$DB" "$WORK/cached.log"
demo_files=$(ls "$ROOT"/tenants/demo/*.yaml | wc -l)
until [ "$(grep -c 'Demo content for' "$WORK/cached.log")" -ge "$demo_files" ]; do sleep 1; done
start_platform 8111 "$DB" "$WORK/uncached.log" PAGE_CACHE_BYTES=0 PAGE_CACHE_SHARED=false PAGE_RENDER_SHARING=false CONG_DEMO_ENABLED=false
P1=$(java_pid 8110); P2=$(java_pid 8111)

# the pages: the ministry home and its first article, and up to 20 addresses from each demo portal's sitemap
HOME_HOST=www.most.localhost
article=$(curl -s -H "Host: $HOME_HOST" http://127.0.0.1:8110/sitemap.xml | grep -o '<loc>[^<]*</loc>' \
  | sed 's/<[^>]*>//g' | grep -m1 '/bai-viet/\|/tin-tuc/' | sed 's#^[a-z]*://[^/]*##' || true)
[ -n "$article" ] || article=$(curl -s -H "Host: $HOME_HOST" http://127.0.0.1:8110/ | grep -o 'href="/[^"]*/[^"/]*-[0-9][^"]*"' | head -1 | cut -d'"' -f2)
echo "   article: $article"
HOSTS=(www.most.localhost nafosted.most.localhost nasati.most.localhost noip.most.localhost vinatom.most.localhost
       www.moha.localhost btdkt.moha.localhost vanthuluutru.moha.localhost skhcn.binhdinh.localhost
       www.haiphong-edu.localhost tranphu.haiphong-edu.localhost ngoquyen.haiphong-edu.localhost)
: > "$WORK/rotation10.targets"; : > "$WORK/distinct.targets"
for h in "${HOSTS[@]:0:10}"; do echo "$h /" >> "$WORK/rotation10.targets"; done
for h in "${HOSTS[@]}"; do
  curl -s -H "Host: $h" http://127.0.0.1:8110/sitemap.xml | grep -o '<loc>[^<]*</loc>' | sed 's/<[^>]*>//g' \
    | sed 's#^[a-z]*://[^/]*##' | head -20 | sed "s#^#$h #" >> "$WORK/distinct.targets" || true
done
echo "   distinct pages: $(wc -l < "$WORK/distinct.targets") across ${#HOSTS[@]} portals"

# --- nginx with the exact bytes ---------------------------------------------------------------------------
mkdir -p "$WORK/www"
chmod 755 "$WORK" "$WORK/www"   # nginx's workers run as its unprivileged user
curl -s -H "Host: $HOME_HOST" http://127.0.0.1:8110/ -o "$WORK/www/home.html"
curl -s -H "Host: $HOME_HOST" -H 'Accept-Encoding: gzip' http://127.0.0.1:8110/ -o "$WORK/www/home.html.gz"
curl -s -H "Host: $HOME_HOST" "http://127.0.0.1:8110$article" -o "$WORK/www/article.html"
curl -s -H "Host: $HOME_HOST" -H 'Accept-Encoding: gzip' "http://127.0.0.1:8110$article" -o "$WORK/www/article.html.gz"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  default_type text/html;
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server {
    listen 127.0.0.1:8112;
    root $WORK/www;
    location ~ \.gz\$ { add_header Content-Encoding gzip; add_header Vary Accept-Encoding; types { } default_type text/html; }
  }
}
NGINX
mkdir -p "$WORK/tmp"
nginx -c "$WORK/nginx.conf"
sleep 0.5
NGINX_PIDS=$(pgrep -d, -f "nginx.*$WORK/nginx.conf|nginx: worker" | tr -d '\n')
for f in home.html home.html.gz article.html article.html.gz; do
  curl -s "http://127.0.0.1:8112/$f" -o "$WORK/check"
  cmp -s "$WORK/check" "$WORK/www/$f" || { echo "nginx does not serve the platform's bytes for /$f"; cat "$WORK/nginx-error.log"; exit 1; }
  echo "   nginx /$f: the platform's $(stat -c %s "$WORK/www/$f") bytes"
done

T_HOME=$(target home "$HOME_HOST" /); T_ART=$(target art "$HOME_HOST" "$article")
T_NG_HOME=$(target nghome localhost /home.html); T_NG_HOMEGZ=$(target nghomegz localhost /home.html.gz)
T_NG_ART=$(target ngart localhost /article.html); T_NG_ARTGZ=$(target ngartgz localhost /article.html.gz)

echo "== warm-up (10 s each; 90 s for the render path, whose JIT settles over about two minutes of this load)"
run warmup 8110 "$P1" "$T_HOME" 1 2 "$CONNECTIONS" 10 >/dev/null
run warmup 8111 "$P2" "$WORK/distinct.targets" 1 2 "$CONNECTIONS" 90 >/dev/null
run warmup 8112 "$NGINX_PIDS" "$T_NG_HOMEGZ" 0 2 "$CONNECTIONS" 5 >/dev/null

for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r of $ROUNDS ($SECONDS_PER_RUN s a run, wrk -t2 -c$CONNECTIONS)"
  run "nginx: home gzip" 8112 "$NGINX_PIDS" "$T_NG_HOMEGZ" 0 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "platform: cached home gzip" 8110 "$P1" "$T_HOME" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "nginx: home plain" 8112 "$NGINX_PIDS" "$T_NG_HOME" 0 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "platform: cached home plain" 8110 "$P1" "$T_HOME" 0 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "nginx: article gzip" 8112 "$NGINX_PIDS" "$T_NG_ARTGZ" 0 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "platform: cached article gzip" 8110 "$P1" "$T_ART" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "platform: cached home, rotating 10 portals" 8110 "$P1" "$WORK/rotation10.targets" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "platform: uncached home gzip" 8111 "$P2" "$T_HOME" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "platform: uncached article gzip" 8111 "$P2" "$T_ART" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "platform: uncached distinct pages" 8111 "$P2" "$WORK/distinct.targets" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  run "nginx: home gzip, 1 connection" 8112 "$NGINX_PIDS" "$T_NG_HOMEGZ" 0 1 1 "$SECONDS_PER_RUN"
  run "platform: cached home gzip, 1 connection" 8110 "$P1" "$T_HOME" 1 1 1 "$SECONDS_PER_RUN"
done
fi

if [ -n "${ROTATION_DB:-}" ]; then
  echo "== host rotation on $ROTATION_DB"
  [ -n "${P2:-}" ] && kill "$P2" 2>/dev/null || true
  # the cached instance keeps pages 30 minutes: the cached cases measure cached pages, and on a slow machine a run
  # outlasts the 5-minute default (pages then expired in the middle of a round and were rendered again)
  start_platform 8113 "$ROTATION_DB" "$WORK/rot-cached.log" CONG_DEMO_ENABLED=false TENANTS_DIR= PAGE_TTL=30m
  start_platform 8114 "$ROTATION_DB" "$WORK/rot-uncached.log" CONG_DEMO_ENABLED=false TENANTS_DIR= PAGE_CACHE_BYTES=0 PAGE_CACHE_SHARED=false \
    PAGE_RENDER_SHARING=false
  R1=$(java_pid 8113); R2=$(java_pid 8114)
  # members of the root, on <abbreviation>.<base domain> (load-tests/scale/onboard-many.sh makes them)
  psql -h 127.0.0.1 -U postgres -tAc "SELECT abbreviation || '.${BASE_DOMAIN:-most.localhost}' FROM platform.tenants
      WHERE parent_code IS NOT NULL AND status = 'active' ORDER BY code" "$ROTATION_DB" | sed 's#$# /#' > "$WORK/rotall.targets"
  head -10 "$WORK/rotall.targets" > "$WORK/rot10.targets"
  echo "   $(wc -l < "$WORK/rotall.targets") hosts"
  # every tenant's home rendered once into the page cache (each asked again, up to three times, when it fails: a
  # cold render is slow, and a timed warm-up left part of them cold on a slow machine), then 20 s of rotation (JIT)
  warm_all 8113 "$WORK/rotall.targets"
  run warmup 8113 "$R1" "$WORK/rotall.targets" 1 2 "$CONNECTIONS" 20 >/dev/null
  # the page-cache-off instance: JIT warmed on 10 portals; then its first pass over all tenants, which makes each
  # tenant's structure and header/footer (kept 5 minutes), reported on its own; the rounds below measure it warm
  run warmup 8114 "$R2" "$WORK/rot10.targets" 1 2 "$CONNECTIONS" 60 >/dev/null
  run "rotation: uncached, all tenants, first 20 s (each tenant's structure and fragments made)" 8114 "$R2" "$WORK/rotall.targets" 1 2 "$CONNECTIONS" 20
  for r in $(seq 1 "$ROUNDS"); do
    run "rotation: cached, 10 tenants" 8113 "$R1" "$WORK/rot10.targets" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
    run "rotation: cached, all tenants" 8113 "$R1" "$WORK/rotall.targets" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
    run "rotation: uncached, 10 tenants" 8114 "$R2" "$WORK/rot10.targets" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
    run "rotation: uncached, all tenants" 8114 "$R2" "$WORK/rotall.targets" 1 2 "$CONNECTIONS" "$SECONDS_PER_RUN"
  done
fi

# --- the table ---------------------------------------------------------------------------------------------
median() { tr ';' '\n' | awk -v k="$1" 'NF { print $k }' | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio_to() { # label of nginx case
  local ng=${RESULT[$1]:-}
  [ -n "$ng" ] && echo "$ng" | median 1 || echo ""
}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$ROOT/load-tests/bench/results/bench-$stamp.md"
mkdir -p "$(dirname "$out")"
{
  echo "Benchmark $stamp on $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN} s a run, $ROUNDS rounds (medians; each round's req/s in brackets)"
  echo
  echo "| Case | req/s | p50 ms | p99 ms | CPU ms/req | PostgreSQL CPU ms/req | × nginx | errors | rounds (req/s) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for label in "nginx: home gzip" "platform: cached home gzip" "nginx: home plain" "platform: cached home plain" \
               "nginx: article gzip" "platform: cached article gzip" "platform: cached home, rotating 10 portals" \
               "platform: uncached home gzip" "platform: uncached article gzip" "platform: uncached distinct pages" \
               "nginx: home gzip, 1 connection" "platform: cached home gzip, 1 connection" \
               "rotation: cached, 10 tenants" "rotation: cached, all tenants" \
               "rotation: uncached, all tenants, first 20 s (each tenant's structure and fragments made)" \
               "rotation: uncached, 10 tenants" "rotation: uncached, all tenants"; do
    v=${RESULT[$label]:-}
    [ -n "$v" ] || continue
    rps=$(echo "$v" | median 1); p50=$(echo "$v" | median 2); p99=$(echo "$v" | median 3); cpu=$(echo "$v" | median 4); pg=$(echo "$v" | median 6)
    errs=$(echo "$v" | tr ';' '\n' | awk 'NF { s += $5 } END { print s + 0 }')
    rounds=$(echo "$v" | tr ';' '\n' | awk 'NF { printf "%s%s", sep, $1; sep = ", " }')
    ref=""
    case "$label" in
      "platform: cached home gzip"|"platform: uncached home gzip"|"platform: cached home, rotating 10 portals") ref=$(ratio_to "nginx: home gzip");;
      "platform: cached home plain") ref=$(ratio_to "nginx: home plain");;
      "platform: cached article gzip"|"platform: uncached article gzip") ref=$(ratio_to "nginx: article gzip");;
      "platform: cached home gzip, 1 connection") ref=$(ratio_to "nginx: home gzip, 1 connection");;
    esac
    ratio=$([ -n "$ref" ] && awk -v a="$rps" -v b="$ref" 'BEGIN { printf "%.2f", a / b }' || echo "")
    echo "| $label | $rps | $p50 | $p99 | $cpu | $pg | $ratio | $errs | $rounds |"
  done
} | tee "$out"
echo
echo "written to ${out#$ROOT/}"
