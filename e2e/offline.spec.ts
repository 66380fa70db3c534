import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS, signInWithForm } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";
import { appDatabase } from "./support/database";
import { findChromium } from "./browser";

// Entry without a connection (Chromium's offline mode): the service worker keeps the entry pages a
// manager opened, the grid keeps its checks, the change log survives a browser restart and an ended
// session, and the sync writes each change once and overwrites nothing. Each test has cells of its
// own in Phase IV's open quarter (or the DRC's), so that the tests of other files never meet them.

test.use({ serviceWorkers: "allow" });

const as = apiClients();
const P4_Q4 = "/projects/RW-REINT-P4/entry/2026Q4";
type Listed = { indicatorId: number; locationCode: string; disaggregation: Record<string, string>; value: number | null; version: number };
type Project = { results: { indicators: { id: number; code: string }[] }[] };

async function indicatorId(client: APIRequestContext, project: string, code: string): Promise<number> {
  const found = (await getJson<Project>(client, `/api/v1/projects/${project}`)).results.flatMap((r) => r.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found.id;
}

/** The values of a cell's total and options at one place, as the API gives them. */
async function valuesAt(client: APIRequestContext, project: string, period: string, indicator: number, locationCode: string): Promise<Record<string, number | null>> {
  const { data } = await getJson<{ data: Listed[] }>(client, `/api/v1/data-values?project=${project}&period=${period}`);
  return Object.fromEntries(data.filter((v) => v.indicatorId === indicator && v.locationCode === locationCode).map((v) => [Object.values(v.disaggregation).join("|") || "total", v.value]));
}

/** Signs in through the form on the page the sign-in was asked for, and waits to be back there. */
async function signIn(page: Page, email: string, labels?: Parameters<typeof signInWithForm>[2]) {
  await signInWithForm(page, email, labels);
  await expect(page).not.toHaveURL(/\/login/);
}

/** Opens an entry page while connected and waits until the service worker keeps it. */
async function openWhileConnected(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect
    .poll(() => page.evaluate(async (p) => !!(await (await caches.open("entry-pages")).match(p)), path), { message: `the service worker keeps ${path}`, timeout: 20_000 })
    .toBe(true);
}

/**
 * Cuts the network of a browser just started, its service worker's included. Playwright applies
 * offline mode to a service worker only when the mode changes after the worker started (seen with
 * Playwright 1.65 and Chromium 156): so the worker is woken by a file it keeps, then the mode is set.
 */
async function offlineAfterRestart(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await page.goto("/icons/icon-192.png");
  await expect.poll(() => context.serviceWorkers().length).toBeGreaterThan(0);
  await context.setOffline(false);
  await context.setOffline(true);
}

const status = (page: Page) => page.getByRole("banner").getByRole("status");

test("an entry page opened while connected reloads offline, checks figures as the server does, keeps them through a browser restart, and sends them once back online", async () => {
  // Two starts of a browser and a dozen steps: longer than one page's test.
  test.setTimeout(120_000);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "baseline-offline-"));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      baseURL: test.info().project.use.baseURL,
      locale: "en-GB",
    });
  let context: BrowserContext = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(P4_Q4);
    await signIn(page, ACCOUNTS.manager);
    await openWhileConnected(page, P4_Q4);
    await expect(status(page)).toHaveText("All changes saved");

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Figures of Q4 2026" })).toBeVisible();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    // Keyboard entry: a breakdown that does not add up is an error, said without the server.
    await page.getByLabel("OP2.3 Nyamagabe Total, Value").click();
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await page.keyboard.type("3");
    await page.keyboard.press("Tab");
    await page.getByLabel("OP2.4 Nyamagabe Total, Numerator").click();
    await expect(page.getByRole("alert").filter({ hasText: /adds up to 8, not to its total of 9/ })).toBeVisible();
    await page.keyboard.press("Control+s");
    await expect(page.getByRole("status").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await page.getByLabel("OP2.3 Nyamagabe Sex: Male, Value").fill("4");
    await page.keyboard.press("Control+s");
    await expect(status(page)).toHaveText("3 changes waiting to be sent");
    await expect(page.getByRole("banner").getByRole("button", { name: "Send now" })).toBeVisible();

    // "Send now" without a connection: nothing is lost, the page says why.
    await page.getByRole("banner").getByRole("button", { name: "Send now" }).click();
    await expect(page.getByRole("banner")).toContainText("No connection: the changes stay on this device");
    await expect(status(page)).toHaveText("3 changes waiting to be sent");

    // The browser closed without a connection and opened again, still without one.
    await context.close();
    context = await launch();
    const again = context.pages()[0] ?? (await context.newPage());
    await offlineAfterRestart(context, again);
    await again.goto(P4_Q4);
    await expect(status(again)).toHaveText("3 changes waiting to be sent");
    await expect(again.getByLabel("OP2.3 Nyamagabe Total, Value")).toHaveValue("9");
    await expect(again.getByLabel("OP2.3 Nyamagabe Sex: Male, Value")).toHaveValue("4");

    // A page never opened here says so, and names the pages kept.
    await again.goto("/projects/RW-REINT-P4/beneficiaries");
    await expect(again.getByRole("heading", { level: 1, name: "No connection" })).toBeVisible();
    await again.getByRole("link", { name: "RW-REINT-P4, 2026Q4" }).click();
    await expect(status(again)).toHaveText("3 changes waiting to be sent");

    await context.setOffline(false);
    await expect(status(again)).toHaveText("All changes saved");
    const manager = await as(ACCOUNTS.manager);
    const op23 = await indicatorId(manager, "RW-REINT-P4", "OP2.3");
    expect(await valuesAt(manager, "RW-REINT-P4", "2026Q4", op23, "RW-05-NYM")).toEqual({ total: 9, female: 5, male: 4 });
    const db = appDatabase();
    try {
      const { n } = await db.one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'data_value.create' AND details LIKE '%RW-05-NYM%' AND details LIKE ?", `%"indicatorId":${op23}%`);
      expect(Number(n)).toBe(3);
    } finally {
      await db.close();
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test("a change whose answer is lost with the connection is sent again under the same key, and written once", async ({ page }) => {
  await page.goto(P4_Q4);
  await signIn(page, ACCOUNTS.manager);
  await openWhileConnected(page, P4_Q4);
  const keys: string[] = [];
  let lose = true;
  await page.route("**/api/v1/data-values", async (route) => {
    keys.push(route.request().headers()["idempotency-key"] ?? "");
    // The server writes; the answer never reaches the page, as when the connection drops on the way back.
    const response = await route.fetch();
    if (lose) {
      lose = false;
      return route.abort("internetdisconnected");
    }
    return route.fulfill({ response });
  });
  await page.getByLabel("OP2.3 Rutsiro Total, Value").fill("2");
  await page.keyboard.press("Control+s");
  await expect(status(page)).toHaveText("1 change waiting to be sent");
  await page.getByRole("banner").getByRole("button", { name: "Send now" }).click();
  await expect(status(page)).toHaveText("All changes saved");
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);

  const manager = await as(ACCOUNTS.manager);
  const op23 = await indicatorId(manager, "RW-REINT-P4", "OP2.3");
  const { data } = await getJson<{ data: Listed[] }>(manager, "/api/v1/data-values?project=RW-REINT-P4&period=2026Q4");
  expect(data.find((v) => v.indicatorId === op23 && v.locationCode === "RW-04-RUT" && Object.keys(v.disaggregation).length === 0)).toMatchObject({ value: 2, version: 1 });
});

test("the same Idempotency-Key sent again writes once and answers the same; another body under it is refused", async () => {
  const manager = await as(ACCOUNTS.manager);
  const indicator = await indicatorId(manager, "CD-HSEC-NK", "OP1.1");
  const { data } = await getJson<{ data: Listed[] }>(manager, "/api/v1/data-values?project=CD-HSEC-NK&period=2026Q4");
  const version = data.find((v) => v.indicatorId === indicator && v.locationCode === "CD-NK-RUT" && Object.keys(v.disaggregation).length === 0)?.version ?? null;
  const body = [{ indicatorId: indicator, period: "2026Q4", locationCode: "CD-NK-RUT", disaggregation: {}, value: 3, version }];
  const key = `e2e-${test.info().project.name}-${Date.now()}`;
  const db = appDatabase();
  try {
    const audits = async () => Number((await db.one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log")).n);
    const first = await manager.put("/api/v1/data-values", { data: body, headers: { "Idempotency-Key": key } });
    expect(first.status()).toBe(200);
    const after = await audits();
    const again = await manager.put("/api/v1/data-values", { data: body, headers: { "Idempotency-Key": key } });
    expect(again.status()).toBe(200);
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await audits()).toBe(after);

    const other = await manager.put("/api/v1/data-values", { data: [{ ...body[0], value: 4 }], headers: { "Idempotency-Key": key } });
    expect(other.status()).toBe(422);
    expect(await other.json()).toMatchObject({ detail: "This Idempotency-Key was already used for another request: make a new key for each change." });
    expect((await manager.put("/api/v1/data-values", { data: body, headers: { "Idempotency-Key": "not a key" } })).status()).toBe(400);
    expect(await audits()).toBe(after);
    // The document says so.
    const document = await getJson<{ paths: Record<string, { put?: { parameters?: { name: string; in: string }[] } }> }>(manager, "/api/v1/openapi.json");
    expect(document.paths["/api/v1/data-values"]?.put?.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header" }));
  } finally {
    await db.close();
  }
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("a conflict made by manager2 meanwhile shows under « Conflits », overwrites nothing, and the manager chooses", async ({ page, context }) => {
    await page.goto(P4_Q4);
    await signIn(page, ACCOUNTS.manager, { email: "E-mail", password: "Mot de passe", submit: "Se connecter" });
    await openWhileConnected(page, P4_Q4);
    await expect(status(page)).toHaveText("Toutes les modifications sont enregistrées");

    await context.setOffline(true);
    await page.reload();
    await page.getByLabel("OP2.3 Karongi Total, Valeur").fill("6");
    await page.keyboard.press("Control+s");
    await expect(status(page)).toHaveText("1 modification en attente d’envoi");
    await expect(page.getByRole("banner").getByRole("button", { name: "Envoyer maintenant" })).toBeVisible();

    // Meanwhile, the second manager writes the same cell from the office.
    const manager2 = await as(ACCOUNTS.manager2);
    const op23 = await indicatorId(manager2, "RW-REINT-P4", "OP2.3");
    const written = await manager2.put("/api/v1/data-values", { data: [{ indicatorId: op23, period: "2026Q4", locationCode: "RW-04-KAR", disaggregation: {}, value: 8 }] });
    expect(written.status()).toBe(200);

    await context.setOffline(false);
    const conflicts = page.getByRole("region", { name: "Conflits" });
    await expect(conflicts).toBeVisible();
    const row = conflicts.getByRole("row", { name: /OP2\.3 Karongi/ });
    await expect(row).toContainText("6");
    await expect(row).toContainText("8");
    await expect(row).toContainText("Second demo programme manager");
    await expect(page.getByRole("banner")).toContainText("1 conflit à résoudre");
    expect(await valuesAt(manager2, "RW-REINT-P4", "2026Q4", op23, "RW-04-KAR")).toEqual({ total: 8 });

    await row.getByRole("button", { name: /Garder la mienne/ }).click();
    await expect(conflicts).toHaveCount(0);
    await expect(status(page)).toHaveText("Toutes les modifications sont enregistrées");
    expect(await valuesAt(manager2, "RW-REINT-P4", "2026Q4", op23, "RW-04-KAR")).toEqual({ total: 6 });
  });

  test("the manifest names Baseline in French, with its icons", async ({ request }) => {
    const manifest = (await (await request.get("/manifest/fr.webmanifest")).json()) as { lang: string; name: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ lang: "fr", name: "Baseline\u202f: projets, bénéficiaires et indicateurs", start_url: "/", display: "standalone" });
    for (const icon of manifest.icons) {
      const file = await request.get(icon.src);
      expect(file.headers()["content-type"]).toBe("image/png");
    }
    expect((await (await request.get("/manifest/en.webmanifest")).json()) as object).toMatchObject({ lang: "en", name: "Baseline: projects, beneficiaries and indicators" });
  });
});

test("submitting, approving, returning and reopening wait for a connection, and say so", async ({ page, context }) => {
  await page.goto("/projects/RW-REINT-P4/entry/2025Q1");
  await signIn(page, ACCOUNTS.admin);
  const reopen = page.getByRole("button", { name: "Reopen" });
  await expect(reopen).toBeEnabled();
  await context.setOffline(true);
  await expect(reopen).toBeDisabled();
  await expect(page.getByRole("region", { name: "Approval" }).getByText("Submitting, approving, returning and reopening a period need a connection").first()).toBeVisible();
  await context.setOffline(false);
  await expect(reopen).toBeEnabled();
});

test("a session that ends offline: the changes wait for the same person, not for another", async ({ page, context }) => {
  await page.goto(P4_Q4);
  await signIn(page, ACCOUNTS.manager);
  await openWhileConnected(page, P4_Q4);
  await context.setOffline(true);
  await page.reload();
  await page.getByLabel("OP2.3 Nyabihu Total, Value").fill("5");
  await page.keyboard.press("Control+s");
  await expect(status(page)).toHaveText("1 change waiting to be sent");

  // The session ends while the device is away.
  await context.clearCookies();
  await context.setOffline(false);
  await expect(page.getByRole("banner")).toContainText("Your session has ended: sign in again to send them.");
  await expect(status(page)).toHaveText("1 change waiting to be sent");

  const manager = await as(ACCOUNTS.manager);
  const op23 = await indicatorId(manager, "RW-REINT-P4", "OP2.3");
  // Someone else signs in on this device: the change is not theirs to send, nor to see.
  await page.goto("/login");
  await signIn(page, ACCOUNTS.manager2);
  await page.goto(P4_Q4);
  await expect(status(page)).toHaveText("All changes saved");
  expect(await valuesAt(manager, "RW-REINT-P4", "2026Q4", op23, "RW-04-NYB")).toEqual({});

  await context.clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(P4_Q4)}`);
  await signIn(page, ACCOUNTS.manager);
  await expect(status(page)).toHaveText("All changes saved");
  expect(await valuesAt(manager, "RW-REINT-P4", "2026Q4", op23, "RW-04-NYB")).toEqual({ total: 5 });
});

test("a period submitted meanwhile: the change stays, refused with its reason, and downloads as CSV", async ({ page, context }) => {
  const path = "/projects/CD-HSEC-NK/entry/2026Q4";
  await page.goto(path);
  await signIn(page, ACCOUNTS.manager);
  await openWhileConnected(page, path);
  await context.setOffline(true);
  await page.reload();
  await page.getByLabel("OP2.1 Nyiragongo Total, Value").fill("4");
  await page.keyboard.press("Control+s");
  await expect(status(page)).toHaveText("1 change waiting to be sent");

  const db = appDatabase();
  try {
    // Submitted from the office while this device was away (directly: the quarter has not ended, the app would refuse).
    const project = await db.one<{ id: number }>("SELECT id FROM projects WHERE code = 'CD-HSEC-NK'");
    const kept = await db.all<{ status: string }>("SELECT status FROM project_periods WHERE project_id = ? AND period = '2026Q4'", project.id);
    if (kept.length === 0) await db.run("INSERT INTO project_periods (project_id, period, status, updated_at) VALUES (?, '2026Q4', 'draft', '2026-12-01')", project.id);
    await db.run("UPDATE project_periods SET status = 'submitted' WHERE project_id = ? AND period = '2026Q4'", project.id);
    try {
      await context.setOffline(false);
      const refused = page.getByRole("region", { name: "Refused changes" });
      await expect(refused).toBeVisible();
      await expect(refused.getByRole("row", { name: /OP2\.1 Nyiragongo, Total/ })).toContainText(/Q4\s2026 is submitted/);
      await expect(page.getByRole("banner")).toContainText("1 change refused");
      const [download] = await Promise.all([page.waitForEvent("download"), refused.getByRole("button", { name: "Download as CSV" }).click()]);
      expect(download.suggestedFilename()).toBe("refused-changes-CD-HSEC-NK-2026Q4.csv");
      const csv = fs.readFileSync(await download.path(), "utf8");
      expect(csv.split("\r\n")[0]).toBe("\uFEFFproject,period,cell,location_code,disaggregation,value,numerator,denominator,comment,refused_because,made_at");
      expect(csv).toContain("CD-HSEC-NK,2026Q4,\"OP2.1 Nyiragongo, Total\",CD-NK-NYI,,4,");
      // Discarded only when the manager says so.
      await page.reload();
      await expect(refused).toBeVisible();
      await refused.getByRole("button", { name: "Discard" }).click();
      await expect(refused).toHaveCount(0);
      await expect(status(page)).toHaveText("All changes saved");
    } finally {
      await db.run("UPDATE project_periods SET status = 'draft' WHERE project_id = ? AND period = '2026Q4'", project.id);
    }
  } finally {
    await db.close();
  }
});
