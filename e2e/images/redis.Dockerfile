# Redis for the chart on the real cluster (no registry there: built with podman from node-base and
# loaded). Debian's redis-server and redis-sentinel; the chart passes redis-server's arguments.
ARG BASE_IMAGE=localhost/node-base:20
FROM ${BASE_IMAGE}
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends redis-server redis-sentinel >/dev/null \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /data
# Without a config file Redis 7 runs in protected mode and drops every client from another host; the
# entrypoint turns it off then, as the official image's does.
COPY redis-entrypoint.sh /usr/local/bin/redis-entrypoint
ENTRYPOINT ["sh", "/usr/local/bin/redis-entrypoint"]
