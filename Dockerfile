# seizurewatch service image: `serve` by default (BullMQ workers + HTTP API on :8787).
# Build: docker build -t seizurewatch .   Run with docker-compose.yml (Redis beside it).
# `docker run --rm seizurewatch demo` runs the offline demo.

# Build stage: all dependencies, compile TypeScript to dist/, then drop the devDependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary fits the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Dependencies before the sources, so this layer is reused while only the code changes. The
# project's own `prepare` (the build) needs the sources: skip scripts here, then build the
# native addons explicitly.
RUN npm ci --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3 msgpackr-extract
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY jobs ./jobs
COPY extractors ./extractors
RUN npm run build \
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime stage: compiled JavaScript, runtime dependencies, config; no compiler, no sources.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config ./config
# The demo's feed and pages (the only fixture files the package ships).
COPY tests/fixtures/golden-dw-belgium/feed.xml tests/fixtures/golden-dw-belgium/article.html \
  tests/fixtures/golden-dw-belgium/negative-article.html ./tests/fixtures/golden-dw-belgium/
# Build the gazetteer and rule-table caches once, into the image (node_modules/.cache), so no
# container start pays for them.
RUN node bin/seizurewatch.js extract tests/fixtures/golden-dw-belgium/article.html >/dev/null
# Store, NDJSON output and alert state live in /app/data (relative `data/` in the config).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8787
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:8787/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node, not npm, as PID 1's child: SIGTERM reaches seizurewatch and it shuts down gracefully.
ENTRYPOINT ["node", "bin/seizurewatch.js"]
CMD ["serve", "--config", "config/docker.yaml"]
