import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import pg from "pg";

// The PostgreSQL databases of a test run, on the server of DATABASE_URL: each test file gets one
// of its own, copied from a template (CREATE DATABASE … TEMPLATE) and dropped after it. A template
// is made once per run and content (migrated, or migrated and seeded with the demo as of a day),
// by whichever test file needs it first; vitest.global-setup.ts drops the run's databases at the end.

/** The PostgreSQL server of the tests, the benchmark and the load test: TEST_DATABASE_URL, or the local one. */
export const TEST_POSTGRES = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * Whether that server answers, asked in a process of its own so that a caller that must be
 * synchronous (Playwright's configuration) can ask too.
 */
export function postgresAnswers(serverUrl = TEST_POSTGRES): boolean {
  const probe =
    "const c = new (require('pg').Client)({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 }); c.connect().then(() => c.end(), () => process.exit(1))";
  return spawnSync(process.execPath, ["-e", probe, serverUrl], { timeout: 10_000 }).status === 0;
}

/** A new, empty database of that name on the server (one left by an earlier run is dropped first): its URL, and how to drop it. */
export async function freshDatabase(serverUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a test database name: ${name}`);
  await onServer(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted(name)}`);
  });
  return { url: databaseUrl(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

const dropDatabase = (serverUrl: string, name: string) =>
  onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`)).then(() => undefined);

/** The run's prefix for database names: vitest.global-setup.ts sets it for every test file. */
export const runPrefix = (run: string) => `baseline_t${run}_`;

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const exists = async (client: pg.Client, name: string) => (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
// Names are made here from a run id and hex digits only: quoting them is enough.
const quoted = (name: string) => `"${name}"`;

/**
 * A new database for one test file, copied from the run's template `kind` (made by `fill`, given
 * the template's URL, the first time any test file of the run asks for it). Returns its URL and
 * how to drop it.
 */
export async function copyOfTemplate(serverUrl: string, run: string, kind: string, fill: (url: string) => Promise<void>): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = `${runPrefix(run)}tpl_${createHash("sha256").update(kind).digest("hex").slice(0, 12)}`;
  const name = `${runPrefix(run)}${process.pid}_${createHash("sha256").update(`${Math.random()}`).digest("hex").slice(0, 8)}`;
  await onServer(serverUrl, async (client) => {
    // One test file at a time makes a template; copies wait for it (a template must have no session open).
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [template]);
    try {
      if (!(await exists(client, template))) {
        const filling = `${template}_filling`;
        await client.query(`DROP DATABASE IF EXISTS ${quoted(filling)} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${quoted(filling)}`);
        await fill(databaseUrl(serverUrl, filling));
        await client.query(`ALTER DATABASE ${quoted(filling)} RENAME TO ${quoted(template)}`);
      }
      await client.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [template]);
    }
  });
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => dropDatabase(serverUrl, name),
  };
}

/** Drops every database of a run (at its end, or left by a run that was stopped). */
export async function dropRunDatabases(serverUrl: string, run: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    const names = (await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [runPrefix(run)])).rows;
    for (const { datname } of names) await client.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
  });
}
