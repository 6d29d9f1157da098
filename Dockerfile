# One image for the gateway and every subgraph; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /hub
# better-sqlite3 builds from source when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY services services
COPY gateway gateway
COPY scripts scripts
COPY schema schema
COPY test test
RUN npx tsc -p . && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /hub
ENV NODE_ENV=production
COPY --from=build /hub/package.json ./
COPY --from=build /hub/node_modules node_modules
COPY --from=build /hub/dist dist
COPY --from=build /hub/schema schema
COPY --from=build /hub/gateway/playground gateway/playground
USER node
CMD ["node", "dist/gateway/main.js"]
