import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInWithForm } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";

const as = apiClients();
type Indicator = { code: string; actual: number | null };
type Project = { results: { indicators: Indicator[] }[] };
const businesses = async (email: string) =>
  (await getJson<Project>(await as(email), "/api/v1/projects/RW-REINT-P4")).results.flatMap((r) => r.indicators).find((i) => i.code === "OP2.3")?.actual ?? 0;

test("a manager fills a quarter with the keyboard and submits it; manager2 approves; the Japan donor sees the new figure", async ({ page, browser }) => {
  const donorBefore = await businesses(ACCOUNTS.donorJapan);

  await page.goto("/projects/RW-REINT-P4/entry/2026Q4");
  await signInWithForm(page, ACCOUNTS.manager);
  await expect(page.getByRole("heading", { level: 1, name: "Figures of 2026Q4" })).toBeVisible();

  // Returnees who started a business, Nyaruguru: total, then women and men below it with Enter.
  await page.getByLabel("OP2.3 Nyaruguru Total, Value").focus();
  await page.keyboard.type("7");
  await page.keyboard.press("Enter");
  await page.keyboard.type("4");
  await page.keyboard.press("Enter");
  await page.keyboard.type("3");
  await expect(page.getByText("Sex: 7 of 7")).toBeVisible();
  // Trainees assessed in Nyaruguru: numerator, Tab, denominator, for the total and the sexes.
  await page.getByLabel("OP2.4 Nyaruguru Total, Numerator").focus();
  for (const [numerator, denominator] of [["9", "12"], ["5", "6"], ["4", "6"]] as const) {
    await page.keyboard.type(numerator);
    await page.keyboard.press("Tab");
    await page.keyboard.type(denominator);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("row", { name: /Nyaruguru/ }).filter({ hasText: "75% (9/12)" })).toHaveCount(1);
  await page.keyboard.press("Control+s");
  await expect(page.getByRole("status").filter({ hasText: "6 values saved." })).toBeVisible();

  await page.getByRole("button", { name: "Submit for approval" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Submitted for approval." })).toBeVisible();
  await expect(page.getByLabel("OP2.3 Nyaruguru Total, Value")).toBeDisabled();

  const reviewer = await browser.newContext();
  const reviewerPage = await reviewer.newPage();
  await reviewerPage.goto("/projects/RW-REINT-P4/entry/2026Q4");
  await signInWithForm(reviewerPage, ACCOUNTS.manager2);
  await expect(reviewerPage.getByLabel("OP2.3 Nyaruguru Total, Value")).toHaveValue("7");
  await reviewerPage.getByRole("button", { name: "Approve" }).click();
  await expect(reviewerPage.getByRole("status").filter({ hasText: "Approved." })).toBeVisible();
  await reviewer.close();

  const { data: values } = await getJson<{ data: { indicatorId: number; value: number | null; disaggregation: object }[] }>(
    await as(ACCOUNTS.manager),
    "/api/v1/data-values?project=RW-REINT-P4&period=2026Q4",
  );
  const quarterTotal = values.filter((v) => Object.keys(v.disaggregation).length === 0 && v.value !== null && v.value < 100).reduce((sum, v) => sum + (v.value ?? 0), 0);
  expect(quarterTotal).toBeGreaterThanOrEqual(7);

  const donor = await browser.newContext();
  const donorPage = await donor.newPage();
  await donorPage.goto("/projects/RW-REINT-P4");
  await signInWithForm(donorPage, ACCOUNTS.donorJapan);
  const expected = await businesses(ACCOUNTS.donorJapan);
  expect(expected).toBeGreaterThan(donorBefore);
  await expect(donorPage.getByRole("row", { name: /OP2\.3 Returnees supported/ })).toContainText(new Intl.NumberFormat("en-GB").format(expected));
  await donor.close();
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("a bad value shows its message in French next to the cell", async ({ page }) => {
    await page.goto("/projects/CD-HSEC-NK/entry/2026Q3");
    await signInWithForm(page, ACCOUNTS.admin, { email: "E-mail", password: "Mot de passe", submit: "Se connecter" });
    await expect(page.getByRole("heading", { level: 1, name: "Chiffres de 2026Q3" })).toBeVisible();
    const cell = page.getByLabel("OP1.2 Rutshuru Total, Valeur");
    await cell.fill("-3");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Un chiffre ne peut pas être négatif." })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Rien n'a été enregistré" })).toBeVisible();
    await cell.fill("2,5");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "C'est un décompte : saisissez un nombre entier." })).toBeVisible();
  });
});
