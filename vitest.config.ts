import { defineConfig } from "vitest/config";

// Each PGlite instance costs a few hundred MB and a core: two workers fit this 2-core machine.
export default defineConfig({
  test: {
    include: process.env.DATABASE_URL ? ["test/**/*.test.ts"] : ["test/{unit,db,e2e}/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
