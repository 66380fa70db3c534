import { spawn, type ChildProcess } from "node:child_process";

// The production build served on a database of its own, for the benchmark and the load test: a
// SQLite file, or a PostgreSQL database (`url`) with that file's folder for the demo secret;
// `npm start`'s preparation (migration, a build only when the code changed), then `next start`.

export type Server = { base: string; process: ChildProcess; stop: () => void };

export async function startServer(file: string, port: number, url?: string): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: file, DATABASE_URL: url ?? "", BASELINE_DEMO: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  let stopping = false;
  child.on("exit", (code, signal) => {
    if (!stopping) console.error(`bench: the server stopped (exit ${code ?? signal})`);
  });
  const deadline = Date.now() + 8 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return {
          base,
          process: child,
          stop: () => {
            stopping = true;
            child.kill("SIGTERM");
          },
        };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error("the server did not answer /api/health in time");
}

/** A session cookie, signed in as a person would through next-auth's endpoints. */
export async function signIn(base: string, email: string, password = "baseline-demo"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`could not sign in as ${email}`);
  return session.split(";")[0]!;
}
