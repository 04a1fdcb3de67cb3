# The image e2e workloads run on the real cluster (npm run e2e:real builds it with podman and loads it:
# the cluster has no registry). `sh` comes from the base; the web server is web.js.
ARG BASE_IMAGE=localhost/node-base:20
FROM ${BASE_IMAGE}
COPY web.js /srv/web.js
CMD ["node", "/srv/web.js"]
