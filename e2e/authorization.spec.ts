import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CALLERS, callerClients, type Caller } from "./support/callers";
import { appDatabase } from "./support/database";

// Who may do what, over HTTP: every page and API route of the app (read from app/, so a new one
// fails this test until it is in the table) against every kind of caller. The subject is phase IV
// (RW-REINT-P4, funded by Japan, managed by the demo managers). Writes are sent in a form that an
// allowed caller gets refused on its content (422, 409) or only previewed, so the table changes
// nothing. Pages: 307 is the way to the sign-in page; 200 and 404 as for anyone.

type Expected = Record<Caller, number>;

/** Same answer for everyone signed in; the way to sign in for the others. */
const page = (signedIn: number, overrides: Partial<Expected> = {}): Expected => ({
  none: 307,
  otherDonor: signedIn,
  donor: signedIn,
  staff: signedIn,
  otherManager: signedIn,
  manager: signedIn,
  admin: signedIn,
  revokedToken: 307,
  ...overrides,
});
const api = (signedIn: number, overrides: Partial<Expected> = {}): Expected => ({
  none: 401,
  otherDonor: signedIn,
  donor: signedIn,
  staff: signedIn,
  otherManager: signedIn,
  manager: signedIn,
  admin: signedIn,
  revokedToken: 401,
  ...overrides,
});
/** Phase IV's reads: its donor, staff, its managers and admins; 404 for the other donor and the other project's manager. */
const p4Read = (status = 200, overrides: Partial<Expected> = {}) => api(status, { otherDonor: 404, otherManager: 404, ...overrides });
const p4Page = (status = 200, overrides: Partial<Expected> = {}) => page(status, { otherDonor: 404, otherManager: 404, ...overrides });

type Row = { route: string; method?: "GET" | "POST" | "PUT" | "PATCH"; url: string; body?: unknown; contentType?: string; expect: Expected };

const ROWS: Row[] = [
  // Pages
  // Signed in already: on to the portfolio.
  { route: "/login", url: "/login", expect: page(307, { none: 200, revokedToken: 200 }) },
  { route: "/", url: "/", expect: page(200) },
  { route: "/audit", url: "/audit", expect: page(404, { admin: 200 }) },
  { route: "/admin/users", url: "/admin/users", expect: page(404, { admin: 200 }) },
  // A one-time sign-in link is for people without a session: an unknown token says so to anyone.
  { route: "/welcome/{token}", url: "/welcome/not-a-valid-token-at-all", expect: page(200, { none: 200, revokedToken: 200 }) },
  { route: "/settings", url: "/settings", expect: page(200) },
  // What the service worker keeps for use without a connection: for anyone, and it names nobody's data.
  { route: "/offline", url: "/offline", expect: page(200, { none: 200, revokedToken: 200 }) },
  { route: "/manifest/{file}", url: "/manifest/fr.webmanifest", expect: page(200, { none: 200, revokedToken: 200 }) },
  { route: "/serwist/{path}", url: "/serwist/sw.js", expect: page(200, { none: 200, revokedToken: 200 }) },
  { route: "/programmes/{code}", url: "/programmes/RW-REINT", expect: page(200, { otherDonor: 404, otherManager: 404 }) },
  { route: "/projects/new", url: "/projects/new", expect: page(404, { admin: 200 }) },
  { route: "/projects/{code}", url: "/projects/RW-REINT-P4", expect: p4Page() },
  { route: "/projects/{code}/edit", url: "/projects/RW-REINT-P4/edit", expect: p4Page(404, { manager: 200, admin: 200 }) },
  { route: "/projects/{code}/framework", url: "/projects/RW-REINT-P4/framework", expect: p4Page(404, { manager: 200, admin: 200 }) },
  { route: "/projects/{code}/framework/indicators/{id}", url: "/projects/RW-REINT-P4/framework/indicators/{indicator}", expect: p4Page(404, { manager: 200, admin: 200 }) },
  { route: "/projects/{code}/entry", url: "/projects/RW-REINT-P4/entry", expect: p4Page(200, { donor: 404 }) },
  { route: "/projects/{code}/entry/{period}", url: "/projects/RW-REINT-P4/entry/2026Q2", expect: p4Page(200, { donor: 404 }) },
  { route: "/projects/{code}/beneficiaries", url: "/projects/RW-REINT-P4/beneficiaries", expect: p4Page() },
  { route: "/projects/{code}/beneficiaries/duplicates", url: "/projects/RW-REINT-P4/beneficiaries/duplicates", expect: p4Page(404, { manager: 200, admin: 200 }) },
  { route: "/projects/{code}/beneficiaries/import", url: "/projects/RW-REINT-P4/beneficiaries/import", expect: p4Page(404, { manager: 200, admin: 200 }) },
  { route: "/projects/{code}/trainings", url: "/projects/RW-REINT-P4/trainings", expect: p4Page() },
  { route: "/projects/{code}/trainings/{id}", url: "/projects/RW-REINT-P4/trainings/{training}", expect: p4Page(404, { manager: 200, admin: 200 }) },
  // API
  { route: "/api/health", url: "/api/health", expect: api(200, { none: 200, revokedToken: 200 }) },
  { route: "/api/auth/{nextauth}", url: "/api/auth/csrf", expect: api(200, { none: 200, revokedToken: 200 }) },
  { route: "/api/v1/openapi.json", url: "/api/v1/openapi.json", expect: api(200, { none: 200, revokedToken: 200 }) },
  { route: "/api/docs", url: "/api/docs", expect: api(200, { none: 200, revokedToken: 200 }) },
  { route: "/api/docs/{file}", url: "/api/docs/start.js", expect: api(200, { none: 200, revokedToken: 200 }) },
  { route: "/api/v1/portfolio", url: "/api/v1/portfolio", expect: api(200) },
  { route: "/api/v1/projects", url: "/api/v1/projects", expect: api(200) },
  { route: "/api/v1/projects/{ref}", url: "/api/v1/projects/RW-REINT-P4", expect: p4Read() },
  { route: "/api/v1/projects/{ref}/export.csv", url: "/api/v1/projects/RW-REINT-P4/export.csv?kind=values", expect: p4Read() },
  { route: "/api/v1/projects/{ref}/export.csv", url: "/api/v1/projects/RW-REINT-P4/export.csv?kind=records", expect: p4Read(403, { manager: 200, admin: 200 }) },
  { route: "/api/v1/projects/{ref}/export.xlsx", url: "/api/v1/projects/RW-REINT-P4/export.xlsx", expect: p4Read() },
  { route: "/api/v1/projects/{ref}/trainings", url: "/api/v1/projects/RW-REINT-P4/trainings", expect: p4Read() },
  { route: "/api/v1/projects/{ref}/report.pdf", url: "/api/v1/projects/RW-REINT-P4/report.pdf?period=2026Q2", expect: p4Read() },
  { route: "/api/v1/projects/{ref}/iati.xml", url: "/api/v1/projects/RW-REINT-P4/iati.xml", expect: p4Read() },
  { route: "/api/v1/projects/{ref}/periods/{period}", url: "/api/v1/projects/RW-REINT-P4/periods/2026Q3", expect: p4Read(200, { donor: 404 }) },
  {
    route: "/api/v1/projects/{ref}/periods/{period}/{action}",
    method: "POST",
    url: "/api/v1/projects/RW-REINT-P4/periods/2026Q2/approve",
    body: {},
    expect: p4Read(403, { manager: 409, admin: 409 }),
  },
  {
    route: "/api/v1/projects/{ref}/beneficiaries/import",
    method: "POST",
    url: "/api/v1/projects/RW-REINT-P4/beneficiaries/import?mode=preview",
    body: "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date\n",
    contentType: "text/csv",
    expect: p4Read(403, { manager: 200, admin: 200 }),
  },
  { route: "/api/v1/projects/{ref}/import-mappings", url: "/api/v1/projects/RW-REINT-P4/import-mappings", expect: p4Read(403, { manager: 200, admin: 200 }) },
  {
    route: "/api/v1/projects/{ref}/import-mappings",
    method: "POST",
    url: "/api/v1/projects/RW-REINT-P4/import-mappings",
    body: { name: "" },
    expect: p4Read(403, { manager: 422, admin: 422 }),
  },
  { route: "/api/v1/projects/{ref}/import-mappings/{id}", url: "/api/v1/projects/RW-REINT-P4/import-mappings/999999", expect: p4Read(403, { manager: 404, admin: 404 }) },
  {
    route: "/api/v1/projects/{ref}/import-mappings/{id}",
    method: "PUT",
    url: "/api/v1/projects/RW-REINT-P4/import-mappings/999999",
    body: { name: "" },
    expect: p4Read(403, { manager: 422, admin: 422 }),
  },
  { route: "/api/v1/projects/{ref}/duplicates", url: "/api/v1/projects/RW-REINT-P4/duplicates", expect: p4Read(403, { manager: 200, admin: 200 }) },
  {
    route: "/api/v1/projects/{ref}/duplicates/scan",
    method: "POST",
    url: "/api/v1/projects/RW-REINT-P4/duplicates/scan",
    body: {},
    expect: p4Read(403, { manager: 200, admin: 200 }),
  },
  {
    route: "/api/v1/projects/{ref}/duplicates/{id}/{decision}",
    method: "POST",
    url: "/api/v1/projects/RW-REINT-P4/duplicates/999999/merge",
    body: {},
    expect: p4Read(403, { manager: 404, admin: 404 }),
  },
  { route: "/api/v1/projects/{ref}/beneficiaries/template.csv", url: "/api/v1/projects/RW-REINT-P4/beneficiaries/template.csv", expect: p4Read(403, { manager: 200, admin: 200 }) },
  { route: "/api/v1/programmes/{ref}", url: "/api/v1/programmes/RW-REINT", expect: api(200, { otherDonor: 404, otherManager: 404 }) },
  { route: "/api/v1/programmes/{ref}/export.csv", url: "/api/v1/programmes/RW-REINT/export.csv", expect: api(200, { otherDonor: 404, otherManager: 404 }) },
  { route: "/api/v1/programmes/{ref}/export.xlsx", url: "/api/v1/programmes/RW-REINT/export.xlsx", expect: api(200, { otherDonor: 404, otherManager: 404 }) },
  { route: "/api/v1/programmes/{ref}/iati.xml", url: "/api/v1/programmes/RW-REINT/iati.xml", expect: api(200, { otherDonor: 404, otherManager: 404 }) },
  { route: "/api/v1/data-values", url: "/api/v1/data-values?project=RW-REINT-P4&period=2026Q2", expect: p4Read() },
  {
    route: "/api/v1/data-values",
    method: "PUT",
    url: "/api/v1/data-values",
    body: [{ indicatorId: "{indicator}", period: "2026Q4", locationCode: "RW-05-HUY", disaggregation: {}, value: -1 }],
    expect: p4Read(403, { otherDonor: 403, otherManager: 403, manager: 422, admin: 422 }),
  },
  { route: "/api/v1/data-values/export.csv", url: "/api/v1/data-values/export.csv", expect: api(200) },
  { route: "/api/v1/tasks", url: "/api/v1/tasks", expect: api(200) },
  { route: "/api/v1/audit/export.csv", url: "/api/v1/audit/export.csv?action=period", expect: api(403, { admin: 200 }) },
  { route: "/api/v1/users", url: "/api/v1/users", expect: api(403, { admin: 200 }) },
  { route: "/api/v1/users", method: "POST", url: "/api/v1/users", body: { name: "", email: "nobody", role: "staff", language: "en" }, expect: api(403, { admin: 422 }) },
  { route: "/api/v1/users/{id}", method: "PATCH", url: "/api/v1/users/{staff}", body: { role: "nothing" }, expect: api(403, { admin: 422 }) },
];

const APP = path.resolve("app");

/** Every page and route handler of the app, in the table's form ("/projects/{code}"), read from the files. */
function appRoutes(): string[] {
  return fs
    .readdirSync(APP, { recursive: true, encoding: "utf8" })
    .filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f))
    .map(
      (f) =>
        `/${path.dirname(f)}`
          .split(path.sep)
          .join("/")
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\[\.\.\.([^\]]+)\]/g, "{$1}")
          .replace(/\[([^\]]+)\]/g, "{$1}") || "/",
    )
    .map((r) => (r === "" ? "/" : r));
}

test("the table holds every page and API route of the app", () => {
  const inTable = new Set(ROWS.map((r) => r.route));
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(30);
  expect(routes.filter((r) => !inTable.has(r))).toEqual([]);
  expect([...inTable].filter((r) => !routes.includes(r))).toEqual([]);
});

test("every caller gets the answer of the table, on every page and API route", async () => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL!;
  const clients = await callerClients(baseURL);
  const db = appDatabase();
  const ids = {
    indicator: (await db.one<{ id: number }>("SELECT i.id FROM indicators i JOIN projects p ON p.id = i.project_id WHERE p.code = 'RW-REINT-P4' AND i.code = 'OP2.3'")).id,
    training: (await db.one<{ id: number }>("SELECT t.id FROM trainings t JOIN projects p ON p.id = t.project_id WHERE p.code = 'RW-REINT-P4' ORDER BY t.id LIMIT 1")).id,
    staff: (await db.one<{ id: number }>("SELECT id FROM users WHERE email = 'staff@baseline.test'")).id,
  };
  await db.close();
  const fill = (text: string) => text.replace("{indicator}", String(ids.indicator)).replace("{training}", String(ids.training)).replace("{staff}", String(ids.staff));
  const wrong: string[] = [];
  for (const row of ROWS) {
    for (const caller of CALLERS) {
      const body =
        row.body === undefined
          ? undefined
          : typeof row.body === "string"
            ? row.body
            : JSON.parse(fill(JSON.stringify(row.body)).replace(`"${ids.indicator}"`, String(ids.indicator)));
      const response = await clients[caller].fetch(fill(row.url), {
        method: row.method ?? "GET",
        maxRedirects: 0,
        ...(body === undefined ? {} : { data: typeof body === "string" ? Buffer.from(body) : body, headers: { "Content-Type": row.contentType ?? "application/json" } }),
      });
      if (response.status() !== row.expect[caller]) wrong.push(`${row.method ?? "GET"} ${fill(row.url)} as ${caller}: ${response.status()}, expected ${row.expect[caller]}`);
      if (caller === "otherDonor" || caller === "staff" || caller === "donor") expect(await response.text(), `${row.url} as ${caller}`).not.toMatch(/\bRW-\d{6}\b/);
    }
  }
  for (const client of Object.values(clients)) await client.dispose();
  expect(wrong).toEqual([]);
});
