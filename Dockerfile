# tdkt-bot: one image for polling, webhook and the admin CLI.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# A smaller young generation and a capped heap keep an instance near 130 MB under load
# (see npm run bench -- webhook); raise the cap for an agency exporting very large lists.
# One V8 helper thread instead of four: on the one or two cores an agency's server has, four
# compiling the embedded database's WebAssembly starved the main thread (a start 0.25 s slower).
ENV NODE_OPTIONS="--v8-pool-size=1 --max-semi-space-size=8 --max-old-space-size=112"
COPY package.json package-lock.json ./
# npm ci applies these fixes to dependencies (patch-package; see patches/).
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# One bundle, built once here: Node loads it a second faster than TypeScript through tsx.
RUN npm run build
# The embedded database lives here when DATABASE_URL is unset; mount a volume on it.
ENV DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
CMD ["node", "dist/bundle/main.mjs"]
