import { expect, test } from "@playwright/test";
import { ACCOUNTS, openSignedIn } from "./support/accounts";
import { apiClients } from "./support/clients";

const as = apiClients();
const HEADER = "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date";

test("a manager imports a CSV through the preview and sees the unique count change on the project page", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4");
  const unique = page.locator(".figure", { hasText: "Unique direct beneficiaries" }).locator(".figure-value");
  const before = Number((await unique.textContent())?.replace(/\D/g, ""));

  await page.goto("/projects/RW-REINT-P4/beneficiaries/import");
  // The project's codes are on the page and in its template, with an example row per service.
  await expect(page.getByRole("table", { name: "location_code" }).getByRole("row", { name: "RW-05-HUY Huye" })).toBeVisible();
  const template = await (await page.request.get((await page.getByRole("link", { name: "Download the template for RW-REINT-P4" }).getAttribute("href")) as string)).text();
  expect(template).toMatch(/^\uFEFF# Beneficiary import template for RW-REINT-P4\./);
  expect(template).toMatch(/\r\n# location_code: RW-\d\d-[A-Z]{3} = [A-Za-z]+ \|/);
  expect(template).toContain("RW-05-HUY = Huye");
  expect(template).toContain("# group: returnee = Returnee from abroad |");
  expect(template.match(/^EXAMPLE-\d,/gm)).toHaveLength(3);

  // One row with three problems is one row to correct, with its three messages beside it.
  const bad = `${HEADER}\nRW-950001,,W,2031,returnee,NOWHERE,4,livestock,2026-04-01\nRW-950003,,male,1990,returnee,RW-05-HUY,4,livestock,2026-04-01\n`;
  await page.getByLabel("File (CSV or Excel)").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("One row needs a correction (3 problems); nothing will be imported until the file is corrected.")).toBeVisible();
  await expect(page.getByRole("row", { name: /^2 RW-950001/ }).locator(".cell-problem")).toHaveText(["W", "2031", "NOWHERE"]);
  await expect(page.getByRole("row", { name: /^2 RW-950001/ }).locator("xpath=following-sibling::tr[1]").getByRole("listitem")).toHaveText([
    '"W" is not a sex: use female, male or unknown, or its name in English or French.',
    '"2031" is not a birth year (four digits, not in the future).',
    "\"NOWHERE\" is not one of the project's places: use a code or a name listed on this page or in the template.",
  ]);
  await expect(page.getByRole("row", { name: /^3 RW-950003/ })).not.toHaveClass(/has-problems/);
  await expect(page.getByRole("button", { name: "Import all rows" })).toHaveCount(0);

  // French names are read as codes; services in approved periods are named before anything is written.
  const good = [HEADER, "RW-950001,RW-HH-950001,femme,1991,rapatrié,Huye,4,livestock,2026-04-01", "RW-950001,RW-HH-950001,femme,1991,rapatrié,Huye,4,shelter_materials,2026-05-01", "RW-950002,RW-HH-950001,homme,1989,Rapatrié,RW-05-HUY,4,Aide à l'élevage,2026-04-01"].join("\n");
  await page.getByLabel("File (CSV or Excel)").setInputFiles({ name: "april.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("3 rows: 2 people to add, 0 to change, 0 unchanged; 3 services to add.")).toBeVisible();
  await expect(page.getByText("3 services are dated in periods already approved (Q2 2026). Donors keep seeing the approved figures until these periods are approved again.")).toBeVisible();
  await page.getByRole("button", { name: "Import all rows" }).click();
  await expect(page.getByText("Imported: 2 people added, 0 changed, 3 services added.")).toBeVisible();

  // The registry shows names, not codes, and finds people by ID.
  await page.goto("/projects/RW-REINT-P4/beneficiaries");
  const search = page.getByRole("search", { name: "Search the registry" });
  await search.getByLabel("ID or household ID").fill("rw-95000");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=rw-95000/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("2 people’s IDs or household IDs hold “rw-95000”; 2 shown.");
  const person = page.getByRole("row", { name: /^RW-950001/ });
  await expect(person.getByRole("cell")).toHaveText(["RW-HH-950001", "Female", "1991", "Returnee from abroad", "Huye", "4", "Livestock support (1 Apr 2026), Construction materials for housing (1 May 2026)"]);
  await search.getByLabel("ID or household ID").fill("RW-HH-950001");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row", { name: /^RW-950002/ })).toBeVisible();
  await search.getByLabel("ID or household ID").fill("%");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Nobody’s ID or household ID holds “%”.");

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
  await openSignedIn(page, ACCOUNTS.donorJapan, "/projects/RW-REINT-P4/beneficiaries");
  await expect(page.getByText("Unique direct beneficiaries", { exact: true })).toBeVisible();
  await expect(page.getByText("Individual records are shown to the project's managers and administrators only.")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Household" })).toHaveCount(0);
  expect((await page.goto("/projects/RW-REINT-P4/beneficiaries/import"))?.status()).toBe(404);
});
