#!/usr/bin/env bash
# Builds Flotilla's image (the Dockerfile) with podman, or docker when podman is absent, and prints the
# time and size.
#   tools/scripts/build-image.sh [--smoke] [--load] [IMAGE]     IMAGE defaults to flotilla:dev
#   BASE_IMAGE=localhost/node-base:20 tools/scripts/build-image.sh   (passed as --build-arg BASE_IMAGE)
# --smoke then runs the image as a pod with readOnlyRootFilesystem would (read-only root, tmpfs on the
# declared dirs): its tools, the CLI, and repo-server up to /readyz with the host's Redis
# (FLOTILLA_REDIS_URL, default redis://127.0.0.1:6379). --load copies it into ../shared/realcluster.
# CONTAINER_ENGINE=podman|docker forces the engine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

smoke=false load=false image=flotilla:dev
for arg in "$@"; do
  case $arg in
    --smoke) smoke=true ;;
    --load) load=true ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "build-image: unknown option $arg" >&2; exit 2 ;;
    *) image=$arg ;;
  esac
done

say() { printf 'build-image: %s\n' "$*"; }
engine=${CONTAINER_ENGINE:-}
if [[ -z $engine ]]; then
  if command -v podman >/dev/null; then
    engine=podman
  elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    engine=docker
  else
    echo "build-image: neither podman nor a running docker was found" >&2
    exit 1
  fi
fi
# podman fails on the realcluster machines without their containers.conf (../shared/realcluster/README.md).
rc_conf=${REALCLUSTER_DIR:-/var/tmp/realcluster}/containers.conf
if [[ $engine == podman && -z ${CONTAINERS_CONF:-} && -f $rc_conf ]]; then export CONTAINERS_CONF=$rc_conf; fi

build_args=()
[[ -n ${BASE_IMAGE:-} ]] && build_args+=(--build-arg "BASE_IMAGE=$BASE_IMAGE")
say "$engine build -t $image (base: ${BASE_IMAGE:-Dockerfile default})"
t0=$SECONDS
"$engine" build "${build_args[@]}" -t "$image" "$ROOT"
size=$("$engine" image inspect "$image" --format '{{.Size}}')
say "built $image in $((SECONDS - t0)) s, $((size / 1000000)) MB"

if $smoke; then
  writable=(--read-only --tmpfs /tmp:exec,mode=1777 --tmpfs /var/cache/flotilla:mode=1777
    --tmpfs /helm-working-dir:mode=1777 --tmpfs /home/flotilla:mode=1777)
  "$engine" run --rm "${writable[@]}" "$image" sh -ec '
    echo "user: $(id)"
    helm version --short; kubectl version --client 2>/dev/null | head -1
    git --version; ssh -V 2>&1; gpg --version | head -1; tini --version
    flotilla --help >/dev/null && echo "flotilla CLI: ok"
    ls /flotilla/services | sed "s/^/service: flotilla-/"'
  name=flotilla-smoke-$$
  ops=${SMOKE_OPS_PORT:-38084}
  trap '"$engine" rm -f "$name" >/dev/null 2>&1 || true' EXIT
  "$engine" run -d --name "$name" "${writable[@]}" --network host \
    -e "FLOTILLA_REDIS_URL=${FLOTILLA_REDIS_URL:-redis://127.0.0.1:6379}" \
    -e "FLOTILLA_REPO_SERVER_PORT=${SMOKE_GRPC_PORT:-38081}" -e "FLOTILLA_REPO_SERVER_OPS_PORT=$ops" \
    "$image" flotilla-repo-server >/dev/null
  t0=$SECONDS
  until curl -sf "http://127.0.0.1:$ops/readyz" >/dev/null; do
    if ((SECONDS - t0 > 60)) || [[ $("$engine" inspect -f '{{.State.Running}}' "$name") != true ]]; then
      "$engine" logs "$name" >&2
      echo "build-image: repo-server did not reach /readyz (is Redis at ${FLOTILLA_REDIS_URL:-redis://127.0.0.1:6379}?)" >&2
      exit 1
    fi
    sleep 0.5
  done
  say "repo-server ready in the image after $((SECONDS - t0)) s (read-only root, user $("$engine" exec "$name" id -u))"
fi

if $load; then
  rc=${REALCLUSTER_SH:-$ROOT/../shared/realcluster/realcluster.sh}
  bash "$rc" load-image "$image"
fi
