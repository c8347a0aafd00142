import { defineConfig } from "vitest/config";

// Three kinds of tests:
//  *.test.ts      pure (domain, credentials): run once.
//  *.int.test.ts  touch a database: run twice, on embedded PGlite and on a real PostgreSQL server
//                 that test/postgres-server.ts starts for the run.
//  e2e/*.e2e.ts   drive headless Chromium against a served Cairn.
const integration = ["src/**/*.int.test.ts", "test/**/*.int.test.ts"];

export default defineConfig({
  test: {
    reporters: ["default", "./test/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: integration,
        },
      },
      {
        test: {
          name: "pglite",
          include: integration,
          env: { CAIRN_TEST_DB: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "postgres",
          include: integration,
          env: { CAIRN_TEST_DB: "postgres" },
          globalSetup: ["./test/postgres-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          globalSetup: ["./test/postgres-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
