import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { Result } from "lighthouse";
import { round } from "./bench/measure";
import { signIn, startServer } from "./bench/server";

// `npm run bench:lighthouse`: Lighthouse 12 with its default mobile profile (a slow 4G connection and
// a CPU four times slower) on the pages people open on a phone, each as the person who opens it, on
// the demo data of a database of its own and the production build. Each figure is the median of
// three runs, as these machines are noisy. Targets: performance >= 90, accessibility 100, total
// blocking time < 200 ms. The figures go into bench/results.json under "lighthouse".

const ROOT = process.cwd();
const PORT = 3400;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CHROME = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

type Who = "donor" | "staff" | "manager" | "nobody";
const ACCOUNTS: Record<Exclude<Who, "nobody">, string> = {
  donor: "donor.japan@baseline.test",
  staff: "staff@baseline.test",
  manager: "manager@baseline.test",
};
const PAGES: { name: string; path: string; as: Who }[] = [
  { name: "portfolio", path: "/", as: "donor" },
  { name: "portfolio", path: "/", as: "staff" },
  { name: "programme", path: "/programmes/RW-REINT", as: "donor" },
  { name: "programme", path: "/programmes/RW-REINT", as: "staff" },
  { name: "project dashboard", path: "/projects/RW-REINT-P4", as: "donor" },
  { name: "project dashboard", path: "/projects/RW-REINT-P4", as: "staff" },
  { name: "entry grid", path: "/projects/RW-REINT-P4/entry/2026Q4", as: "manager" },
  { name: "sign-in", path: "/login", as: "nobody" },
];

type Scores = { performance: number; accessibility: number; totalBlockingTimeMs: number; largestContentfulPaintMs: number; failedAudits: string[] };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One Lighthouse run through its command line, in plain Node: the functions it sends to the page must be as published. */
function audit(url: string, cookie: string | null, dir: string): Scores {
  const report = path.join(dir, "report.json");
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/lighthouse/cli/index.js"),
      url,
      "--output=json",
      `--output-path=${report}`,
      "--only-categories=performance,accessibility",
      `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
      "--quiet",
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ],
    { env: { ...process.env, ...(CHROME ? { CHROME_PATH: CHROME } : {}) }, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (run.status !== 0) throw new Error(`Lighthouse failed on ${url} (exit ${run.status})`);
  const lhr = JSON.parse(fs.readFileSync(report, "utf8")) as Result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} led to ${lhr.finalDisplayedUrl}: signed out?`);
  const a11y = lhr.categories.accessibility!.auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]!.score! < 1);
  return {
    performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility!.score ?? 0) * 100),
    totalBlockingTimeMs: Math.round(lhr.audits["total-blocking-time"]!.numericValue ?? 0),
    largestContentfulPaintMs: Math.round(lhr.audits["largest-contentful-paint"]!.numericValue ?? 0),
    failedAudits: a11y.map((ref) => ref.id),
  };
}

/**
 * The server's first answer of a page fills its caches: asked once, not measured. On a connection of
 * its own: fetch would reuse one left idle through the minutes of the previous page's runs, which the
 * server may close at that moment.
 */
function warmUp(url: string, cookie: string | null): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: cookie ? { Cookie: cookie } : {} }, (response) => {
        response.resume();
        response.on("end", resolve);
      })
      .on("error", reject);
  });
}

async function main() {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-lighthouse-"));
  const server = await startServer(path.join(dir, "demo.db"), PORT);
  const pages: Record<string, Scores & { page: string; as: Who; runs: Scores[] }> = {};
  try {
    const cookies: Record<Who, string | null> = { nobody: null, donor: null, staff: null, manager: null };
    for (const [who, email] of Object.entries(ACCOUNTS)) cookies[who as Who] = await signIn(server.base, email);
    for (const page of PAGES) {
      const runs: Scores[] = [];
      await warmUp(`${server.base}${page.path}`, cookies[page.as]);
      for (let i = 0; i < RUNS; i++) runs.push(audit(`${server.base}${page.path}`, cookies[page.as], dir));
      const scores: Scores = {
        performance: median(runs.map((r) => r.performance)),
        accessibility: median(runs.map((r) => r.accessibility)),
        totalBlockingTimeMs: median(runs.map((r) => r.totalBlockingTimeMs)),
        largestContentfulPaintMs: median(runs.map((r) => r.largestContentfulPaintMs)),
        failedAudits: [...new Set(runs.flatMap((r) => r.failedAudits))],
      };
      pages[`${page.name} (${page.as})`] = { page: page.path, as: page.as, ...scores, runs };
      console.log(
        `lighthouse: ${page.name} as ${page.as}: performance ${scores.performance}, accessibility ${scores.accessibility}, TBT ${scores.totalBlockingTimeMs} ms, LCP ${scores.largestContentfulPaintMs} ms${scores.failedAudits.length ? ` (accessibility audits failed: ${scores.failedAudits.join(", ")})` : ""}`,
      );
    }
  } finally {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const resultsFile = path.join(ROOT, "bench", "results.json");
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const kept = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, "utf8")) as Record<string, unknown>) : {};
  const lighthouseResults = {
    commit: execSync("git rev-parse HEAD", { encoding: "utf8" }).trim(),
    lighthouse: "12.2.3, default mobile profile",
    runs: RUNS,
    pages: Object.fromEntries(Object.entries(pages).map(([name, { runs, ...scores }]) => [name, { ...scores, runs: runs.map((r) => r.performance) }])),
    seconds: round((Date.now() - started) / 1000, 0),
  };
  fs.writeFileSync(resultsFile, `${JSON.stringify({ ...kept, lighthouse: lighthouseResults }, null, 2)}\n`);
  console.log("\n| page | as | performance | accessibility | total blocking time | largest contentful paint |\n|---|---|---|---|---|---|");
  for (const [name, s] of Object.entries(pages)) console.log(`| ${name.replace(/ \(.*\)$/, "")} \`${s.page}\` | ${s.as} | ${s.performance} | ${s.accessibility} | ${s.totalBlockingTimeMs} ms | ${s.largestContentfulPaintMs} ms |`);
  const missed = Object.entries(pages).filter(([, s]) => s.performance < 90 || s.accessibility < 100 || s.totalBlockingTimeMs >= 200);
  console.log(`\nbench:lighthouse: done in ${lighthouseResults.seconds} s; ${missed.length === 0 ? "every page meets its targets" : `below target: ${missed.map(([name]) => name).join(", ")}`}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
