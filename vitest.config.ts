import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Postgres and SQLite suites share one server; files run in parallel workers but each uses its own schema.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
