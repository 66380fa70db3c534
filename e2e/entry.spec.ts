import { expect, test } from "@playwright/test";
import { ACCOUNTS, openSignedIn, signInWithForm } from "./support/accounts";

test("a manager fills the running quarter with the keyboard and saves it; it is submitted only once it has ended", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4/entry/2026Q4");
  await expect(page.getByRole("heading", { level: 1, name: "Figures of Q4 2026" })).toBeVisible();

  // Returnees who started a business, Nyaruguru: total, then women and men below it with Enter.
  await page.getByLabel("OP2.3 Nyaruguru Total, Value").click();
  await page.keyboard.type("7");
  await page.keyboard.press("Enter");
  await page.keyboard.type("4");
  await page.keyboard.press("Enter");
  await page.keyboard.type("3");
  await expect(page.getByText("Sex: 7 of 7")).toBeVisible();
  // Trainees assessed in Nyaruguru: numerator, Tab, denominator, for the total and the sexes.
  await page.getByLabel("OP2.4 Nyaruguru Total, Numerator").click();
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

  await page.reload();
  await expect(page.getByLabel("OP2.3 Nyaruguru Total, Value")).toHaveValue("7");
  await expect(page.getByLabel("OP2.4 Nyaruguru Sex: Male, Denominator")).toHaveValue("6");
  // Enter onto a cell that holds a figure selects it: what is typed replaces it.
  await page.getByLabel("OP2.3 Nyaruguru Total, Value").click();
  await page.keyboard.press("Enter");
  await page.keyboard.type("5");
  await expect(page.getByLabel("OP2.3 Nyaruguru Sex: Female, Value")).toHaveValue("5");
  // The quarter runs until 31 December: no submission before it ends, and the page says when.
  if (Date.now() <= Date.parse("2026-12-31T23:59:59Z")) {
    await expect(page.getByText("Q4 2026 ends on 31 Dec 2026: it can be submitted from 1 Jan 2027.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Submit for approval" })).toHaveCount(0);
  } else {
    await expect(page.getByRole("button", { name: "Submit for approval" })).toBeVisible();
  }
});

test("a comment typed before the page's script has arrived stays, and is saved like any other", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4/entry/2026Q4");
  await expect(page.getByRole("heading", { level: 1, name: "Figures of Q4 2026" })).toBeVisible();
  // A slow connection: the page has come, its scripts not yet. The fields are open all the same.
  let scriptsArrive = () => {};
  const scripts = new Promise<void>((resolve) => (scriptsArrive = resolve));
  const isScript = (url: URL) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js");
  await page.route(isScript, async (route) => {
    await scripts;
    await route.continue();
  });
  await page.reload({ waitUntil: "domcontentloaded" });
  const comment = page.getByLabel("OP2.3 Huye Total, Comment");
  await comment.fill("Counted at the district office");
  await expect(page.getByText("Unsaved changes: 1")).toHaveCount(0);
  scriptsArrive();
  // Once the script runs, the grid takes the comment up as typed, and saves it.
  await expect(page.getByText("Unsaved changes: 1")).toBeVisible();
  await expect(comment).toHaveValue("Counted at the district office");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 value saved." })).toBeVisible();
  await page.unroute(isScript);
  await page.reload();
  await expect(page.getByLabel("OP2.3 Huye Total, Comment")).toHaveValue("Counted at the district office");
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("a bad value shows its message in French next to the cell", async ({ page }) => {
    await page.goto("/projects/CD-HSEC-NK/entry/2026Q3");
    await signInWithForm(page, ACCOUNTS.admin, { email: "E-mail", password: "Mot de passe", submit: "Se connecter" });
    await expect(page.getByRole("heading", { level: 1, name: "Chiffres de T3 2026" })).toBeVisible();
    const cell = page.getByLabel("OP1.2 Rutshuru Total, Valeur");
    await cell.fill("-3");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Un chiffre ne peut pas être négatif." })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Rien n’a été enregistré" })).toBeVisible();
    await cell.fill("2,5");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "C’est un décompte\u202f: saisissez un nombre entier." })).toBeVisible();
  });
});
