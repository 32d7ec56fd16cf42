# syntax=docker/dockerfile:1
# One image recipe for all six services: the monorepo is built once, and SERVICE picks
# which bundle the container starts. Build e.g.:
#   docker build --build-arg SERVICE=ordering -t metered-supplies/ordering .
ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: the full dependency tree (dev tools included) the build needs -----------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# --- build: webpack bundles in dist/apps/<name>/main.js and the portal in dist/web --------
FROM deps AS build
COPY . .
RUN npm run build

# --- runtime: production dependencies only (the bundles still require node_modules) ------
FROM ${NODE_IMAGE} AS runtime
# HOST: the services listen on loopback by default, which a container cannot be reached on.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist

ARG SERVICE
ENV SERVICE=${SERVICE}
# Fail the build, not the first start, when SERVICE is missing or names no bundle.
RUN test -n "$SERVICE" || { echo "build arg SERVICE is required (gateway, identity, registry, ordering, notifications, operations, telemetry)" >&2; exit 1; }; \
    test -f "dist/apps/$SERVICE/main.js" || { echo "no bundle dist/apps/$SERVICE/main.js: unknown SERVICE '$SERVICE'" >&2; exit 1; }

# The image's own `node` user (uid 1000); files stay root-owned, so the app cannot modify them.
USER node

# Liveness only: readiness (database + Kafka) is the orchestrator's business (compose, k8s).
# The port is <SERVICE>_PORT when set, otherwise the service's default port.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "const s=process.env.SERVICE;const d={gateway:3000,identity:3001,registry:3002,ordering:3003,notifications:3004,operations:3005,telemetry:3006};const p=process.env[s.toUpperCase()+'_PORT']||d[s];fetch('http://127.0.0.1:'+p+'/health/live',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# exec: node becomes PID 1 and receives SIGTERM itself, so shutdown hooks run.
CMD exec node dist/apps/$SERVICE/main.js
