#!/usr/bin/env bash
# npm run e2e:real-install [jest args]: Flotilla installed with its Helm chart on the real cluster of
# ../shared/realcluster (built and started when needed): Flotilla's image and a Redis image built
# with podman from localhost/node-base and loaded there, then e2e/install/real-install.e2e.spec.ts.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RC=${REALCLUSTER_SH:-$ROOT/../shared/realcluster/realcluster.sh}
STATE=${REALCLUSTER_DIR:-/var/tmp/realcluster}
export PATH=$PATH:$ROOT/.tools/bin
export CONTAINERS_CONF=$STATE/containers.conf
[[ -f $RC ]] || { echo "e2e:real-install: $RC not found (set REALCLUSTER_SH)" >&2; exit 2; }

say() { printf 'e2e:real-install: %s\n' "$*"; }
timed() { local t0=$SECONDS; "$@"; say "$* — $((SECONDS - t0)) s"; }

cd "$ROOT"
timed bash "$RC" build
if ! bash "$RC" status >/dev/null 2>&1; then timed bash "$RC" start; fi
base="localhost/node-base:$(node -p 'process.versions.node.split(".")[0]')"
timed env BASE_IMAGE="$base" bash tools/scripts/build-image.sh --load localhost/flotilla:dev
for image in flotilla-e2e:1:e2e-app flotilla-redis:7:redis; do
  name=${image%:*} file=${image##*:}
  timed podman build -q --build-arg "BASE_IMAGE=$base" -t "localhost/$name" -f "e2e/images/$file.Dockerfile" e2e/images >/dev/null
  timed bash "$RC" load-image "localhost/$name"
done
FLOTILLA_TEST_CLUSTER=real FLOTILLA_REAL_KUBECONFIG=$STATE/kubeconfig \
  FLOTILLA_E2E_IMAGE=localhost/flotilla:dev FLOTILLA_E2E_REDIS_IMAGE=localhost/flotilla-redis:7 \
  npx jest --runInBand e2e/install "$@"
