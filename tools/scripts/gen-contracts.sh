#!/usr/bin/env bash
# Generates libs/contracts/src/gen from proto/ with @grpc/proto-loader's generator.
#   bash tools/scripts/gen-contracts.sh          write the generated types
#   bash tools/scripts/gen-contracts.sh --check  fail when the committed types are stale
# The load options here must match PROTO_LOAD_OPTIONS in libs/contracts/src/load-contracts.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=libs/contracts/src/gen
mode=${1:-}
target=$out
# Inside the repository (git-ignored tmp/), so prettier formats the check copy with the same config.
if [ "$mode" = "--check" ]; then mkdir -p tmp && target=$(mktemp -d -p tmp contracts-check.XXXX) && trap 'rm -rf "$target"' EXIT; fi
rm -rf "$target" && mkdir -p "$target"
mapfile -t protos < <(cd proto && find . -name '*.proto' -not -path './google/*' | sed 's|^\./||' | sort)
npx --no-install proto-loader-gen-types --keepCase --longs=String --enums=String --defaults --oneofs \
  --grpcLib=@grpc/grpc-js --includeComments -I proto -I node_modules/protobufjs -O "$target" "${protos[@]}" >/dev/null
npx --no-install prettier --log-level warn --ignore-path .prettierignore --write "$target" >/dev/null
if [ "$mode" = "--check" ]; then
  if ! diff -r "$out" "$target" >/dev/null; then
    echo "libs/contracts/src/gen is stale: run 'npm run proto:gen' and commit the result" >&2
    diff -r "$out" "$target" | head -20 >&2 || true
    exit 1
  fi
  echo "generated contracts are up to date"
fi
