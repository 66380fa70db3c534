import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { appDatabase } from "./support/database";
import { CALLERS, callerClients, type Caller } from "./support/callers";

// Every server action of the app (read from the build's manifest: one missing from the table fails)
// called over HTTP as a browser would call it, by each kind of caller. Those the table says may not
// act are refused and change nothing (the table's probe reads the database before and after); those
// who may are the feature tests' business (an allowed call here would change what other tests read).

type Outcome = "allowed" | "refused" | "login";
type Ids = { version: number; indicator: number; staff: number; adminToken: number };


/** Who may act: the project's managers and admins; `login` for those without a session. */
const managers = (overrides: Partial<Record<Caller, Outcome>> = {}): Record<Caller, Outcome> => ({ none: "login", otherDonor: "refused", donor: "refused", staff: "refused", otherManager: "refused", manager: "allowed", admin: "allowed", revokedToken: "login", ...overrides });
const anyoneSignedIn = (): Record<Caller, Outcome> => ({ none: "login", otherDonor: "allowed", donor: "allowed", staff: "allowed", otherManager: "allowed", manager: "allowed", admin: "allowed", revokedToken: "login" });

type Call = { form: (ids: Ids) => Record<string, string> } | { json: (ids: Ids) => unknown } | { formOnly: (ids: Ids) => Record<string, string> };
type Row = { file: string; name: string; url: (ids: Ids) => string; call: Call; probe: string; expect: Record<Caller, Outcome> };

const P4 = "RW-REINT-P4";
const ROWS: Row[] = [
  { file: "app/(app)/projects/project-actions.ts", name: "saveProjectForm", url: () => `/projects/${P4}/edit`, call: { form: (ids) => ({ projectCode: P4, version: String(ids.version), code: P4, titleEn: "Taken over", status: "active", startDate: "2024-07-01", endDate: "2027-06-30", countryCode: "RW", reportingFrequency: "quarterly", currency: "USD" }) }, probe: `SELECT title_en FROM projects WHERE code = '${P4}'`, expect: managers() },
  { file: "app/(app)/projects/project-actions.ts", name: "closeProjectForm", url: () => `/projects/${P4}/edit`, call: { form: (ids) => ({ projectCode: P4, version: String(ids.version) }) }, probe: `SELECT status FROM projects WHERE code = '${P4}'`, expect: managers() },
  { file: "app/(app)/projects/[code]/framework/actions.ts", name: "saveResultForm", url: () => `/projects/${P4}/framework`, call: { form: () => ({ projectCode: P4, code: "HX", type: "output", titleEn: "Taken over" }) }, probe: "SELECT count(*) FROM results WHERE code = 'HX'", expect: managers() },
  { file: "app/(app)/projects/[code]/framework/actions.ts", name: "saveIndicatorForm", url: (ids) => `/projects/${P4}/framework/indicators/${ids.indicator}`, call: { form: () => ({ projectCode: P4, code: "HX.1", nameEn: "Taken over", measure: "number", direction: "increase", timeAggregation: "incremental", source: "manual" }) }, probe: "SELECT count(*) FROM indicators WHERE code = 'HX.1'", expect: managers() },
  { file: "app/(app)/projects/[code]/trainings/actions.ts", name: "saveTrainingForm", url: () => `/projects/${P4}/trainings`, call: { form: () => ({ projectCode: P4, ageGroups: "18_35", title: "Taken over", kind: "vocational", topic: "carpentry", locationCode: "RW-05-HUY", startDate: "2026-10-01", endDate: "2026-10-05" }) }, probe: "SELECT count(*) FROM trainings WHERE title = 'Taken over'", expect: managers() },
  // A cell's history is for those who see figures in review: donors get none of it.
  { file: "app/(app)/projects/[code]/entry/[period]/actions.ts", name: "loadCellHistory", url: () => `/projects/${P4}/entry/2026Q4`, call: { json: (ids) => [{ projectCode: P4, indicatorId: ids.indicator, period: "2026Q4", locationCode: "RW-05-HUY", disaggregation: "" }] }, probe: "SELECT 1", expect: managers({ staff: "allowed" }) },
  { file: "app/(app)/projects/[code]/entry/[period]/actions.ts", name: "changePeriodStatus", url: () => `/projects/${P4}/entry/2026Q3`, call: { form: () => ({ projectCode: P4, period: "2026Q3", action: "approve" }) }, probe: `SELECT pp.status FROM project_periods pp JOIN projects p ON p.id = pp.project_id WHERE p.code = '${P4}' AND pp.period = '2026Q3'`, expect: managers() },
  // The completeness check reads what the period lacks: donors, and whoever may not see the project, get nothing.
  { file: "app/(app)/projects/[code]/entry/[period]/actions.ts", name: "checkCompleteness", url: () => `/projects/${P4}/entry/2026Q4`, call: { json: () => [{ projectCode: P4, period: "2026Q4" }] }, probe: "SELECT 1", expect: managers({ staff: "allowed" }) },
  { file: "app/(app)/projects/[code]/entry/[period]/narrative-actions.ts", name: "saveNarrativeForm", url: () => `/projects/${P4}/entry/2026Q4`, call: { form: () => ({ projectCode: P4, period: "2026Q4", version: "", language: "en", highlights: "Taken over" }) }, probe: "SELECT count(*) FROM narratives WHERE highlights = 'Taken over'", expect: managers() },
  // The duplicate queue: its managers and admins decide; everyone else is refused before any pair is looked at.
  { file: "app/(app)/projects/[code]/beneficiaries/duplicates/actions.ts", name: "decideDuplicate", url: () => `/projects/${P4}/beneficiaries/duplicates`, call: { formOnly: () => ({ projectCode: P4, pairId: "1", decision: "merge" }) }, probe: "SELECT (SELECT count(*) FROM beneficiaries) AS people, (SELECT count(*) FROM duplicate_pairs WHERE status <> 'open') AS decided", expect: managers() },
  { file: "app/(app)/projects/[code]/beneficiaries/duplicates/actions.ts", name: "scanDuplicates", url: () => `/projects/${P4}/beneficiaries/duplicates`, call: { formOnly: () => ({ projectCode: P4 }) }, probe: "SELECT count(*) FROM duplicate_pairs", expect: managers() },
  { file: "app/(app)/settings/actions.ts", name: "createTokenAction", url: () => "/settings", call: { form: () => ({ name: "own token" }) }, probe: "SELECT 1", expect: anyoneSignedIn() },
  // One's own tokens only: the admin's token stays for anyone else.
  { file: "app/(app)/settings/actions.ts", name: "revokeTokenAction", url: () => "/settings", call: { form: (ids) => ({ id: String(ids.adminToken) }) }, probe: "SELECT revoked_at FROM api_tokens WHERE name = 'admin script'", expect: managers({ manager: "refused" }) },
  { file: "app/(app)/settings/actions.ts", name: "changePasswordAction", url: () => "/settings", call: { form: () => ({ current: "wrong", next: "x" }) }, probe: "SELECT 1", expect: anyoneSignedIn() },
  { file: "app/(app)/admin/users/actions.ts", name: "addUserAction", url: () => "/admin/users", call: { form: () => ({ name: "Taken over", email: "taken.over@example.org", role: "admin", language: "en" }) }, probe: "SELECT count(*) FROM users WHERE email = 'taken.over@example.org'", expect: managers({ manager: "refused" }) },
  // Anyone may try a sign-in link; without a valid token nothing changes.
  { file: "app/(auth)/welcome/[token]/actions.ts", name: "setPasswordAction", url: () => "/welcome/not-a-valid-token-at-all", call: { form: () => ({ token: "not-a-valid-token-at-all", password: "taken over entirely", confirm: "taken over entirely" }) }, probe: "SELECT count(*) FROM sign_in_links WHERE used_at IS NOT NULL", expect: { none: "refused", otherDonor: "refused", donor: "refused", staff: "refused", otherManager: "refused", manager: "refused", admin: "refused", revokedToken: "refused" } },
  { file: "app/(app)/admin/users/actions.ts", name: "changeUserAction", url: () => "/admin/users", call: { form: (ids) => ({ userId: String(ids.staff), change: "disable" }) }, probe: "SELECT disabled_at FROM users WHERE email = 'staff@baseline.test'", expect: managers({ manager: "refused" }) },
  { file: "app/language-actions.ts", name: "chooseLanguage", url: () => "/", call: { formOnly: () => ({ language: "en", returnTo: "/" }) }, probe: "SELECT 1", expect: anyoneSignedIn() },
];

/**
 * The body React sends for a call with a form: its fields prefixed with "_1_", then the arguments as
 * "0" with the form standing in as "$K1". In that order: the server reads the stream as it comes.
 */
function formOf(call: Call, ids: Ids): FormData {
  const form = new FormData();
  const fields = "form" in call ? call.form(ids) : "formOnly" in call ? call.formOnly(ids) : {};
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  form.append("0", JSON.stringify("form" in call ? [null, "$K1"] : ["$K1"]));
  return form;
}

const manifest = () => (JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename: string; exportedName: string }> }).node;

test("the table holds every server action of the app", () => {
  const actions = Object.values(manifest()).map((a) => `${a.filename}#${a.exportedName}`);
  expect(actions.length).toBeGreaterThan(10);
  expect(actions.filter((a) => !ROWS.some((r) => `${r.file}#${r.name}` === a)).sort()).toEqual([]);
  expect(ROWS.filter((r) => !actions.includes(`${r.file}#${r.name}`)).map((r) => r.name)).toEqual([]);
});

test("those who may not act are refused by every server action, and nothing changes", async () => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL!;
  const clients = await callerClients(baseURL);
  const db = appDatabase();
  // A token of the admin's, that no one else may revoke.
  await db.run(
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) SELECT id, 'admin script', ?, 'bl_adminsc', '2026-11-01' FROM users WHERE email = ? ON CONFLICT DO NOTHING",
    createHash("sha256").update("admin script").digest("hex"),
    ACCOUNTS.admin,
  );
  const ids: Ids = {
    version: (await db.one<{ v: number }>(`SELECT version AS v FROM projects WHERE code = '${P4}'`)).v,
    indicator: (await db.one<{ id: number }>(`SELECT i.id FROM indicators i JOIN projects p ON p.id = i.project_id WHERE p.code = '${P4}' AND i.code = 'OP2.3'`)).id,
    staff: (await db.one<{ id: number }>("SELECT id FROM users WHERE email = ?", ACCOUNTS.staff)).id,
    adminToken: (await db.one<{ id: number }>("SELECT id FROM api_tokens WHERE name = 'admin script'")).id,
  };
  const actions = manifest();
  const wrong: string[] = [];
  let refusals = 0;
  for (const row of ROWS) {
    const id = Object.entries(actions).find(([, a]) => a.filename === row.file && a.exportedName === row.name)?.[0];
    expect(id, row.name).toBeTruthy();
    for (const caller of CALLERS) {
      const outcome = row.expect[caller];
      if (outcome === "allowed") continue;
      const before = JSON.stringify(await db.all(row.probe));
      // As React sends a call: the arguments as JSON text, or a form (see formOf).
      const headers = { "Next-Action": id!, Origin: baseURL, Accept: "text/x-component" };
      const response =
        "json" in row.call
          ? await clients[caller].post(row.url(ids), { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(row.call.json(ids)), maxRedirects: 0 })
          : await clients[caller].post(row.url(ids), { headers, multipart: formOf(row.call, ids), maxRedirects: 0 });
      const text = await response.text();
      const after = JSON.stringify(await db.all(row.probe));
      const said = `${row.name} as ${caller}: ${response.status()} ${text.slice(0, 160).replace(/\s+/g, " ")}`;
      if (after !== before) wrong.push(`${said} — changed ${before} to ${after}`);
      if (outcome === "login" && !(response.status() === 307 && (response.headers().location ?? "").startsWith("/login"))) wrong.push(`${said} — expected the way to sign in`);
      if (outcome === "refused") {
        refusals++;
        if (response.status() >= 500 || /"ok":true/.test(text) || (["loadCellHistory", "checkCompleteness"].includes(row.name) && !/\n1:\[\]/.test(text))) wrong.push(`${said} — expected a refusal`);
      }
    }
  }
  await db.close();
  for (const client of Object.values(clients)) await client.dispose();
  expect(refusals).toBeGreaterThan(40);
  expect(wrong).toEqual([]);
});
