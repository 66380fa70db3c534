import { z } from "zod";

// Every setting Baseline reads from the environment, validated once at start. `.env.example`
// lists the same variables.

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], {
    error: (issue) => `must be 1 or 0 (or true/false, yes/no, on/off), got "${String(issue.input)}"`,
  })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

/**
 * The server's JavaScript heap limit (MB). Without one, V8 lets garbage grow to several times what is
 * live before it collects: a 100,000-row import peaked at 750 MB of resident memory with 140 MB live.
 * 256 MB holds the largest import (100,000 rows) and keeps the whole server near 300 MB.
 */
export const DEFAULT_HEAP_MB = 256;

/**
 * How the server's process holds its memory: the heap limit; a young generation of 2 x 12 MB instead
 * of V8's 2 x 16 MB, which sat nearly empty between requests (0.4 MB used of 32 MB); and two malloc
 * arenas instead of glibc's eight per core, whose native memory a thread pool spreads thin. In
 * `npm run bench` the server peaked at 349 MB, then 298 MB, at the same speed. 2 x 8 MB kept it at
 * 274 MB but doubled the time of a 100,000-row Kobo import (70 s against 32 s): its parser's objects
 * no longer died young.
 */
export function serverMemorySettings(heapMb: number): { nodeArgs: string[]; env: Record<string, string> } {
  return { nodeArgs: [`--max-old-space-size=${heapMb}`, "--max-semi-space-size=12"], env: { MALLOC_ARENA_MAX: "2" } };
}

const envSchema = z.object({
  PORT: z
    .string()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, {
      error: (issue) => `must be a whole number between 1 and 65535, got "${String(issue.input)}"`,
    })
    .transform(Number)
    .default(3000),
  DATABASE_PATH: z.string().min(1, "must be a file path").default("data/baseline.db"),
  // Never echoed: it may hold a password.
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
      error: "must be a PostgreSQL connection URL such as postgres://user:password@host:5432/baseline",
    })
    .optional(),
  BASELINE_DEMO: flag.default(true),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
  NEXTAUTH_URL: z.url("must be a full URL such as https://baseline.example.org").optional(),
  BASELINE_ADMIN_EMAIL: z.email("must be an e-mail address").optional(),
  BASELINE_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  BASELINE_ADMIN_NAME: z.string().min(1).optional(),
  BASELINE_HEAP_MB: z
    .string()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 128, {
      error: (issue) => `must be a whole number of megabytes, at least 128, got "${String(issue.input)}"`,
    })
    .transform(Number)
    .default(DEFAULT_HEAP_MB),
});

export type AppConfig = {
  port: number;
  databasePath: string;
  /** A PostgreSQL server's database; the embedded file at databasePath when absent. */
  databaseUrl: string | undefined;
  demo: boolean;
  authSecret: string | undefined;
  authUrl: string | undefined;
  admin: { email: string | undefined; password: string | undefined; name: string };
  heapMb: number;
};

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; errors: string[] };

/** Reads the configuration; returns one message per wrong variable rather than throwing at the first. */
export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  // An empty variable means "not set", as in most shells' `VAR= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    return { ok: false, errors: [...new Set(errors)] };
  }
  const e = parsed.data;
  if (!e.BASELINE_DEMO && !e.NEXTAUTH_SECRET) {
    return {
      ok: false,
      errors: [
        "NEXTAUTH_SECRET is required in production mode (BASELINE_DEMO=0): set it to a random string of at least 32 characters, e.g. the output of `openssl rand -base64 32`",
      ],
    };
  }
  return {
    ok: true,
    config: {
      port: e.PORT,
      databasePath: e.DATABASE_PATH,
      databaseUrl: e.DATABASE_URL,
      demo: e.BASELINE_DEMO,
      authSecret: e.NEXTAUTH_SECRET,
      authUrl: e.NEXTAUTH_URL,
      admin: { email: e.BASELINE_ADMIN_EMAIL?.toLowerCase(), password: e.BASELINE_ADMIN_PASSWORD, name: e.BASELINE_ADMIN_NAME ?? "Administrator" },
      heapMb: e.BASELINE_HEAP_MB,
    },
  };
}

/** For the running server, whose environment the start script has already checked. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const result = readConfig(env);
  if (!result.ok) throw new Error(`Invalid configuration:\n- ${result.errors.join("\n- ")}`);
  return result.config;
}

/** The database engine of this process: PostgreSQL when DATABASE_URL is set, the embedded SQLite file otherwise. */
export function databaseEngine(env: Record<string, string | undefined> = process.env): "sqlite" | "postgresql" {
  return env.DATABASE_URL ? "postgresql" : "sqlite";
}

/** The connection string with its password left out, for messages. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "*****";
    return parsed.toString();
  } catch {
    return "(a DATABASE_URL that is not a URL)";
  }
}
