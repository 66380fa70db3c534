import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, openSignedIn, signInWithForm } from "./support/accounts";

const FRENCH_LABELS = { email: "E-mail", password: "Mot de passe", submit: "Se connecter" };

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("a French browser gets French; a switch to English is kept after signing in again", async ({ page, browser }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Se connecter à Baseline" })).toBeVisible();
    await signInWithForm(page, ACCOUNTS.manager2, FRENCH_LABELS);
    await expect(page.getByRole("heading", { level: 1, name: "Projets" })).toBeVisible();

    await page.getByRole("link", { name: "Réintégration durable des rapatriés rwandais, phase IV", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Cadre de résultats" })).toBeVisible();
    await expect(page.getByText("Du 1er juil. 2024 au 30 juin 2027")).toBeVisible();
    await expect(page.getByRole("row", { name: /Bénéficiaires directs \(personnes uniques\)/ })).toContainText("5\u202f000");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Results framework" })).toBeVisible();
    await expect(page.getByText("1 Jul 2024 to 30 Jun 2027")).toBeVisible();
    await expect(page.getByRole("row", { name: /Direct beneficiaries \(unique people\)/ })).toContainText("5,000");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    // Another French browser: the choice was kept for the user, not only in this browser.
    const other = await browser.newContext({ locale: "fr-FR" });
    const otherPage = await other.newPage();
    await otherPage.goto("/login");
    await expect(otherPage.getByRole("button", { name: "Se connecter" })).toBeVisible();
    await signInWithForm(otherPage, ACCOUNTS.manager2, FRENCH_LABELS);
    await expect(otherPage.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await other.close();
  });
});

test("the project page shows the framework with baseline, target, actual and progress, and the beneficiaries", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.admin, "/projects/RW-REINT-P4");
  await expect(page.getByRole("heading", { level: 2, name: "Beneficiaries" })).toBeVisible();
  await expect(page.locator(".figure-label").getByText("Unique direct beneficiaries", { exact: true })).toBeVisible();
  await expect(page.locator(".figure-label").getByText("Indirect beneficiaries", { exact: true })).toBeVisible();
  const trainers = page.getByRole("row", { name: /OP2\.1 Trainers trained/ });
  await expect(trainers.getByRole("cell")).toHaveText(["0", "184", "184", "100%", /^On track/]);
  await expect(page.getByRole("row", { name: /OC1\.1 Average income increase/ })).toContainText("No figure yet");
  await expect(page.getByText("These figures include values not yet approved.")).toBeVisible();
});

test("the programme page shows phases I-III together: more than 8,000 direct and 40,000 indirect beneficiaries, +78% income", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.staff, "/programmes/RW-REINT");
  const together = page.getByRole("row", { name: /Completed phases together \(I, II and III\)/ });
  await expect(together.getByRole("cell")).toHaveText(["8,140", "40,550"]);
  await expect(page.getByRole("row", { name: /OC1\.1 Average income increase/ })).toContainText("78% (1,872/2,400)");
  await expect(page.getByRole("row", { name: /OC1\.2/ })).toContainText("63% (1,134/1,800)");
});

test("a donor reads approved figures only, and the screens fit a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn(page, ACCOUNTS.donorNetherlands, "/projects/CD-HSEC-NK");
  await expect(page.getByText(/Approved figures only\./)).toBeVisible();
  await expect(page.getByRole("row", { name: /CX1 IDPs living in IOM-managed displacement sites/ })).toContainText("200,000");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test.describe("on a phone 390 px wide", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  /** What a thumb cannot hit (under 24 × 24 px), and how far the page reaches past the screen. */
  async function phoneProblems(page: Page) {
    return page.evaluate(() => {
      const small = [...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary")]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ el, box }) => `${el.tagName} “${(el.textContent || el.getAttribute("name") || "").trim().slice(0, 30)}” ${Math.round(box.width)}×${Math.round(box.height)}`);
      return { small, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });
  }

  test("indicator tables become cards with name, actual, target, progress and status on screen; targets are 24 px; no page is wider than the screen", async ({ page }) => {
    await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4");
    const card = page.getByRole("row", { name: /OP2\.3 Returnees supported/ });
    await card.scrollIntoViewIfNeeded();
    for (const label of ["Target", "Actual to date", "Progress", "Status"]) {
      const cell = card.locator(`td[data-label="${label}"]`);
      await expect(cell).toBeInViewport();
      const box = await cell.boundingBox();
      expect(box && box.x + box.width, label).toBeLessThanOrEqual(390);
    }
    // A card: the cells sit one under the other, not side by side.
    const [target, status] = await Promise.all(["Target", "Status"].map((label) => card.locator(`td[data-label="${label}"]`).boundingBox()));
    expect(status?.y ?? 0).toBeGreaterThan(target?.y ?? 0);

    for (const path of ["/projects/RW-REINT-P4", "/projects/RW-REINT-P4?location=RW-05-HUY", "/projects/RW-REINT-P4/trainings", "/projects/RW-REINT-P4/trainings/new", "/projects/RW-REINT-P4/framework", "/projects/RW-REINT-P4/beneficiaries", "/programmes/RW-REINT", "/settings", "/"]) {
      await page.goto(path);
      const problems = await phoneProblems(page);
      expect(problems.overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
      expect(problems.small, `${path}: targets under 24 × 24 px`).toEqual([]);
    }
  });

  test("the training form fits the screen, its participants' grid included", async ({ page }) => {
    await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4/trainings/new");
    const last = page.getByLabel("Unknown, 60 and over", { exact: true });
    await expect(last).toBeVisible();
    const box = await last.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect((await phoneProblems(page)).overflow).toBeLessThanOrEqual(0);
  });
});
