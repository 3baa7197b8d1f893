#!/usr/bin/env bash
# The backup scheduler over many tenants (issue 15 point 2): every tenant of a database made by onboard-many.sh is put
# on one daily cron a few minutes ahead, with the window set to WINDOW (1 h); one node with the scheduler on then
# backs them up and verifies each backup (restore into a scratch database, counts and digests) as their slots come.
# Reports, as Markdown, into load-tests/scale/reports/backup-window-<UTC>.md:
#  - how the starts spread over the window (per tenth of it), whether all were backed up and verified inside it,
#    and when the last one finished;
#  - time per tenant (backup, verification) as the run goes, per database (the platform's own and each cluster's),
#    with the number of tenant schemas in each database (BACKUP_FORMAT=pg-dump: pg_dump reads its database's whole
#    catalogue; the default copy format reads the tenant's schema alone).
# A measurement, not a test.
#   [WINDOW=1h CONCURRENCY=1 LIMIT_MIN=80] load-tests/scale/backup-window.sh [database=cong_scale_many]
# LIMIT_MIN: stop watching that many minutes after the cron time (all verified earlier: stops then); a run cut before
# the window's end still shows whether the node keeps up with the tenants as they fall due.
# Needs the jar, PostgreSQL on 127.0.0.1:5432, Redis on 6379; uses port 8107 and /tmp/cong-window-backups.
set -euo pipefail
DB=${1:-cong_scale_many}
WINDOW=${WINDOW:-1h}
CONCURRENCY=${CONCURRENCY:-1}
LIMIT_MIN=${LIMIT_MIN:-80}
PORT=${PORT:-8107}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/platform/target/cong-platform.jar}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
REPORT="$ROOT/load-tests/scale/reports/backup-window-$STAMP.md"
BACKUPS=/tmp/cong-window-backups
LOG=/tmp/cong-window-$STAMP.log
q() { psql -h 127.0.0.1 -U postgres -tAqc "$1" "$DB"; }
case "$WINDOW" in *h) window_s=$(( ${WINDOW%h} * 3600 ));; *m) window_s=$(( ${WINDOW%m} * 60 ));; *s) window_s=${WINDOW%s};; esac

rm -rf "$BACKUPS"; mkdir -p "$BACKUPS"
tenants=$(q "SELECT count(*) FROM platform.tenants")
# the cron time: the start of the minute three minutes from now, in Vietnam time (the platform reads crons there)
start_epoch=$(( ($(date +%s) / 60 + 3) * 60 ))
cron="0 $(TZ=Asia/Ho_Chi_Minh date -d "@$start_epoch" +'%-M %-H') * * *"
echo "== $tenants tenants on the cron '$cron' (Vietnam time), window $WINDOW, $CONCURRENCY at a time; log $LOG"
# each tenant's first slot as BackupWindow places it: the cron time + the first 53 bits of SHA-256(code) as a
# fraction of the window (later slots the node computes itself)
q "DELETE FROM platform.backup_runs WHERE trigger = 'scheduled'" > /dev/null
q "INSERT INTO platform.backup_schedules (tenant_code, cron, keep_daily, keep_weekly, verify, next_run_at, source)
   SELECT code, '$cron', 14, 12, true,
          to_timestamp($start_epoch) + floor(((('x' || substr(encode(sha256(convert_to(code, 'UTF8')), 'hex'), 1, 14))::bit(56)::bigint >> 3)::numeric
                                            / 9007199254740992 * ${window_s}000)) * interval '1 millisecond',
          'operator'
   FROM platform.tenants
   ON CONFLICT (tenant_code) DO UPDATE SET cron = excluded.cron, verify = true, next_run_at = excluded.next_run_at, source = 'operator'" > /dev/null

CONG_DATABASE_NAME="$DB" REDIS_PREFIX="cong:$DB:" CONG_UPTIME_ENABLED=false CONG_UPTIME_ROLLUP_ENABLED=false \
  CLUSTER_POOL_MAX=${CLUSTER_POOL_MAX:-4} BACKUP_ROOT="$BACKUPS" BACKUP_WINDOW="$WINDOW" BACKUP_CONCURRENCY="$CONCURRENCY" \
  BACKUP_THREADS="$CONCURRENCY" CONG_BACKUP_SCHEDULER_INTERVAL=20s CONG_BACKUP_SCHEDULER_INITIAL_DELAY=5s PORT=$PORT \
  java -Xms1g -Xmx1g -jar "$JAR" > "$LOG" 2>&1 &
node=$!
trap 'kill $node 2>/dev/null || true' EXIT
until grep -q "Startup completed in" "$LOG"; do kill -0 $node 2>/dev/null || { tail -30 "$LOG"; exit 1; }; sleep 1; done

load_samples=""
progress=""
deadline=$(( start_epoch + window_s + LIMIT_MIN * 60 - window_s ))
while :; do
  sleep 60
  done_n=$(q "SELECT count(*) FROM platform.backup_runs WHERE trigger = 'scheduled' AND verification_status IS NOT NULL")
  # due so far: the tenants whose first slot has come (claimed or still waiting)
  due_n=$(q "SELECT count(*) FROM platform.backup_schedules WHERE next_run_at <= now() OR tenant_code IN (SELECT tenant_code FROM platform.backup_runs WHERE trigger = 'scheduled')")
  load_samples="$load_samples $(cut -d' ' -f1 /proc/loadavg)"
  progress="$progress
| $(( ($(date +%s) - start_epoch) / 60 )) min | $due_n | $done_n | $(cut -d' ' -f1 /proc/loadavg) |"
  echo "   $(date -u +%H:%M:%S) due $due_n, verified $done_n of $tenants (load $(cut -d' ' -f1 /proc/loadavg))"
  [ "$done_n" -ge "$tenants" ] && break
  [ "$(date +%s)" -ge "$deadline" ] && break
done
kill $node; wait $node 2>/dev/null || true; trap - EXIT

stats="SELECT count(*) FILTER (WHERE status = 'succeeded'), count(*) FILTER (WHERE verification_status = 'passed'),
              count(*) FILTER (WHERE status = 'failed' OR verification_status = 'failed'),
              coalesce(to_char(max(verified_at) - to_timestamp($start_epoch), 'HH24:MI:SS'), '-'),
              count(*) FILTER (WHERE verified_at <= to_timestamp($start_epoch + $window_s) AND verification_status = 'passed')
       FROM platform.backup_runs WHERE trigger = 'scheduled'"
IFS='|' read -r ok verified failed last inside < <(q "$stats")
spread=$(q "SELECT string_agg(n::text, ' / ' ORDER BY tenth) FROM (SELECT width_bucket(extract(epoch FROM started_at) - $start_epoch, 0, $window_s, 10) tenth, count(*) n
            FROM platform.backup_runs WHERE trigger = 'scheduled' GROUP BY 1) x")
slots=$(q "SELECT string_agg(n::text, ' / ' ORDER BY tenth) FROM (SELECT width_bucket(extract(epoch FROM next_run_at - interval '1 day') - $start_epoch, 0, $window_s, 10) tenth, count(*) n
            FROM platform.backup_schedules GROUP BY 1) x")
per_db=$(q "SELECT string_agg(format('| %s | %s | %s | %s ms | %s ms | %s ms |', db, schemas, runs, b50, v50, b90), E'\n' ORDER BY db) FROM (
  SELECT coalesce(t.database_name, 'default') db, count(DISTINCT t.code) schemas, count(r.id) runs,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.started_at) * 1000)) b50,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.verified_at - r.verification_started_at) * 1000)) v50,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.started_at) * 1000)) b90
  FROM platform.tenants t LEFT JOIN platform.backup_runs r ON r.tenant_code = t.code AND r.trigger = 'scheduled' AND r.status = 'succeeded'
  GROUP BY 1) x")
by_time=$(q "SELECT string_agg(format('| %s–%s min | %s | %s ms | %s ms |', m * 10, m * 10 + 10, n, b, v), E'\n' ORDER BY m) FROM (
  SELECT floor(extract(epoch FROM started_at) - $start_epoch)::int / 600 m, count(*) n,
         round(avg(extract(epoch FROM finished_at - started_at) * 1000)) b,
         round(avg(extract(epoch FROM verified_at - verification_started_at) * 1000)) v
  FROM platform.backup_runs WHERE trigger = 'scheduled' GROUP BY 1) x")

cat > "$REPORT" <<MD
# The backup scheduler over $tenants tenants ($STAMP)

\`load-tests/scale/backup-window.sh $DB\` with WINDOW=$WINDOW, CONCURRENCY=$CONCURRENCY (BACKUP_THREADS the same), on
$(nproc) cores; load average each minute:$load_samples. Every tenant on the daily cron \`$cron\` (Vietnam time);
one node with the scheduler ticking every 20 s; backup format \`${BACKUP_FORMAT:-copy}\`; every backup verified (the
schema rebuilt in a scratch database, row counts and table digests compared).

| | |
|---|---|
| tenants | $tenants |
| backed up / verified (passed) / failed | $ok / $verified / $failed |
| verified inside the window ($WINDOW after the cron time) | **$inside of $tenants** |
| last verification finished after the cron time | $last |
| backups started per tenth of the window | $spread |
| next slots (tomorrow) per tenth of the window | $slots |

Per database (the platform's own is \`default\`; tenant schemas there; median backup and verification of one tenant):

| database | tenant schemas | scheduled backups | backup p50 | verification p50 | backup p90 |
|---|---|---|---|---|---|
$per_db

Minute by minute (after the cron time): tenants whose slot had come, and backups verified (a node keeping up
verifies them about as fast as they fall due):

| after | due | verified | load |
|---|---|---|---|$progress

As the run went (by start time; averages of one tenant):

| started | backups | backup | verification |
|---|---|---|---|
$by_time
MD
cat "$REPORT"
