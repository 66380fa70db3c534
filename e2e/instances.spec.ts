import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signInByRequest, signInWithForm } from "./support/accounts";
import { addPerson, appDatabase } from "./support/database";
import { startInstance } from "./support/instance";

// Two instances of the app on one database, as behind a load balancer: the project's server (A)
// and a second `npm start` (B) on the next port, with the same settings. What one instance does,
// the other knows at once: figures, failed sign-ins, sessions and their end.

type Project = { results: { indicators: { id: number; code: string; actual: number | null }[] }[] };
type Listed = { indicatorId: number; locationCode: string; disaggregation: Record<string, string>; version: number | null; value: number | null };

let second: Awaited<ReturnType<typeof startInstance>> | undefined;
let urlB = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = await startInstance(Number(new URL(test.info().project.use.baseURL!).port) + 1);
  urlB = second.baseURL;
});

test.afterAll(() => second?.stop());

const client = (baseURL: string) => playwrightRequest.newContext({ baseURL });

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const made = await client(baseURL);
  await signInByRequest(made, email);
  return made;
}

async function actual(on: APIRequestContext, code: string): Promise<number | null> {
  const project = (await (await on.get("/api/v1/projects/CD-HSEC-NK")).json()) as Project;
  return project.results.flatMap((r) => r.indicators).find((i) => i.code === code)!.actual;
}

test("a value written through one instance is on the other's dashboard and API at once", async ({ page }) => {
  const managerA = await signedIn(test.info().project.use.baseURL!, ACCOUNTS.manager);
  const managerB = await signedIn(urlB, ACCOUNTS.manager);
  // B has shown the dashboard and the figures: its read cache holds them.
  await page.goto(`${urlB}/projects/CD-HSEC-NK`);
  await signInWithForm(page, ACCOUNTS.manager);
  const row = page.getByRole("row", { name: /OP1\.2 / }).getByRole("cell").nth(2);
  await expect(row).toBeVisible();
  const before = await actual(managerB, "OP1.2");

  const project = (await (await managerA.get("/api/v1/projects/CD-HSEC-NK")).json()) as Project;
  const indicatorId = project.results.flatMap((r) => r.indicators).find((i) => i.code === "OP1.2")!.id;
  const { data } = (await (await managerA.get("/api/v1/data-values?project=CD-HSEC-NK&period=2026Q4")).json()) as { data: Listed[] };
  const cell = data.find((v) => v.indicatorId === indicatorId && v.locationCode === "CD-NK-RUT" && Object.keys(v.disaggregation).length === 0);
  const written = (cell?.value ?? 0) + 7;
  const put = await managerA.put("/api/v1/data-values", {
    data: [{ indicatorId, period: "2026Q4", locationCode: "CD-NK-RUT", disaggregation: {}, value: written, version: cell?.version ?? null }],
  });
  expect(put.status(), await put.text()).toBe(200);

  // At once, on B: its API, then its dashboard.
  const after = await actual(managerB, "OP1.2");
  expect(after).toBe((before ?? 0) + 7);
  await page.reload();
  await expect(row).toHaveText(new Intl.NumberFormat("en-GB").format(after!));
  const listed = (await (await managerB.get("/api/v1/data-values?project=CD-HSEC-NK&period=2026Q4")).json()) as { data: Listed[] };
  expect(listed.data.find((v) => v.indicatorId === indicatorId && v.locationCode === "CD-NK-RUT" && Object.keys(v.disaggregation).length === 0)?.value).toBe(written);
});

test("ten failed sign-ins spread over both instances lock the account on both", async () => {
  const db = appDatabase();
  await addPerson(db, { email: "two.instances@baseline.test", name: "Locked on both", role: "staff" });
  await db.close();
  const urls = [test.info().project.use.baseURL!, urlB];
  const attempt = async (baseURL: string, password: string) => {
    const c = await client(baseURL);
    const { csrfToken } = (await (await c.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await c.post("/api/auth/callback/credentials", { form: { csrfToken, email: "two.instances@baseline.test", password, json: "true" }, maxRedirects: 0 });
    const signedInNow = (await c.storageState()).cookies.some((k) => k.name.endsWith("next-auth.session-token"));
    await c.dispose();
    return signedInNow;
  };
  for (let i = 0; i < 10; i++) expect(await attempt(urls[i % 2]!, `wrong password ${i}`)).toBe(false);
  // Now even the right password is refused, on either instance.
  for (const url of urls) expect(await attempt(url, DEMO_PASSWORD), url).toBe(false);
});

test("a session made on one instance is valid on the other; signing out, or a disabled account, ends it on both", async () => {
  const [urlA] = [test.info().project.use.baseURL!];
  const onA = await signedIn(urlA, ACCOUNTS.donorJapan);
  // The same cookie, sent to B: a proxy may send any request to either instance.
  const onB = await playwrightRequest.newContext({ baseURL: urlB, storageState: await onA.storageState() });
  expect((await onB.get("/api/v1/projects")).status()).toBe(200);
  const kept = await onA.storageState();

  // Signing out on A ends the session that B was given too, even if its cookie is sent again.
  const { csrfToken } = (await (await onA.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await onA.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
  const replayed = await playwrightRequest.newContext({ baseURL: urlB, storageState: kept });
  expect((await replayed.get("/api/v1/projects")).status()).toBe(401);

  // An account disabled through A: its session on B stops at once.
  const db = appDatabase();
  const id = await addPerson(db, { email: "disabled.on.a@baseline.test", name: "Disabled on A", role: "staff" });
  await db.close();
  const person = await signedIn(urlB, "disabled.on.a@baseline.test");
  expect((await person.get("/api/v1/projects")).status()).toBe(200);
  const admin = await signedIn(urlA, ACCOUNTS.admin);
  const disabled = await admin.patch(`/api/v1/users/${id}`, { data: { disabled: true } });
  expect(disabled.status(), await disabled.text()).toBe(200);
  expect((await person.get("/api/v1/projects")).status()).toBe(401);
});
