import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInByRequest, signInWithForm } from "./support/accounts";

test("every answer carries the security headers; pages a nonce policy without unsafe-eval; HSTS only behind HTTPS", async ({ request }) => {
  for (const path of ["/login", "/api/health", "/api/v1/openapi.json", "/icon.svg"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  const page = await request.get("/login");
  const policy = page.headers()["content-security-policy"] ?? "";
  const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  expect((await request.get("/login")).headers()["content-security-policy"]).not.toContain(nonce!);
  const https = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("images and scripts are kept long by browsers: the build's files and the app's icons a year, the tab's icon a month", async ({ request }) => {
  const html = await (await request.get("/login")).text();
  const script = html.match(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script).toBeTruthy();
  for (const path of [script!, "/icons/icon-192.png", "/icons/apple-touch-icon.png"]) {
    expect((await request.get(path)).headers()["cache-control"], path).toBe("public, max-age=31536000, immutable");
  }
  expect((await request.get("/icon.svg")).headers()["cache-control"]).toBe("public, max-age=2592000, stale-while-revalidate=2592000");
  // The tab's icon is named in every page, so that no browser asks for a /favicon.ico.
  expect(html).toMatch(/<link rel="icon" href="\/icon\.svg" type="image\/svg\+xml"\/>/);
});

test("the pages work under their policy and find every file they ask for: no violation, no missing file while signing in and reading the dashboard", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy|Failed to load resource/i.test(message.text())) problems.push(message.text());
  });
  await page.goto("/projects/RW-REINT-P4");
  await signInWithForm(page, ACCOUNTS.staff);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The first time series draws once it comes near the screen.
  await page.locator("figure .chart-placeholder").first().scrollIntoViewIfNeeded();
  await page.locator("figure .recharts-wrapper").first().waitFor();
  expect(problems).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInByRequest(client, ACCOUNTS.staff);
  const session = (await client.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await client.dispose();
});
