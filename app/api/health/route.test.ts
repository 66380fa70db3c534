import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/db/test-database";

const globalForDb = globalThis as unknown as { baselineDb?: unknown };

describe("GET /api/health", () => {
  afterEach(() => {
    delete globalForDb.baselineDb;
    delete process.env.DATABASE_PATH;
  });

  it("answers 200 {status: ok} with the engine once the database answers", async () => {
    const { file, remove } = createTestDatabase();
    process.env.DATABASE_PATH = file;
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", engine: "sqlite" });
    remove();
  });

  it("answers 503 when the database cannot be opened", async () => {
    // A path under a regular file: no database can be created there.
    const { file, remove } = createTestDatabase();
    process.env.DATABASE_PATH = `${file}/baseline.db`;
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable" });
    remove();
  });
});
