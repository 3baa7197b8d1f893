#!/usr/bin/env bash
# One large tenant (issue 15 point 2): 100,000 published items and 2 GB of media in one member tenant, then a
# backup with its verification and an in-place restore through the CLI, each timed, with the peak resident memory
# of the JVM doing it (VmHWM from /proc/<pid>/status: far below the media's size when media is streamed).
# Writes load-tests/scale/reports/large-tenant-<UTC>.md. A measurement, not a test: nothing here asserts a figure.
#   load-tests/scale/large-tenant.sh [items=100000] [media-mb=2048]
#   KEEP=1            keep the generated media and the backups (removed by default; the items stay in the database)
#   GENERATE_ONLY=1   create the tenant, items and media, and stop
#   DB=cong_bigtenant CODE=lon DATA=<dir holding media/ and backups/> JAR=<another build's jar, to compare>
#   BACKUP_FORMAT=pg-dump  back up with pg_dump instead of the default copy format (the platform reads it)
# Idempotent: a second run adds only what is missing. Needs the jar (mvn -B -q -pl platform -am package -DskipTests),
# PostgreSQL on 127.0.0.1:5432 and Redis on 6379.
set -euo pipefail
ITEMS=${1:-100000}
MEDIA_MB=${2:-2048}
DB=${DB:-cong_bigtenant}
CODE=${CODE:-lon}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/platform/target/cong-platform.jar}
DATA=${DATA:-$ROOT/data/large-tenant}
FILE_KB=512
WORK=$(mktemp -d /tmp/cong-large.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export CONG_DATABASE_NAME="$DB" REDIS_PREFIX="cong:$DB:" MEDIA_ROOT="$DATA/media" BACKUP_ROOT="$DATA/backups" \
       CONG_UPTIME_ENABLED=false CONG_BACKUP_SCHEDULER_ENABLED=false CONG_UPTIME_ROLLUP_ENABLED=false
SCHEMA="t_$CODE"
q() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -tAqc "$1" "$DB"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -q -pl platform -am package -DskipTests" >&2; exit 2; }
mkdir -p "$DATA/media" "$DATA/backups"

echo "== tenant $CODE in database $DB"
psql -h 127.0.0.1 -U postgres -tAqc "SELECT 1 FROM pg_database WHERE datname = '$DB'" postgres | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB" postgres
mkdir -p "$WORK/root" "$WORK/tenant"
printf 'code: bo\nname: {vi: Bộ Đo đạc, en: Ministry of Measuring}\nabbreviation: www\nparent: null\n' > "$WORK/root/bo.yaml"
printf 'code: %s\nname: {vi: Cục Lưu trữ Số liệu, en: Department of Records}\nabbreviation: %s\nparent: bo\n' "$CODE" "$CODE" \
  > "$WORK/tenant/$CODE.yaml"
for m in root tenant; do
  java -jar "$JAR" onboard "$WORK/$m" > "$WORK/onboard-$m.json" 2> "$WORK/onboard-$m.log" \
    || { tail -20 "$WORK/onboard-$m.log"; exit 1; }
done

echo "== $ITEMS published items (bulk SQL in the shape manifest provisioning writes, with a first revision each)"
q "INSERT INTO $SCHEMA.sections (slug, name_vi, name_en, position)
   SELECT 'chuyen-muc-' || n, 'Chuyên mục số ' || n, 'Section ' || n, n FROM generate_series(1, 12) n
   ON CONFLICT (slug) DO NOTHING"
have=$(q "SELECT count(*) FROM $SCHEMA.content_items WHERE slug LIKE 'so-lieu-%'")
t0=$(now_ms)
while [ "$have" -lt "$ITEMS" ]; do
  to=$(( have + 10000 < ITEMS ? have + 10000 : ITEMS ))
  # varied Vietnamese paragraphs, so the dump compresses like real text rather than like one repeated string
  q "WITH s(p) AS (SELECT ARRAY[
       'Thực hiện chỉ đạo của lãnh đạo Bộ, đơn vị đã tổ chức rà soát toàn bộ hồ sơ lưu trữ giai đoạn',
       'Hội nghị tổng kết công tác năm ghi nhận nhiều kết quả nổi bật về chuyển đổi số và cải cách hành chính',
       'Các địa phương được đề nghị báo cáo tình hình triển khai trước ngày mười lăm của tháng cuối quý',
       'Số liệu thống kê cho thấy lượng hồ sơ trực tuyến tăng đều qua từng tháng, vượt chỉ tiêu đề ra',
       'Đoàn công tác đã làm việc với sở, ban, ngành về kế hoạch ứng dụng công nghệ thông tin',
       'Ban biên tập tiếp nhận ý kiến góp ý của người dân và doanh nghiệp qua cổng thông tin điện tử',
       'Văn bản hướng dẫn nêu rõ trách nhiệm của từng đơn vị trong việc cập nhật cơ sở dữ liệu quốc gia',
       'Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác',
       'Lãnh đạo Cục yêu cầu các phòng chuyên môn phối hợp chặt chẽ, bảo đảm tiến độ và chất lượng',
       'Kết quả đánh giá mức độ hài lòng đạt trên chín mươi phần trăm ở hầu hết các thủ tục'] AS p)
     INSERT INTO $SCHEMA.content_items (kind, section_id, language, slug, title, summary, body_html, state, published_at, created_at, updated_at)
     SELECT 'article', (SELECT id FROM $SCHEMA.sections WHERE slug = 'chuyen-muc-' || (1 + n % 12)), 'vi', 'so-lieu-' || n,
            'Bản tin số ' || n || ': ' || p[1 + n % 10], p[1 + (n / 10) % 10] || ' năm ' || (2000 + n % 26) || '.',
            (SELECT string_agg('<p>' || p[1 + (n * k + k * k) % 10] || ' ' || (n * 7919 + k * 104729) % 1000003
                               || ', mã hồ sơ ' || md5((n * 31 + k)::text) || '.</p>', '' ORDER BY k) FROM generate_series(1, 14) k),
            'published', now() - make_interval(mins => n), now() - make_interval(mins => n), now() - make_interval(mins => n)
     FROM s, generate_series($((have + 1)), $to) n
     ON CONFLICT (language, slug) DO NOTHING"
  have=$to
  echo "   $have / $ITEMS"
done
q "INSERT INTO $SCHEMA.content_revisions (item_id, version, title, summary, body_html, created_at)
   SELECT i.id, 1, i.title, i.summary, i.body_html, i.created_at FROM $SCHEMA.content_items i
   WHERE i.slug LIKE 'so-lieu-%' AND NOT EXISTS (SELECT 1 FROM $SCHEMA.content_revisions r WHERE r.item_id = i.id)"
q "ANALYZE $SCHEMA.content_items; ANALYZE $SCHEMA.content_revisions"
items_s=$(( ($(now_ms) - t0) / 1000 ))
items=$(q "SELECT count(*) FROM $SCHEMA.content_items")

FILES=$(( MEDIA_MB * 1024 / FILE_KB ))
echo "== $MEDIA_MB MB of media: $FILES incompressible files of $FILE_KB KB, on disk in $DATA/media/$CODE and in media_files"
mkdir -p "$DATA/media/$CODE/2026"
t0=$(now_ms)
: > "$WORK/media.tsv"
for i in $(seq 1 "$FILES"); do
  name=$(printf 'bl-%05d.bin' "$i")
  f="$DATA/media/$CODE/2026/$name"
  [ -s "$f" ] || head -c $(( FILE_KB * 1024 )) /dev/urandom > "$f"
done
registered=$(q "SELECT count(*) FROM $SCHEMA.media_files WHERE stored_path LIKE '2026/bl-%'")
if [ "$registered" -lt "$FILES" ]; then
  ( cd "$DATA/media/$CODE" && find 2026 -name 'bl-*.bin' -print0 | xargs -0 sha256sum ) \
    | awk -v size=$(( FILE_KB * 1024 )) '{ printf "%s\t%s\tapplication/octet-stream\t%d\t%s\ttrue\n", $2, substr($2, 6), size, $1 }' > "$WORK/media.tsv"
  psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$DB" <<SQL
CREATE TEMP TABLE m (stored_path text, original_name text, content_type text, size_bytes bigint, sha256 text, attachment boolean);
\copy m FROM '$WORK/media.tsv'
INSERT INTO $SCHEMA.media_files (stored_path, original_name, content_type, size_bytes, sha256, attachment)
SELECT * FROM m ON CONFLICT (stored_path) DO NOTHING;
SQL
fi
media_s=$(( ($(now_ms) - t0) / 1000 ))
media_bytes=$(du -sb "$DATA/media/$CODE" | cut -f1)
schema_bytes=$(q "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = '$SCHEMA' AND c.relkind IN ('r', 'm')")
echo "   $items items, schema $((schema_bytes / 1048576)) MB, media $((media_bytes / 1048576)) MB (items ${items_s}s, media ${media_s}s)"
[ "${GENERATE_ONLY:-0}" = 1 ] && exit 0

# Runs the platform's CLI with the given arguments: its progress goes to the terminal as it comes, and
# $WORK/<name>.{out,err} keep its JSON result and its progress; <name>_ms, <name>_hwm (kB) and <name>_rc are set.
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
measured() {
  local name=$1; shift
  local t0 hwm=0 v pid rc=0
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" "$@" > "$WORK/$name.out" 2> >(tee "$WORK/$name.err" | grep --line-buffered -v ' INFO \| WARN ' >&2) &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    v=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$v" ] && hwm=$v
    sleep 0.2
  done
  wait "$pid" || rc=$?
  printf -v "${name}_ms" '%s' $(( $(now_ms) - t0 ))
  printf -v "${name}_hwm" '%s' "$hwm"
  printf -v "${name}_rc" '%s' "$rc"
}
field() { python3 -c "import json,sys; v = json.load(open(sys.argv[1])).get(sys.argv[2]); print('' if v is None else v)" "$WORK/$1.out" "$2"; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== backup + verification through the CLI (java $JAVA_OPTS -jar cong-platform.jar backup $CODE)"
measured backup backup "$CODE"
[ "$backup_rc" = 0 ] || { echo "backup failed (exit $backup_rc):"; cat "$WORK/backup.out"; tail -20 "$WORK/backup.err"; exit 1; }
backup_id=$(field backup backup)
backup_path=$(field backup path)
backup_bytes=$(field backup sizeBytes)
# the rows: tables/ (format copy, the default) or schema.dump (BACKUP_FORMAT=pg-dump)
if [ -d "$backup_path/tables" ]; then
  dump_bytes=$(du -sb "$backup_path/tables" | cut -f1); dump_what="tables/ (COPY of each table, gzip 1)"
else
  dump_bytes=$(stat -c %s "$backup_path/schema.dump"); dump_what="schema.dump (pg_dump custom format)"
fi
backup_only_ms=$(field backup backupMillis)
verify_only_ms=$(field backup verificationMillis)

echo "== in-place restore of backup #$backup_id through the CLI (safety backup first)"
measured restore restore "$CODE" "$backup_id"
[ "$restore_rc" = 0 ] || { echo "restore failed (exit $restore_rc):"; cat "$WORK/restore.out"; tail -20 "$WORK/restore.err"; exit 1; }
items_after=$(q "SELECT count(*) FROM $SCHEMA.content_items")
media_after=$(du -sb "$DATA/media/$CODE" | cut -f1)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# the progress lines of a command's standard error: the first and the last line of each step
steps() {
  grep -v ' INFO \| WARN \| DEBUG \| ERROR ' "$1" | awk '{ key = $0; sub(/:.*| \(.*/, "", key)
    if (key != prev) { if (last != "" && last != first) print last; print; first = $0 } last = $0; prev = key }
    END { if (last != first) print last }'
}
verdict() { [ "$1" -lt 300000 ] && echo "met" || echo "missed"; }
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
REPORT="$ROOT/load-tests/scale/reports/large-tenant-$STAMP.md"
{
  echo "# One large tenant: backup, verification and restore ($STAMP)"
  echo
  echo "\`load-tests/scale/large-tenant.sh $ITEMS $MEDIA_MB\` on $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB RAM,"
  echo "$(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version' postgres | cut -d' ' -f1) (PostgreSQL), load average $load_before before and $load_after after"
  echo "(other work shared the machine). The CLI ran as \`java $JAVA_OPTS -jar cong-platform.jar …\`; peak RSS is VmHWM of that JVM."
  echo "Jar: \`${JAR_LABEL:-$JAR}\`; backup format \`${BACKUP_FORMAT:-copy}\`."
  echo
  echo "| Tenant \`$CODE\` | |"
  echo "|---|---|"
  echo "| Items (published, one revision each) | $items |"
  echo "| Tenant schema in PostgreSQL (tables, indexes, TOAST) | $(mb "$schema_bytes") MB |"
  echo "| Media | $FILES files, $(mb "$media_bytes") MB (random bytes: incompressible) |"
  echo
  echo "| Step | Time | Peak RSS of the JVM | Goal (< 5 min) |"
  echo "|---|---|---|---|"
  echo "| Backup (the rows and their digests in one snapshot, media copy checksummed as it is written, manifest with SHA-256 of every file) | $(secs "$backup_only_ms") s | | |"
  echo "| Verification (every file read again against the manifest, the schema rebuilt in a scratch database, row counts and digests) | $(secs "$verify_only_ms") s | | |"
  echo "| **Backup + verification** (\`backup $CODE\`, JVM start included) | **$(secs "$backup_ms") s** | $((backup_hwm / 1024)) MB | $(verdict "$backup_ms") |"
  echo "| **Restore in place** (\`restore $CODE $backup_id\`: checksums, safety backup, schema rebuilt, Flyway, media made the backup's; JVM start included) | **$(secs "$restore_ms") s** | $((restore_hwm / 1024)) MB | $(verdict "$restore_ms") |"
  echo
  echo "Backup #$backup_id: $(mb "$backup_bytes") MB in all, of which $dump_what $(mb "$dump_bytes") MB."
  echo "After the restore: $items_after items, media $(mb "$media_after") MB."
  echo "Media is streamed (each file through one 1 MiB buffer, checksummed from the bytes copied): the JVM's peak"
  echo "resident memory stays far below the $(mb "$media_bytes") MB of media, with a heap limit of \`$JAVA_OPTS\`."
  echo
  echo "## What the operator saw (standard error of \`backup $CODE\`, progress lines)"
  echo
  echo '```'
  steps "$WORK/backup.err"
  echo '```'
  echo
  echo "## Standard error of \`restore $CODE $backup_id\` (progress lines)"
  echo
  echo '```'
  steps "$WORK/restore.err"
  echo '```'
} > "$REPORT"
echo "== report: $REPORT"
cat "$REPORT"

if [ "${KEEP:-0}" != 1 ]; then
  echo "== removing the generated media and the backups (KEEP=1 keeps them; the items stay in $DB)"
  q "DELETE FROM $SCHEMA.media_files WHERE stored_path LIKE '2026/bl-%'"
  rm -rf "${DATA:?}/media/$CODE" "${DATA:?}/backups/$CODE"
fi
