import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInWithForm } from "./support/accounts";

const ALL = ["Human security in the territories of Rutshuru and Nyiragongo", "Sustainable reintegration of Rwandan returnees, Phase I", "Sustainable reintegration of Rwandan returnees, Phase IV"];

const cases = [
  { email: ACCOUNTS.admin, sees: ALL, role: "Administrator" },
  { email: ACCOUNTS.manager, sees: ALL, role: "Programme manager" },
  { email: ACCOUNTS.staff, sees: ALL, role: "Staff" },
  { email: ACCOUNTS.donorJapan, sees: ["Sustainable reintegration of Rwandan returnees, Phase IV"], role: "Donor" },
  { email: ACCOUNTS.donorNetherlands, sees: ["Human security in the territories of Rutshuru and Nyiragongo"], role: "Donor" },
];

for (const { email, sees, role } of cases) {
  test(`${email} signs in through the form and sees their projects`, async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await signInWithForm(page, email);
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expect(page.getByText(role, { exact: false }).first()).toBeVisible();
    const main = page.getByRole("main");
    for (const title of sees) await expect(main.getByRole("link", { name: title, exact: true })).toHaveCount(1);
    const projectLinks = await page.locator('main a[href^="/projects/"]').count();
    // Other browser tests may add projects: staff see at least the five demo projects, donors exactly theirs.
    if (sees === ALL) expect(projectLinks).toBeGreaterThanOrEqual(5);
    else expect(projectLinks).toBe(1);
  });
}

test("a wrong password and an unknown e-mail get the same message and no session", async ({ page, context }) => {
  await page.goto("/login");
  await signInWithForm(page, ACCOUNTS.admin, undefined, "not-the-password");
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  await expect(alert).toHaveText("The e-mail or the password is wrong. Check both and try again; after ten wrong tries, an account waits 15 minutes.");
  const wrongPassword = await alert.textContent();
  await signInWithForm(page, "nobody@baseline.test");
  await expect(alert).toHaveText(wrongPassword ?? "");
  expect((await context.cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
  await page.goto("/projects/RW-REINT-P4");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprojects%2FRW-REINT-P4$/);
});

test("after signing in, the page asked for opens; signing out ends the session", async ({ page }) => {
  await page.goto("/projects/RW-REINT-P4");
  await signInWithForm(page, ACCOUNTS.staff);
  await expect(page.getByRole("heading", { level: 1, name: "Sustainable reintegration of Rwandan returnees, Phase IV" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a project the user may not see is a 404", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, ACCOUNTS.donorJapan);
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  const response = await page.goto("/projects/CD-HSEC-NK");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await page.goto("/programmes/CD-CRR"))?.status()).toBe(404);
  expect((await page.goto("/projects/NO-SUCH-PROJECT"))?.status()).toBe(404);
});
