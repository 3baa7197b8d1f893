#!/usr/bin/env bash
# Builds the base image the platform's container image starts from, as a tar Jib reads (`tar://`), from
# Debian's own packages only: no container registry and no Docker daemon. Kept out of CI (it downloads
# about 150 MB of packages and needs root for debootstrap's chroot).
#
#   platform/deploy/image/build-base.sh [output.tar]     (default: platform/deploy/image/target/cong-base.tar)
#
# The image holds Debian 12 (bookworm, minbase), the Java 17 runtime, the PostgreSQL 15 client tools the backups
# run (pg_dump/pg_restore must match the server's major version: set PG_MAJOR for another server), CA certificates,
# and the user 10001 the Kubernetes manifests run as. Where a registry is reachable, a base such as
# eclipse-temurin:17-jre plus postgresql-client works as well: pass -Djib.from.image=<it> to Jib instead.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/target/cong-base.tar}"
suite="${SUITE:-bookworm}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
pg_major="${PG_MAJOR:-15}"
work="$(mktemp -d /tmp/cong-base.XXXXXX)"
rootfs="$work/rootfs"
trap 'umount "$rootfs/proc" 2>/dev/null || true; rm -rf "$work"' EXIT

if ! command -v debootstrap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
fi

echo "== debootstrap $suite (minbase) into $rootfs"
debootstrap --variant=minbase --include=ca-certificates "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -30 "$work/debootstrap.log"; exit 1; }

echo "== Java 17 runtime and PostgreSQL $pg_major client tools"
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" /bin/sh -ec "
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p /usr/share/man/man1
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless postgresql-client-$pg_major fontconfig
  apt-get clean
  rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /usr/share/doc /usr/share/man /usr/share/info /var/log/*
  groupadd --gid 10001 cong && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin cong
  mkdir -p /app /data && chown 10001:10001 /data
"
umount "$rootfs/proc"

echo "== image tar (Docker save format: one layer, its config, a manifest)"
img="$work/image"
mkdir -p "$img/layer"
# a reproducible layer: sorted names, fixed owner and times
tar --sort=name --numeric-owner --mtime='2026-01-01 00:00:00' -C "$rootfs" -cf "$img/layer/layer.tar" .
diff_id="sha256:$(sha256sum "$img/layer/layer.tar" | cut -d' ' -f1)"
java_home="/usr/lib/jvm/java-17-openjdk-amd64"
cat >"$img/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"2026-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],
           "User":"10001","WorkingDir":"/app"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"2026-01-01T00:00:00Z","created_by":"platform/deploy/image/build-base.sh ($suite, openjdk-17-jre-headless, postgresql-client-$pg_major)"}]}
JSON
config_sha="$(sha256sum "$img/config.json" | cut -d' ' -f1)"
mv "$img/config.json" "$img/$config_sha.json"
echo "[{\"Config\":\"$config_sha.json\",\"RepoTags\":[\"cong-base:$suite\"],\"Layers\":[\"layer/layer.tar\"]}]" >"$img/manifest.json"
mkdir -p "$(dirname "$out")"
tar --sort=name -C "$img" -cf "$out" manifest.json "$config_sha.json" layer/layer.tar
echo "== $out ($(du -h "$out" | cut -f1)), layer $diff_id"
