import { expect, test } from "@playwright/test";
import { ACCOUNTS, openSignedIn } from "./support/accounts";

test("an admin creates a project: a clear error for an end before the start, then the saved project", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.admin, "/projects/new");
  await expect(page.getByRole("heading", { level: 1, name: "New project" })).toBeVisible();
  await page.getByLabel("Code").fill("RW-REINT-P5");
  await page.getByLabel("Programme").selectOption("RW-REINT");
  await page.getByLabel("Phase").fill("5");
  await page.getByLabel("Title in English").fill("Sustainable reintegration of Rwandan returnees, Phase V");
  await page.getByLabel("Title in French").fill("Réintégration durable des rapatriés rwandais, phase V");
  await page.getByLabel("Start date").fill("2027-07-01");
  await page.getByLabel("End date").fill("2027-01-31");
  await page.getByLabel("Country").selectOption({ label: "Rwanda" });
  await page.getByLabel("Household size", { exact: true }).fill("5");
  await page.locator("select[name=organisationCode]").selectOption({ label: "International Organization for Migration" });
  await page.getByLabel("Huye").check();
  await page.getByLabel("Musanze").check();
  await page.getByRole("button", { name: "Add a year" }).click();
  await page.getByLabel("Year", { exact: true }).fill("2027");
  await page.getByLabel("Amount", { exact: true }).fill("400000");
  await page.getByRole("button", { name: "Add a sector" }).click();
  await page.getByLabel("Sector code").fill("15190");
  await page.getByLabel("Share (%)").fill("90");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The end date comes before the start date." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "The sectors' shares must add up to 100." })).toBeVisible();
  await page.getByLabel("Share (%)").fill("100");

  await page.getByLabel("End date").fill("2029-06-30");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/projects\/RW-REINT-P5$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sustainable reintegration of Rwandan returnees, Phase V" })).toBeVisible();
  await expect(page.getByText("Huye, Musanze")).toBeVisible();
  // With IOM implementing and its sector, the new phase can be published to IATI at once.
  const iati = await page.request.get("/api/v1/projects/RW-REINT-P5/iati.xml");
  expect(iati.status()).toBe(200);
  const xml = await iati.text();
  expect(xml).toContain("<iati-identifier>XM-DAC-47066-RW-REINT-P5</iati-identifier>");
  expect(xml).toContain('<sector vocabulary="1" code="15190" percentage="100"/>');
});

test("a manager changes a target after figures exist: a reason is required and the revision is kept", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4/framework");
  await page.getByRole("link", { name: "Edit OP2.3" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit the indicator: OP2.3" })).toBeVisible();
  await page.getByLabel("Life-of-project target").fill("650");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Figures exist already: say why the target or baseline changes." })).toBeVisible();
  await page.getByLabel("Reason for changing the target or baseline").fill("Musanze joins the business support");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/framework$/);
  await expect(page.getByRole("row", { name: /OP2\.3/ })).toContainText("target 600 → 650 (Musanze joins the business support)");
  await page.goto("/projects/RW-REINT-P4");
  await expect(page.getByRole("row", { name: /OP2\.3 Returnees supported/ }).getByRole("cell").nth(1)).toHaveText("650");
});

test("a manager adds an output to the framework; a duplicate code is refused", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.manager, "/projects/CD-HSEC-NK/framework");
  const add = page.locator("form.result-form").last();
  await add.getByLabel("Code").fill("OP3");
  await add.getByLabel("Title in English").fill("Returning civil servants receive office equipment");
  await add.getByLabel("Parent").selectOption("OC1");
  await add.getByRole("button", { name: "Save" }).click();
  await expect(add.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.locator("form.result-form input[name=code][value=OP3]")).toHaveCount(1);
  const again = page.locator("form.result-form").last();
  await again.getByLabel("Code").fill("op3");
  await again.getByLabel("Title in English").fill("Twice");
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again.getByRole("alert")).toHaveText("Another result of this project already has this code.");
});
