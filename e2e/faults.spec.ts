import net from "node:net";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, signInByRequest } from "./support/accounts";
import { startInstance } from "./support/instance";

// The database server goes away in the middle of a load of reads and writes, and comes back. An
// instance of the app reaches PostgreSQL through a TCP relay that the test cuts (every connection
// dropped, new ones refused, as while a server restarts) and restores: while it is cut, the app
// answers 503 as problem+json, never a stack trace; it recovers by itself; and no write it
// acknowledged is lost.

type Listed = { indicatorId: number; locationCode: string; disaggregation: Record<string, string>; version: number | null; value: number | null };
type Answer = { at: number; status: number; type: string; body: string; write: boolean };

const PROJECT = "CD-HSEC-NK";

/** A relay from a local port to the database server, that can be cut and restored. */
function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const open = (port: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((inbound) => {
        const outbound = net.connect(target.port, target.host);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, "127.0.0.1", () => resolve((server!.address() as net.AddressInfo).port));
    });
  return {
    open,
    cut: () => {
      server?.close();
      for (const s of sockets) s.destroy();
    },
  };
}

let app: Awaited<ReturnType<typeof startInstance>> | undefined;
test.afterAll(() => app?.stop());

test("PostgreSQL down in the middle of a load: 503 problem+json meanwhile, recovery by itself, no acknowledged write lost", async () => {
  const { databaseUrl } = test.info().project.metadata as { databaseUrl?: string };
  test.skip(!databaseUrl, "a database server that goes away is PostgreSQL's case");
  test.setTimeout(120_000);
  const server = new URL(databaseUrl!);
  const tcp = relay({ host: server.hostname, port: Number(server.port || 5432) });
  const relayPort = await tcp.open(0);
  const viaRelay = Object.assign(new URL(databaseUrl!), { port: String(relayPort) }).toString();
  app = await startInstance(Number(new URL(test.info().project.use.baseURL!).port) + 2, viaRelay);
  const { baseURL } = app;
  const manager: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  await signInByRequest(manager, ACCOUNTS.manager);

  const project = (await (await manager.get(`/api/v1/projects/${PROJECT}`)).json()) as { results: { indicators: { id: number; code: string }[] }[] };
  const indicatorId = project.results.flatMap((r) => r.indicators).find((i) => i.code === "OP1.2")!.id;
  const current = async () => {
    const { data } = (await (await manager.get(`/api/v1/data-values?project=${PROJECT}&period=2026Q4`)).json()) as { data: Listed[] };
    return data.find((v) => v.indicatorId === indicatorId && v.locationCode === "CD-NK-NYI" && Object.keys(v.disaggregation).length === 0);
  };
  let version = (await current())?.version ?? null;
  let value = 100;

  const answers: Answer[] = [];
  const acknowledged: { value: number; version: number }[] = [];
  const started = Date.now();
  const record = async (write: boolean, response: Promise<import("@playwright/test").APIResponse>) => {
    const r = await response.catch(() => null);
    const answer = r
      ? { at: Date.now() - started, status: r.status(), type: r.headers()["content-type"] ?? "", body: await r.text(), write }
      : { at: Date.now() - started, status: 0, type: "", body: "no answer", write };
    answers.push(answer);
    return answer;
  };
  let stop = false;
  const writer = (async () => {
    while (!stop) {
      const next = ++value;
      const answer = await record(
        true,
        manager.put("/api/v1/data-values", { data: [{ indicatorId, period: "2026Q4", locationCode: "CD-NK-NYI", disaggregation: {}, value: next, version }] }),
      );
      if (answer.status === 200) {
        const saved = (JSON.parse(answer.body) as { values: { version: number; value: number }[] }).values[0]!;
        acknowledged.push({ value: saved.value, version: saved.version });
        version = saved.version;
      } else if (answer.status === 503) {
        // Whether a write that got no acknowledgement was saved is not known: read the cell again, once the database answers.
        const seen = await current().catch(() => undefined);
        if (seen) version = seen.version;
      }
    }
  })();
  const reader = (async () => {
    while (!stop) {
      await record(false, manager.get("/api/v1/portfolio"));
      await record(false, manager.get(`/api/v1/projects/${PROJECT}`));
    }
  })();

  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const cutAt = Date.now() - started;
  tcp.cut();
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  const backAt = Date.now() - started;
  await tcp.open(relayPort);
  // Recovered: reads and writes succeed again, within seconds of the server's return.
  await expect.poll(() => answers.filter((a) => a.at > backAt && a.status === 200 && a.write).length, { timeout: 15_000 }).toBeGreaterThan(3);
  await expect.poll(() => answers.filter((a) => a.at > backAt && a.status === 200 && !a.write).length, { timeout: 15_000 }).toBeGreaterThan(3);
  stop = true;
  await Promise.all([writer, reader]);

  const recovered = Math.min(...answers.filter((a) => a.at > backAt && a.status === 200).map((a) => a.at)) - backAt;
  console.log(`${answers.length} requests; ${answers.filter((a) => a.status === 503).length} answered 503 while the database was away (${backAt - cutAt} ms); first success ${recovered} ms after its return`);
  expect(recovered).toBeLessThan(5_000);
  // Every answer is a success or a 503 problem, in problem+json, without a trace of the code.
  expect(answers.filter((a) => a.status !== 200 && a.status !== 503).map((a) => `${a.status} ${a.body.slice(0, 200)}`)).toEqual([]);
  const unavailable = answers.filter((a) => a.status === 503);
  expect(unavailable.length).toBeGreaterThan(0);
  for (const a of unavailable) {
    expect(a.type).toContain("application/problem+json");
    expect(JSON.parse(a.body)).toMatchObject({ status: 503, type: "/api/v1/problems/unavailable" });
    expect(a.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
  }
  // No acknowledged write lost: each one moved the version by one from the one before it, and the
  // cell holds the last one (or a later write whose acknowledgement the outage swallowed).
  expect(acknowledged.length).toBeGreaterThan(5);
  for (const [i, a] of acknowledged.entries()) if (i > 0) expect(a.version).toBeGreaterThan(acknowledged[i - 1]!.version);
  const last = acknowledged.at(-1)!;
  const final = (await current())!;
  expect(final.version).toBeGreaterThanOrEqual(last.version);
  if (final.version === last.version) expect(final.value).toBe(last.value);
  await manager.dispose();
});
