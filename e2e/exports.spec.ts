import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { PDFParse } from "pdf-parse";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, openSignedIn } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";
import { hasIatiSchema, IATI_SCHEMA_DIR, iatiSchemaErrors } from "./support/iati-schema";

const as = apiClients();
type Indicator = { id: number; code: string; measure: string; actual: number | null };
type Project = { locations: { code: string }[]; results: { indicators: Indicator[] }[]; contextIndicators: Indicator[] };
const indicatorsOf = (p: Project) => [...p.results.flatMap((r) => r.indicators), ...p.contextIndicators];

async function csvOf(client: APIRequestContext, path: string, delimiter = ","): Promise<Record<string, string>[]> {
  const response = await client.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  // The semicolon file is named apart from the comma one, so both can be downloaded into one folder.
  expect(response.headers()["content-disposition"]).toMatch(delimiter === ";" ? /^attachment; filename=".+-semicolons\.csv"$/ : /^attachment; filename=".+-\d{4}-\d{2}-\d{2}\.csv"$/);
  return parse(await response.body(), { bom: true, columns: true, delimiter }) as Record<string, string>[];
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as objects keyed by its header row. */
function sheetRows(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return rows;
}

test("the tracking table downloaded from the project page holds the dashboard's figures", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Indicator tracking table (Excel)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^RW-REINT-P4-tracking-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = await workbookOf(await download.createReadStream().then(async (s) => Buffer.concat(await s.toArray())));
  const [tracking, about] = workbook.worksheets;
  expect(tracking?.name).toBe("Indicator tracking");
  expect(tracking?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(about?.getColumn(2).values).toContain("RW-REINT-P4");
  const rows = sheetRows(tracking!);
  expect(rows.length).toBeGreaterThan(5);
  const format = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
  for (const row of rows) {
    const code = String(row["Indicator code"]);
    const cell = page.getByRole("row", { name: new RegExp(`^${code.replace(".", "\\.")} `) }).getByRole("cell").nth(2);
    const actual = row["Actual to date"] as number | null;
    if (actual === null) await expect(cell).toHaveText("No figure yet");
    else if (row.Measure === "Number") await expect(cell).toHaveText(format.format(actual));
    else await expect(cell).toContainText(`${format.format(actual)}%`);
  }
});

test("the tracking table marks the actuals whose period is not approved yet", async () => {
  const manager = await as(ACCOUNTS.manager);
  // Phase IV's 2026Q3 is submitted, not approved: its actuals are listed as such, row by row.
  const tracking = await csvOf(manager, "/api/v1/projects/RW-REINT-P4/export.csv");
  const businesses = tracking.find((r) => r["Indicator code"] === "OP2.3");
  expect(businesses?.["2026Q3 actual"]).not.toBe("");
  expect(businesses?.["Not approved"]).toContain("2026Q3");
  expect(businesses?.["Not approved"]).not.toContain("2025Q1");

  const response = await manager.get("/api/v1/projects/RW-REINT-P4/export.xlsx");
  const sheet = (await workbookOf(await response.body())).worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const row = sheet.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(header.indexOf("Indicator code")).value === "OP2.3");
  const unapproved = row?.getCell(header.indexOf("2026Q3 actual"));
  const approved = row?.getCell(header.indexOf("2025Q1 actual"));
  expect(unapproved?.font?.italic).toBe(true);
  expect(String(unapproved?.note)).toContain("not approved");
  expect(approved?.font?.italic).toBeFalsy();

  // Donors' tables hold approved figures only: nothing to mark, no such column.
  const donorTracking = await csvOf(await as(ACCOUNTS.donorJapan), "/api/v1/projects/RW-REINT-P4/export.csv");
  expect(Object.keys(donorTracking[0] ?? {})).not.toContain("Not approved");
});

test("a donor's files hold approved figures only, and no individual record", async () => {
  const donor = await as(ACCOUNTS.donorJapan);
  const manager = await as(ACCOUNTS.manager);
  const api = await getJson<Project>(donor, "/api/v1/projects/RW-REINT-P4");
  const tracking = await csvOf(donor, "/api/v1/projects/RW-REINT-P4/export.csv");
  for (const indicator of indicatorsOf(api)) {
    const row = tracking.find((r) => r["Indicator code"] === indicator.code);
    expect(row, indicator.code).toBeDefined();
    expect(row?.["Actual to date"] === "" ? null : Number(row?.["Actual to date"])).toBe(indicator.actual === null ? null : Number(indicator.actual.toFixed(2)));
  }
  const values = await csvOf(donor, "/api/v1/projects/RW-REINT-P4/export.csv?kind=values&delimiter=semicolon", ";");
  expect(values.length).toBeGreaterThan(0);
  expect(values.every((v) => v.comment === "")).toBe(true);
  // Approved figures, and a row without a figure for each indicator of a period awaiting approval.
  expect(values.filter((v) => v.status === "approved").every((v) => v.value !== "" || v.numerator !== "")).toBe(true);
  const gaps = values.filter((v) => v.status !== "approved");
  expect(gaps.every((v) => v.status === "awaiting_approval" || v.status === "not_reported")).toBe(true);
  expect(gaps.every((v) => v.value === "" && v.numerator === "" && v.location_code === "")).toBe(true);
  const states = (await getJson<{ reportingPeriods: { period: string; state: string }[] }>(donor, "/api/v1/projects/RW-REINT-P4")).reportingPeriods;
  expect(new Set(gaps.map((v) => v.period))).toEqual(new Set(states.filter((p) => p.state !== "approved").map((p) => p.period)));
  const inReview = await csvOf(manager, "/api/v1/projects/RW-REINT-P4/export.csv?kind=values");
  expect(inReview.some((v) => v.status !== "approved")).toBe(true);

  const records = await csvOf(manager, "/api/v1/projects/RW-REINT-P4/export.csv?kind=records");
  expect(Object.keys(records[0] ?? {})).toEqual(["external_id", "household_id", "sex", "birth_year", "group", "location_code", "household_size", "service", "service_date"]);
  const someone = records[0]!.external_id!;
  for (const email of [ACCOUNTS.donorJapan, ACCOUNTS.staff]) {
    const client = await as(email);
    const refused = await client.get("/api/v1/projects/RW-REINT-P4/export.csv?kind=records");
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain(someone);
    for (const kind of ["tracking", "values", "trainings", "beneficiaries"]) {
      const file = await client.get(`/api/v1/projects/RW-REINT-P4/export.csv?kind=${kind}`);
      expect(file.status()).toBe(200);
      expect(await file.text(), `${email} ${kind}`).not.toContain(someone);
    }
    const beneficiaries = await csvOf(client, "/api/v1/projects/RW-REINT-P4/export.csv?kind=beneficiaries");
    expect(Object.keys(beneficiaries[0] ?? {})).not.toContain("external_id");
  }
  expect((await donor.get("/api/v1/projects/CD-HSEC-NK/export.csv")).status()).toBe(404);
});

test("a comment that is a formula comes out neutralised in CSV and Excel", async () => {
  const manager = await as(ACCOUNTS.manager);
  type Listed = { indicatorId: number; period: string; locationCode: string; disaggregation: Record<string, string>; value: number | null; status: string; version: number | null };
  // The comment goes on a total of a period still open, whose value stays as it is: other tests may have closed some periods.
  let project = "";
  let current: Listed | undefined;
  for (const code of ["RW-REINT-P4", "CD-HSEC-NK"]) {
    const { data: values } = await getJson<{ data: Listed[] }>(manager, `/api/v1/data-values?project=${code}`);
    current = values.find((v) => (v.status === "draft" || v.status === "returned") && Object.keys(v.disaggregation).length === 0 && v.value !== null);
    project = code;
    if (current) break;
  }
  expect(current, "an open period with a total").toBeDefined();
  const { indicatorId, period, locationCode } = current!;
  const formula = '=HYPERLINK("http://example.invalid","x")';
  const written = await manager.put("/api/v1/data-values", { data: [{ indicatorId, period, locationCode, disaggregation: {}, value: current!.value, comment: formula, version: current!.version }] });
  expect(written.status(), await written.text()).toBe(200);
  const stored = await getJson<{ data: (Listed & { comment: string | null })[] }>(manager, `/api/v1/data-values?project=${project}&period=${period}`);
  expect(stored.data.find((v) => v.indicatorId === indicatorId && v.locationCode === locationCode && Object.keys(v.disaggregation).length === 0)?.comment).toBe(formula);

  const csv = await csvOf(manager, `/api/v1/projects/${project}/export.csv?kind=values`);
  expect(csv.find((r) => r.comment?.includes("HYPERLINK"))?.comment).toBe(`'${formula}`);
  const xlsx = await manager.get(`/api/v1/projects/${project}/export.xlsx?kind=values`);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const sheet = (await workbookOf(await xlsx.body())).worksheets[0]!;
  const comments = sheetRows(sheet).map((r) => r.comment).filter((c) => typeof c === "string" && c.includes("HYPERLINK"));
  expect(comments).toEqual([`'${formula}`]);
  sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
});

test("the donor report comes as a PDF in French from the project page, with the dashboard's figures", async ({ page }) => {
  const staff = await as(ACCOUNTS.staff);
  await openSignedIn(page, ACCOUNTS.staff, "/projects/CD-HSEC-NK");
  const form = page.getByRole("form", { name: "Donor report (PDF)" });
  await form.getByLabel("Language of the report").selectOption("fr");
  const periods = await form.getByLabel("Report up to the period").locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download the report" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^CD-HSEC-NK-report-\d{4}Q\d-fr\.pdf$/);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(await (await download.createReadStream()).toArray())) });
  const text = (await parser.getText()).text.replace(/[\u202f\u00a0]/g, " ");
  await parser.destroy();
  expect(text).toContain("RAPPORT AU BAILLEUR");
  expect(text).toContain("Indicateurs");
  const period = download.suggestedFilename().match(/(\d{4}Q\d)/)![1]!;
  expect(periods).toContain(period);
  // The donor's report of the latest approved period holds the figures the API gives the donor to date, in French formats.
  const donor = await as(ACCOUNTS.donorNetherlands);
  const approved = await getJson<Project & { reportingPeriods: { period: string; state: string }[] }>(donor, "/api/v1/projects/CD-HSEC-NK");
  const latest = approved.reportingPeriods.filter((p) => p.state === "approved").at(-1)!.period;
  const last = await donor.get(`/api/v1/projects/CD-HSEC-NK/report.pdf?period=${latest}&lang=fr`);
  expect(last.status()).toBe(200);
  const lastParser = new PDFParse({ data: new Uint8Array(await last.body()) });
  const lastText = (await lastParser.getText()).text.replace(/[\u202f\u00a0]/g, " ");
  await lastParser.destroy();
  const fr = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
  for (const indicator of indicatorsOf(approved).filter((i) => i.actual !== null && i.measure === "number")) {
    expect(lastText, indicator.code).toContain(fr.format(indicator.actual!).replace(/[\u202f\u00a0]/g, " "));
  }
  expect((await staff.get("/api/v1/projects/CD-HSEC-NK/report.pdf?period=1999Q1")).status()).toBe(400);
});

test("a donor report is made of an ended period: approved ones for donors, drafts marked on every page for the others", async () => {
  const staff = await as(ACCOUNTS.staff);
  const donor = await as(ACCOUNTS.donorJapan);
  const states = (await getJson<{ periods: string[]; reportingPeriods: { period: string; state: string }[] }>(staff, "/api/v1/projects/RW-REINT-P4"));
  const running = states.periods.find((p) => !states.reportingPeriods.some((r) => r.period === p))!;
  const awaiting = states.reportingPeriods.find((p) => p.state === "awaiting_approval")!.period;
  const approved = states.reportingPeriods.filter((p) => p.state === "approved").at(-1)!.period;

  const notEnded = await staff.get(`/api/v1/projects/RW-REINT-P4/report.pdf?period=${running}`);
  expect(notEnded.status()).toBe(400);
  expect(((await notEnded.json()) as { detail: string }).detail).toBe("A donor report is made for a period of the project that has ended.");
  const refused = await donor.get(`/api/v1/projects/RW-REINT-P4/report.pdf?period=${awaiting}&lang=fr`);
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { detail: string }).detail).toBe(`${awaiting} is not approved yet: donor reports are made of approved periods.`);
  const inFrench = await donor.get(`/api/v1/projects/RW-REINT-P4/report.pdf?period=${awaiting}`, { headers: { "Accept-Language": "fr" } });
  expect(((await inFrench.json()) as { detail: string }).detail).toContain("n’est pas encore approuvée");

  const pages = async (response: Awaited<ReturnType<typeof staff.get>>) => {
    expect(response.status()).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await response.body()) });
    const result = await parser.getText();
    await parser.destroy();
    return result.pages.map((p) => p.text);
  };
  const draft = await pages(await staff.get(`/api/v1/projects/RW-REINT-P4/report.pdf?period=${awaiting}&lang=en`));
  expect(draft.length).toBeGreaterThan(1);
  for (const text of draft) expect(text).toContain("Draft – not approved");
  for (const text of await pages(await donor.get(`/api/v1/projects/RW-REINT-P4/report.pdf?period=${approved}&lang=en`))) expect(text).not.toContain("Draft");
});

test("programme exports, the portfolio's streamed values and wrong queries", async () => {
  const staff = await as(ACCOUNTS.staff);
  const tracking = await csvOf(staff, "/api/v1/programmes/RW-REINT/export.csv");
  expect(new Set(tracking.map((r) => r.Project))).toEqual(new Set(["RW-REINT-P1", "RW-REINT-P2", "RW-REINT-P3", "RW-REINT-P4"]));
  const workbook = await workbookOf(await (await staff.get("/api/v1/programmes/RW-REINT/export.xlsx")).body());
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["Indicator tracking", "About"]);

  const all = await csvOf(staff, "/api/v1/data-values/export.csv");
  const projects = await getJson<{ data: { code: string }[] }>(staff, "/api/v1/projects");
  let expected = 0;
  for (const { code } of projects.data) expected += (await csvOf(staff, `/api/v1/projects/${code}/export.csv?kind=values`)).length;
  expect(all.length).toBe(expected);
  const donor = await as(ACCOUNTS.donorNetherlands);
  const donorValues = await csvOf(donor, "/api/v1/data-values/export.csv?delimiter=semicolon", ";");
  expect(donorValues.length).toBeGreaterThan(0);
  expect(new Set(donorValues.map((v) => v.project_code))).toEqual(new Set(["CD-HSEC-NK"]));
  expect(new Set(donorValues.map((v) => v.status))).toEqual(new Set(["approved", "awaiting_approval"]));

  const bad = await staff.get("/api/v1/projects/RW-REINT-P4/export.csv?kind=everything");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toBe("application/problem+json");
  expect(((await bad.json()) as { detail: string; type: string })).toMatchObject({ type: "/api/v1/problems/bad-request", detail: expect.stringMatching(/^Unknown export/) });
  expect((await staff.get("/api/v1/programmes/RW-REINT/export.csv?kind=records")).status()).toBe(400);
  const anonymous = await (await import("@playwright/test")).request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get("/api/v1/data-values/export.csv")).status()).toBe(401);
  await anonymous.dispose();
});

test("the IATI file downloaded from the programme page validates against the official schema", async ({ page }) => {
  test.skip(!hasIatiSchema(), `IATI schema check SKIPPED: no schema in ${IATI_SCHEMA_DIR} (set IATI_SCHEMA_DIR)`);
  await openSignedIn(page, ACCOUNTS.donorJapan, "/programmes/RW-REINT");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /IATI file of the programme/ }).click()]);
  const xml = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  expect(xml).toContain("<iati-identifier>XM-DAC-47066-RW-REINT-P4</iati-identifier>");
  // A donor of Phase IV sees Phase IV only: the other phases are not in the file.
  expect(xml).not.toContain("<iati-identifier>XM-DAC-47066-RW-REINT-P1</iati-identifier>");
  expect(iatiSchemaErrors(xml)).toEqual([]);
  expect(iatiSchemaErrors(xml.replace("<activity-status", "<activity-state")).length).toBeGreaterThan(0);
});
