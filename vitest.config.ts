import { defineConfig } from "vitest/config";

// Each PGlite instance costs a few hundred MB and a core: two workers fit this 2-core machine.
export default defineConfig({
  test: {
    include: process.env.DATABASE_URL ? ["test/**/*.test.ts"] : ["test/{unit,db,e2e}/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    // A restarting PostgreSQL makes postgres.js's type fetch on reconnect reject outside any query
    // (main.ts logs those); the fault test restarts the server on purpose. Anything else still fails.
    onUnhandledError: (error) =>
      !/ECONNREFUSED|57P01|terminating connection|CONNECTION_(CLOSED|ENDED)/.test(`${(error as { code?: string }).code ?? ""} ${error.message}`),
    hookTimeout: 60_000,
  },
});
