import { expect, test } from "@playwright/test";

test("the health check answers once the database does, without a session, and names the engine", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const engine = (test.info().project.metadata as { databaseUrl?: string }).databaseUrl ? "postgresql" : "sqlite";
  expect(await response.json()).toEqual({ status: "ok", engine });
});

test("a visitor without a session is sent to the sign-in page", async ({ page }) => {
  await page.goto("/programmes/RW-REINT");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprogrammes%2FRW-REINT$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Baseline" })).toBeVisible();
  await expect(page).toHaveTitle("Sign in to Baseline · Baseline");
});
