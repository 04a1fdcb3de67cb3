#!/usr/bin/env bash
# npm run e2e:real [-- --compare] [jest args]: Flotilla's e2e suite with the real single-node cluster
# of ../shared/realcluster as the spoke (the judge), building and starting it when needed. With
# --compare the same suite runs on kube-sim first, and both runs' times are printed side by side.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RC=${REALCLUSTER_SH:-$ROOT/../shared/realcluster/realcluster.sh}
STATE=${REALCLUSTER_DIR:-/var/tmp/realcluster}
IMAGE=localhost/flotilla-e2e:1
SPECS=(
  e2e/fleet/fleet.e2e.spec.ts
  e2e/fleet/actions.e2e.spec.ts
  e2e/crds/seed-manifests.e2e.spec.ts
  services/app-controller/src/sync/sync-semantics.integration.spec.ts
  services/app-controller/src/reconcile/multi-destination.integration.spec.ts
  tools/kube-sim/src/differential
)
export PATH=$PATH:$ROOT/.tools/bin
# podman fails on these machines without the cluster's configuration (its README).
export CONTAINERS_CONF=$STATE/containers.conf

compare=false
if [[ ${1:-} == --compare ]]; then compare=true; shift; fi
[[ -f $RC ]] || { echo "e2e:real: $RC not found (set REALCLUSTER_SH)" >&2; exit 2; }

say() { printf 'e2e:real: %s\n' "$*"; }
timed() { local t0=$SECONDS; "$@"; say "$* — $((SECONDS - t0)) s"; }

cd "$ROOT"
timed bash "$RC" build
if ! bash "$RC" status >/dev/null 2>&1; then timed bash "$RC" start; fi
base="localhost/node-base:$(node -p 'process.versions.node.split(".")[0]')"
timed podman build -q --build-arg "BASE_IMAGE=$base" -t "$IMAGE" -f e2e/images/e2e-app.Dockerfile e2e/images >/dev/null
timed bash "$RC" load-image "$IMAGE"
# kube-sim's differential cases run pods of the base image itself (imagePullPolicy: Never): a freshly built cluster lacks it.
timed bash "$RC" load-image "$base"

run_suite() { # $1: kube-sim|real, then jest args
  local kind=$1 out
  shift
  out=$(mktemp)
  say "running ${#SPECS[@]} specs against $kind"
  set +e
  local kubeconfig=
  [[ $kind == real ]] && kubeconfig=$STATE/kubeconfig
  FLOTILLA_TEST_CLUSTER=$kind FLOTILLA_REAL_KUBECONFIG=$kubeconfig \
    npx jest --runInBand --json --outputFile="$out" "${SPECS[@]}" "$@"
  local rc=$?
  set -e
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const s of r.testResults) {
      const secs = ((s.endTime - s.startTime) / 1000).toFixed(1);
      const ok = s.assertionResults.filter((a) => a.status === "passed").length;
      const bad = s.assertionResults.filter((a) => a.status === "failed").length;
      console.log(`${process.argv[2].padEnd(8)} ${secs.padStart(7)} s  ${String(ok).padStart(3)} passed ${String(bad).padStart(2)} failed  ${s.name.replace(process.cwd() + "/", "")}`);
    }' "$out" "$kind" >>"$SUMMARY"
  rm -f "$out"
  return $rc
}

SUMMARY=$(mktemp)
status=0
if $compare; then run_suite kube-sim "$@" || status=1; fi
run_suite real "$@" || status=1
echo
say "per spec file (cluster, wall time, tests):"
cat "$SUMMARY"
rm -f "$SUMMARY"
exit $status
