import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/db/test-database";
import { databaseEngine } from "@/lib/config/env";

const globalForDb = globalThis as unknown as { baselineDb?: { close: () => Promise<void> } };
const engine = databaseEngine();
// The setting that names the database: the tests run on one engine, and point the app at their own.
const setting = engine === "postgresql" ? "DATABASE_URL" : "DATABASE_PATH";
const server = process.env[setting];

describe("GET /api/health", () => {
  afterEach(async () => {
    await globalForDb.baselineDb?.close();
    delete globalForDb.baselineDb;
    if (server === undefined) delete process.env[setting];
    else process.env[setting] = server;
  });

  it("answers 200 {status: ok} with the engine once the database answers", async () => {
    const { location, remove } = await createTestDatabase();
    process.env[setting] = location;
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", engine });
    await remove();
  });

  it("answers 503 when the database cannot be opened", async () => {
    const { location, remove } = await createTestDatabase();
    // A path under a regular file, where no database can be created; a database the server does not have.
    process.env[setting] = engine === "postgresql" ? `${location}_gone` : `${location}/baseline.db`;
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable" });
    await remove();
  });
});
