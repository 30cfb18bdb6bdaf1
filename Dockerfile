# seizurewatch service image: `serve` by default (BullMQ workers + HTTP API on :8787).
# Build: docker build -t seizurewatch .   Run with docker-compose.yml (Redis beside it).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary fits the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY jobs ./jobs
COPY extractors ./extractors
COPY config ./config
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
