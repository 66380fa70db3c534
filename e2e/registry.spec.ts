import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInWithForm } from "./support/accounts";
import { apiClients } from "./support/clients";

const as = apiClients();
const HEADER = "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date";

test("a manager imports a CSV through the preview and sees the unique count change on the project page", async ({ page }) => {
  await page.goto("/projects/RW-REINT-P4");
  await signInWithForm(page, ACCOUNTS.manager);
  const unique = page.locator(".figure", { hasText: "Unique direct beneficiaries" }).locator(".figure-value");
  const before = Number((await unique.textContent())?.replace(/\D/g, ""));

  await page.goto("/projects/RW-REINT-P4/beneficiaries/import");
  const bad = `${HEADER}\nRW-950001,,female,2031,returnee,RW-05-HUY,4,livestock,2026-04-01\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText('Line 2: "2031" is not a birth year (four digits, not in the future).')).toBeVisible();
  await expect(page.getByRole("button", { name: "Import all rows" })).toHaveCount(0);

  const good = [HEADER, "RW-950001,RW-HH-950001,female,1991,returnee,RW-05-HUY,4,livestock,2026-04-01", "RW-950001,RW-HH-950001,female,1991,returnee,RW-05-HUY,4,shelter_materials,2026-05-01", "RW-950002,RW-HH-950001,male,1989,returnee,RW-05-HUY,4,livestock,2026-04-01"].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "april.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("3 rows: 2 people to add, 0 to change, 0 unchanged; 3 services to add.")).toBeVisible();
  await page.getByRole("button", { name: "Import all rows" }).click();
  await expect(page.getByText("Imported: 2 people added, 0 changed, 3 services added.")).toBeVisible();

  await page.goto("/projects/RW-REINT-P4");
  await expect(unique).toHaveText(new Intl.NumberFormat("en-GB").format(before + 2));
});

test("the import API writes nothing when one row is bad, and nothing new when the file comes again", async () => {
  const manager = await as(ACCOUNTS.manager);
  const url = "/api/v1/projects/RW-REINT-P4/beneficiaries/import";
  const file = [HEADER, "RW-960001,,male,1975,host_community,RW-03-MUS,6,livestock,2026-02-01", "RW-960002,,male,1975,host_community,NOWHERE,6,livestock,2026-02-01"].join("\n");
  const refused = await manager.post(`${url}?mode=commit`, { data: file, headers: { "Content-Type": "text/csv" } });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ written: false, problems: [{ line: 3, code: "unknown_location" }] });
  const preview = await manager.post(`${url}?mode=preview`, { data: file.split("\n").slice(0, 2).join("\n"), headers: { "Content-Type": "text/csv" } });
  expect(await preview.json()).toMatchObject({ written: false, counts: { peopleAdded: 1 } });
  const good = file.split("\n").slice(0, 2).join("\n");
  expect(await (await manager.post(`${url}?mode=commit`, { data: good, headers: { "Content-Type": "text/csv" } })).json()).toMatchObject({ written: true, counts: { peopleAdded: 1 } });
  expect(await (await manager.post(`${url}?mode=commit`, { data: good, headers: { "Content-Type": "text/csv" } })).json()).toMatchObject({ counts: { peopleAdded: 0, peopleUnchanged: 1, servicesAdded: 0 } });
  const donor = await as(ACCOUNTS.donorJapan);
  expect((await donor.post(`${url}?mode=preview`, { data: good, headers: { "Content-Type": "text/csv" } })).status()).toBe(403);
});

test("a donor sees the counts of the registry but no individual record", async ({ page }) => {
  await page.goto("/projects/RW-REINT-P4/beneficiaries");
  await signInWithForm(page, ACCOUNTS.donorJapan);
  await expect(page.getByText("Unique direct beneficiaries", { exact: true })).toBeVisible();
  await expect(page.getByText("Individual records are shown to the project's managers and administrators only.")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Household" })).toHaveCount(0);
  expect((await page.goto("/projects/RW-REINT-P4/beneficiaries/import"))?.status()).toBe(404);
});
