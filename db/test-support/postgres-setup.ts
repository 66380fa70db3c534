import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { dropRunDatabases } from "./postgres-databases";

// The PostgreSQL half of the tests: names the run, whose databases each test file makes and drops
// (db/test-database.ts), and drops whatever of them is left at the end.
export default function setup(project: TestProject) {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  project.provide("baselineRun", run);
  // The project's environment is its test files'; this runs in vitest's own process.
  const server = project.config.env.DATABASE_URL as string;
  return () => dropRunDatabases(server, run);
}
