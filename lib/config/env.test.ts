import { describe, expect, it } from "vitest";
import { readConfig, serverMemorySettings } from "./env";

describe("readConfig", () => {
  it("defaults to demo mode on port 3000 with data/baseline.db", () => {
    const result = readConfig({});
    expect(result).toEqual({
      ok: true,
      config: expect.objectContaining({ port: 3000, databasePath: "data/baseline.db", demo: true }),
    });
  });

  it("reads PORT, DATABASE_PATH and BASELINE_DEMO", () => {
    const result = readConfig({ PORT: "4000", DATABASE_PATH: "/tmp/x.db", BASELINE_DEMO: "0", NEXTAUTH_SECRET: "s".repeat(32) });
    expect(result.ok && result.config).toMatchObject({ port: 4000, databasePath: "/tmp/x.db", demo: false });
  });

  it("gives one clear message per wrong variable", () => {
    const result = readConfig({ PORT: "abc", BASELINE_DEMO: "maybe", NEXTAUTH_URL: "not a url" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(3);
    expect(result.errors.find((e) => e.startsWith("PORT"))).toBe(`PORT must be a whole number between 1 and 65535, got "abc"`);
    expect(result.errors.find((e) => e.startsWith("BASELINE_DEMO"))).toContain('"maybe"');
    expect(result.errors.find((e) => e.startsWith("NEXTAUTH_URL"))).toContain("full URL");
  });

  it("refuses production mode without NEXTAUTH_SECRET", () => {
    const result = readConfig({ BASELINE_DEMO: "false" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^NEXTAUTH_SECRET is required in production mode/);
  });

  it("refuses a short secret and a short admin password", () => {
    const result = readConfig({ NEXTAUTH_SECRET: "short", BASELINE_ADMIN_PASSWORD: "short" });
    expect(!result.ok && result.errors).toEqual([
      expect.stringMatching(/^NEXTAUTH_SECRET must be at least 32/),
      expect.stringMatching(/^BASELINE_ADMIN_PASSWORD must be at least 12/),
    ]);
  });

  it("treats an empty variable as unset", () => {
    expect(readConfig({ PORT: "" })).toMatchObject({ ok: true, config: { port: 3000 } });
  });

  it("keeps the admin e-mail lower-case", () => {
    const result = readConfig({ BASELINE_ADMIN_EMAIL: "Admin@Example.org" });
    expect(result.ok && result.config.admin.email).toBe("admin@example.org");
  });

  it("limits the server's heap to 256 MB unless told otherwise, and never below 128 MB", () => {
    expect(readConfig({})).toMatchObject({ ok: true, config: { heapMb: 256 } });
    expect(readConfig({ BASELINE_HEAP_MB: "512" })).toMatchObject({ ok: true, config: { heapMb: 512 } });
    for (const wrong of ["64", "lots", "1.5"]) {
      const result = readConfig({ BASELINE_HEAP_MB: wrong });
      expect(!result.ok && result.errors).toEqual([expect.stringMatching(new RegExp(`^BASELINE_HEAP_MB must be a whole number of megabytes, at least 128, got "${wrong}"`))]);
    }
  });
});

describe("serverMemorySettings", () => {
  it("gives the server its heap limit, a small young generation and few malloc arenas", () => {
    expect(serverMemorySettings(256)).toEqual({ nodeArgs: ["--max-old-space-size=256", "--max-semi-space-size=12"], env: { MALLOC_ARENA_MAX: "2" } });
    expect(serverMemorySettings(512).nodeArgs[0]).toBe("--max-old-space-size=512");
  });
});
