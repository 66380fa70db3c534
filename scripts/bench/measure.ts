import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";

// The measuring tools of `npm run bench`: HTTP latency and throughput with autocannon, the memory of
// a process tree, and the first-load JavaScript of each page from the build's manifests.

/** A page's first answer (ms, caches empty; none for writes), then its median, 95th percentile and requests per second. */
export type Latency = { firstMs?: number; p50: number; p95: number; rps: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Target = { url: string; method?: "GET" | "PUT"; headers: Record<string, string>; body?: () => string };

/** Runs autocannon for `seconds` and gives every response's time (ms) and the request count. */
async function run(target: Target, connections: number, seconds: number): Promise<{ times: number[]; requests: number; non2xx: number }> {
  const times: number[] = [];
  let non2xx = 0;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: target.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: target.method ?? "GET",
        headers: target.headers,
        ...(target.body ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: target.body!() }) } : {}),
      },
    ],
  }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    if (statusCode < 200 || statusCode > 299) non2xx++;
  });
  const result = await done;
  return { times, requests: result.requests.total, non2xx };
}

/**
 * The first answer's time, caches empty (for a page; awaited to its end, however long: a warm-up of
 * a second would cut the portfolio's first computation short, and the timed second would pay it),
 * then the median and 95th percentile with one connection, and requests per second with eight.
 */
export async function measure(target: Target, seconds: number): Promise<Latency & { errors: number }> {
  let firstMs: number | undefined;
  if ((target.method ?? "GET") === "GET") {
    const started = performance.now();
    await (await fetch(target.url, { headers: target.headers })).arrayBuffer();
    firstMs = round(performance.now() - started);
  }
  await run(target, 1, 1); // Warm-up: compiled routes, connections.
  const single = await run(target, 1, seconds);
  const sorted = [...single.times].sort((a, b) => a - b);
  const eight = await run(target, 8, seconds);
  return { firstMs, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), rps: round(eight.requests / seconds), errors: single.non2xx + eight.non2xx };
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** The resident memory (MB) of the descendants of a process (the server under its launcher), read from /proc. */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  let kb = 0;
  const visit = (pid: number) => {
    try {
      const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      kb += match ? Number(match[1]) : 0;
    } catch {
      // The process ended meanwhile.
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  for (const child of children.get(rootPid) ?? []) visit(child);
  return kb / 1024;
}

/** Samples a process tree's memory every 100 ms: what it held at the start, and at most since, until stopped. */
export function watchMemory(rootPid: number): { startedMb: number; peakMb: () => number; stop: () => void } {
  const startedMb = treeRssMb(rootPid);
  let peak = startedMb;
  const sample = () => (peak = Math.max(peak, treeRssMb(rootPid)));
  const sampler = setInterval(sample, 100);
  return {
    startedMb: round(startedMb),
    peakMb: () => round(sample()),
    stop: () => clearInterval(sampler),
  };
}

/**
 * The JavaScript a browser downloads to show each page first, gzipped (kB): the root chunks of the
 * build and the chunks of the page's segments (layouts, boundaries, page), from the manifests of
 * the production build, as Next.js no longer prints it.
 */
export function firstLoadJsKb(root: string): Record<string, number> {
  const nextDir = path.join(root, ".next");
  const rootFiles = (JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] }).rootMainFiles;
  const appDir = path.join(nextDir, "server", "app");
  const sizes: Record<string, number> = {};
  const gz = new Map<string, number>();
  const gzipped = (file: string) => {
    if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(nextDir, file))).length);
    return gz.get(file)!;
  };
  for (const file of fs.readdirSync(appDir, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith("page_client-reference-manifest.js") || file.startsWith("_")) continue;
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
    new Function("globalThis", fs.readFileSync(path.join(appDir, file), "utf8"))(sandbox);
    const [manifest] = Object.values(sandbox.__RSC_MANIFEST ?? {});
    if (!manifest) continue;
    const files = new Set([...rootFiles, ...Object.values(manifest.entryJSFiles).flat()]);
    const route = `/${path.dirname(file)}`.replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
    sizes[route === "" ? "/" : route] = round([...files].reduce((sum, f) => sum + gzipped(f), 0) / 1024);
  }
  return Object.fromEntries(Object.entries(sizes).sort(([a], [b]) => a.localeCompare(b)));
}
