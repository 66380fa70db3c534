import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { bootstrapDatabase } from "../db/bootstrap";
import { openConfiguredDatabase } from "../db/index";
import { readConfig, serverMemorySettings, withoutPassword } from "../lib/config/env";
import { buildIsStale, recordBuild } from "./build-fingerprint";
import { demoSecret } from "./demo-secret";

// What `npm start` (scripts/start.mjs) does before it serves the app, in a process that then ends:
// check the configuration, migrate (and on first start seed) the database, build the app when there
// is no up-to-date build. It answers the launcher on file descriptor 3 with how to run the server:
// Node's arguments, Next's, and the environment. With --dev, for `next dev` and no build.

const root = process.cwd();
const dev = process.argv.includes("--dev");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** Why the database could not be opened, in one line that never holds the password. */
function startFailure(error: unknown, where: string): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ETIMEDOUT" || /timeout/i.test(message)) {
    return `the ${where} cannot be reached (${code ?? message}). Check the host and port of DATABASE_URL, and that the server runs.`;
  }
  // PostgreSQL's own refusals: 28xxx authentication, 3D000 no such database, 42501 no privilege.
  if (code && /^(28|3D|42501)/.test(code)) return `the ${where} refused the connection: ${message}. Check the user, password and database name of DATABASE_URL.`;
  return message;
}

async function main(): Promise<number> {
  const result = readConfig(process.env);
  if (!result.ok) {
    console.error(`Baseline cannot start: the configuration is wrong.\n${result.errors.map((e) => `  - ${e}`).join("\n")}\nSee .env.example for every setting.`);
    return 1;
  }
  const config = result.config;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: config.authSecret ?? demoSecret(config.databasePath),
    // Without a configured public address, next-auth takes it from the request's Host header.
    ...(config.authUrl ? {} : { AUTH_TRUST_HOST: "true" }),
  };

  const db = openConfiguredDatabase(config);
  const where = config.databaseUrl ? `PostgreSQL database ${withoutPassword(config.databaseUrl)}` : `database ${config.databasePath}`;
  try {
    const outcome = await bootstrapDatabase(db, config);
    const said = {
      "seeded-demo": "created and filled with the demo data",
      "created-admin": `created, with the administrator ${config.admin.email}`,
      "kept-existing-data": "up to date; existing data kept",
    }[outcome];
    console.log(`Baseline: ${where} ${said}. ${config.demo ? "Demo mode (BASELINE_DEMO=0 for production)." : "Production mode."}`);
  } catch (error) {
    console.error(`Baseline cannot start: ${startFailure(error, where)}`);
    return 1;
  } finally {
    await db.close();
  }

  if (!dev && buildIsStale(root)) {
    console.log("Baseline: building the app (a minute or two, once per change of the code)...");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    if (build.status !== 0) return build.status ?? 1;
    recordBuild(root);
  }

  // Idle connections stay open longer than clients and proxies keep theirs (often 60 s), so that a
  // client never sends a request on a connection the server is closing at that moment.
  const keepAlive = dev ? [] : ["--keepAliveTimeout", "65000"];
  // The development server compiles the app in its heap: its memory settings stay V8's own.
  const memory = dev ? { nodeArgs: [], env: {} } : serverMemorySettings(config.heapMb);
  const server: ServerLaunch = {
    node: memory.nodeArgs,
    next: [dev ? "dev" : "start", "--port", String(config.port), ...keepAlive],
    // A setting of the machine's own (MALLOC_ARENA_MAX in the environment) wins.
    env: { ...memory.env, ...env },
  };
  fs.writeSync(3, JSON.stringify(server));
  return 0;
}

export type ServerLaunch = { node: string[]; next: string[]; env: NodeJS.ProcessEnv };

void main().then((code) => process.exit(code));
