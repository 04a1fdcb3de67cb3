#!/bin/sh
# Starts one Flotilla service in the image: called as flotilla-<service> (symlinks, as Argo CD's image
# has argocd-server, argocd-repo-server, ...) or as `flotilla-service <service> [args]`.
set -eu
# As PID 1 (a pod's `command:` replaces the image's tini entrypoint), put tini in front, so orphaned
# tool processes (git, ssh, helm) are reaped and signals reach node as they would under tini.
if [ "$$" = 1 ] && command -v tini >/dev/null; then exec tini -- "$0" "$@"; fi
root=${FLOTILLA_ROOT:-/flotilla}
name=$(basename "$0")
if [ "$name" = flotilla-service ]; then
  name=${1:-}
  [ $# -gt 0 ] && shift
fi
name=${name#flotilla-}
main="$root/services/$name/src/main.js"
if [ -z "$name" ] || [ ! -f "$main" ]; then
  echo "flotilla-service: no service \"$name\"; one of: $(ls "$root/services" | tr '\n' ' ')" >&2
  echo "usage: flotilla-service <service> (or flotilla-<service>); the CLI is flotilla" >&2
  exit 64
fi
cd "$root"
exec node "$main" "$@"
