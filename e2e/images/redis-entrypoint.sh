#!/bin/sh
# As the official Redis image's entrypoint does: without a config file (the first argument is an
# option, or there is none) protected mode goes off, since a pod's clients always come from elsewhere;
# with one (the chart's redis-ha), the file decides.
if [ -z "$1" ] || [ "${1#-}" != "$1" ]; then set -- --protected-mode no "$@"; fi
exec redis-server "$@"
