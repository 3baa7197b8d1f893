#!/usr/bin/env bash
# Runs the image Jib built (platform/target/cong-platform-image.tar) without a container runtime: unpacks its
# layers in order into a root file system, starts its entrypoint there in a chroot as the image's user (10001)
# with the image's environment, against PostgreSQL and Redis on 127.0.0.1, and checks /health. Needs root.
# Kept out of CI, like the image build.
#   platform/deploy/image/smoke-test.sh [image.tar] [port=8120]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
image="${1:-$here/../../target/cong-platform-image.tar}"
port="${2:-8120}"
db=cong_image_smoke
work="$(mktemp -d /tmp/cong-image.XXXXXX)"
root="$work/root"
cleanup() {
  pid=$(lsof -t -i :"$port" -sTCP:LISTEN 2>/dev/null || true)
  [ -n "$pid" ] && kill "$pid" && sleep 2
  umount "$root/proc" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/image" "$root"
tar xf "$image" -C "$work/image"
config="$work/image/$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0]['Config'])" "$work/image/manifest.json")"
for layer in $(python3 -c "import json,sys; print(' '.join(json.load(open(sys.argv[1]))[0]['Layers']))" "$work/image/manifest.json"); do
  tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$root"
done
# the image's user, working directory, environment and entrypoint, as its config says
read -r user workdir < <(python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['config']; print(c['User'], c['WorkingDir'])" "$config")
mapfile -t envs < <(python3 -c "import json,sys; print('\n'.join(json.load(open(sys.argv[1]))['config']['Env']))" "$config")
entry=$(python3 -c "import json,sys,shlex; print(shlex.join(json.load(open(sys.argv[1]))['config']['Entrypoint']))" "$config")
echo "== image: user $user, workdir $workdir, entrypoint: $entry"
echo "== tools in the image: $(env -i "${envs[@]}" /usr/sbin/chroot "$root" /bin/sh -c "java -version" 2>&1 | head -1); $(chroot "$root" pg_dump --version)"
mkdir -p "$root/tmp" "$root/data" && chmod 1777 "$root/tmp" && chown "$user:$user" "$root/data"
mount -t proc proc "$root/proc"
env -i "${envs[@]}" PORT="$port" CONG_DATABASE_NAME="$db" REDIS_PREFIX="cong:$db:" \
  /usr/sbin/chroot --userspec="$user:$user" "$root" /bin/sh -c "cd $workdir && exec $entry" > "$work/run.log" 2>&1 &
for _ in $(seq 1 180); do
  grep -q "Startup completed\|APPLICATION FAILED" "$work/run.log" && break
  sleep 1
done
grep -o "Startup completed in [0-9]*ms" "$work/run.log" || { tail -40 "$work/run.log"; exit 1; }
status=$(curl -s -o "$work/health.json" -w '%{http_code}' "http://127.0.0.1:$port/health")
echo "== /health: $status $(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['status'])" "$work/health.json")"
[ "$status" = 200 ]
