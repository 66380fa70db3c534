import { expect, test } from "@playwright/test";
import { ACCOUNTS, openSignedIn } from "./support/accounts";
import { appDatabase } from "./support/database";
import { apiClients } from "./support/clients";

const as = apiClients();
const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&`;

test("bodies over 2 MB get 413 and malformed or too deep JSON 400, and nothing is written", async () => {
  const manager = await as(ACCOUNTS.manager);
  const big = await manager.put("/api/v1/data-values", { data: Buffer.from(JSON.stringify([{ indicatorId: 1, period: "2026Q4", locationCode: "x", comment: "x".repeat(3 * 1024 * 1024) }])), headers: { "Content-Type": "application/json" } });
  expect(big.status()).toBe(413);
  expect(((await big.json()) as { type: string }).type).toBe("/api/v1/problems/too-large");
  const deep = await manager.put("/api/v1/data-values", { data: Buffer.from("[".repeat(200_000)), headers: { "Content-Type": "application/json" } });
  expect(deep.status()).toBe(400);
  const nested = await manager.put("/api/v1/data-values", { data: Buffer.from(`${"[".repeat(5000)}${"]".repeat(5000)}`), headers: { "Content-Type": "application/json" } });
  expect([400, 422]).toContain(nested.status());
  const action = await manager.post("/api/v1/projects/CD-HSEC-NK/periods/2026Q4/submit", { data: Buffer.from(JSON.stringify({ comment: "y".repeat(3 * 1024 * 1024) })), headers: { "Content-Type": "application/json" } });
  expect(action.status()).toBe(413);
});

test("a null character in any text of a body is refused with 422 on every engine, and nothing is written", async () => {
  const manager = await as(ACCOUNTS.manager);
  const admin = await as(ACCOUNTS.admin);
  for (const [client, method, url, data] of [
    [manager, "put", "/api/v1/data-values", [{ indicatorId: 1, period: "2026Q4", locationCode: "RW-05-HUY", disaggregation: {}, value: 1, comment: "pasted\u0000" }]],
    [admin, "post", "/api/v1/users", { name: "Null\u0000 Character", email: "null.character@baseline.test", role: "staff", language: "en" }],
  ] as const) {
    const answer = await client[method](url, { data: Buffer.from(JSON.stringify(data)), headers: { "Content-Type": "application/json" } });
    expect(answer.status(), url).toBe(422);
    expect(answer.headers()["content-type"]).toContain("application/problem+json");
    expect(((await answer.json()) as { detail: string }).detail).toContain("null character (U+0000)");
  }
  const users = (await (await admin.get("/api/v1/users")).json()) as { data: { email: string }[] };
  expect(users.data.map((u) => u.email)).not.toContain("null.character@baseline.test");
});

test("text stored with markup in it is shown as text on every page that shows it, never run", async ({ page }) => {
  // Stored as any source could have stored it (an import, an old version, another system).
  // The texts are put back afterwards: other tests read them.
  const db = appDatabase();
  const training = await db.one<{ id: number; title: string }>("SELECT t.id, t.title FROM trainings t JOIN projects p ON p.id = t.project_id WHERE p.code = 'RW-REINT-P4' ORDER BY t.id DESC LIMIT 1");
  const summary = (await db.one<{ s: string | null }>("SELECT summary_en AS s FROM projects WHERE code = 'CD-HSEC-NK'")).s;
  const organisation = (await db.one<{ n: string }>("SELECT name_en AS n FROM organisations WHERE code = 'CD-GOV'")).n;
  const put = async (s: string | null, title: string, name: string) => {
    await db.run("UPDATE projects SET summary_en = ? WHERE code = 'CD-HSEC-NK'", s);
    await db.run("UPDATE trainings SET title = ? WHERE id = ?", title, training.id);
    await db.run("UPDATE organisations SET name_en = ? WHERE code = 'CD-GOV'", name);
  };
  await put(PAYLOAD, PAYLOAD, `CD-GOV ${PAYLOAD}`);
  try {
    await openSignedIn(page, ACCOUNTS.staff, "/");
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    for (const path of ["/projects/CD-HSEC-NK", "/projects/RW-REINT-P4/trainings", "/"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (path !== "/") expect(await page.locator("main").textContent(), path).toContain(PAYLOAD);
      expect(await page.locator("img[src='x']").count(), path).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
    }
  } finally {
    await put(summary, training.title, organisation);
    await db.close();
  }
});
