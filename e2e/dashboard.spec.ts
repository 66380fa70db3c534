import { expect, test, type Locator } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { ACCOUNTS, openSignedIn, signInWithForm } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";

const as = apiClients();
type Indicator = { code: string; actual: number | null };
type Project = { results: { indicators: Indicator[] }[] };

/** The whole number a row's cell shows, digits only (thousands separators dropped). */
async function cellNumber(row: Locator, index: number): Promise<number> {
  return Number((await row.getByRole("cell").nth(index).textContent())?.replace(/\D/g, ""));
}

test("a donor's project dashboard shows the API's approved figures, with statuses and charts", async ({ page }) => {
  const api = await getJson<Project>(await as(ACCOUNTS.donorJapan), "/api/v1/projects/RW-REINT-P4");
  const direct = api.results.flatMap((r) => r.indicators).find((i) => i.code === "OP1.1")?.actual ?? 0;
  await openSignedIn(page, ACCOUNTS.donorJapan, "/projects/RW-REINT-P4");
  await expect(page.getByRole("row", { name: /OP1\.1 Direct beneficiaries/ }).getByRole("cell").nth(2)).toHaveText(new Intl.NumberFormat("en-GB").format(direct));
  await expect(page.getByText(/^Latest approved data: Q\d\s2026, approved on/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Including figures not yet approved" })).toHaveCount(0);
  await expect(page.getByText(/on track from 90% of it, at risk from 60%, off track below/)).toBeVisible();
  await expectAccessible(page);
});

test("the map names its places without one label over another; the places left unnamed on it are in its table; bars and map are in the HTML", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.staff, "/projects/RW-REINT-P4");
  const frame = page.locator("figure", { hasText: "Unique direct beneficiaries by place" });
  await expect(frame.locator("svg.map text", { hasText: "Huye" })).toBeVisible();
  const boxes = await frame.locator("svg.map text").evaluateAll((texts) => texts.map((t) => ({ text: t.textContent ?? "", ...t.getBoundingClientRect().toJSON() })));
  expect(boxes.map((b) => b.text).join(" ")).toMatch(/Huye [\d,]+/);
  expect(boxes.map((b) => b.text).join(" ")).toMatch(/Gisagara [\d,]+/);
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `${a.text} covers ${b.text}`).toBe(true);
    }
  }
  await frame.getByText("The numbers of this chart").click();
  const places = await frame.locator("tbody th").allTextContents();
  expect(places.length).toBeGreaterThan(0);
  expect(places.length).toBeGreaterThanOrEqual(boxes.length);
  for (const label of boxes) expect(places).toContain(label.text.replace(/ [\d,]+$/, ""));
  // Without the page's script: the map and every bar chart are in the server's HTML.
  expect(await (await page.request.get("/projects/RW-REINT-P4")).text()).toContain('class="map"');
  const bars = await (await page.request.get("/projects/CD-HSEC-NK?indicator=OP1.3")).text();
  expect(bars).toMatch(/class="bar-chart"[^]*class="bar-label">Female<[^]*class="bar-value">[\d,]+</);
});

test("filters live in the URL, and a chart's CSV holds exactly the numbers of its table", async ({ page }) => {
  await page.goto("/projects/CD-HSEC-NK?view=approved&indicator=OP1.3");
  await signInWithForm(page, ACCOUNTS.manager);
  await expect(page).toHaveURL(/view=approved&indicator=OP1\.3/);
  await expect(page.getByRole("link", { name: "Approved figures only" })).toHaveAttribute("aria-current", "true");
  const frame = page.locator("figure", { hasText: "OP1.3 People employed by quick-impact projects by sex" });
  await expect(frame).toBeVisible();
  await frame.getByText("The numbers of this chart").click();
  const rows = await frame.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
  const href = await frame.getByRole("link", { name: "Download these numbers (CSV)" }).getAttribute("href");
  const csv = decodeURIComponent(href?.replace("data:text/csv;charset=utf-8,", "") ?? "");
  const csvRows = csv.trim().split("\n").slice(1).map((line) => line.split(","));
  expect(csvRows.map(([label, value]) => [label, new Intl.NumberFormat("en-GB").format(Number(value))])).toEqual(rows);
  await expectAccessible(page);

  await page.getByLabel("Indicator shown in the charts").selectOption("OP1.2");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/view=approved&indicator=OP1\.2/);
  await expect(page.locator("figure", { hasText: "OP1.2 Quick-impact projects completed: per period and to date" })).toBeVisible();
});

// One test per language: each runs the accessibility check on three large pages, which takes most of
// a test's time on a 2-core machine.
for (const locale of ["en-GB", "fr-FR"]) {
  test(`the dashboards pass the accessibility check (${locale}), and the project dashboard is kept as a screenshot`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await openSignedIn(page, ACCOUNTS.staff, "/projects/RW-REINT-P4");
    await expect(page.locator("figure").first()).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath(`project-dashboard-${locale}.png`), fullPage: true });
    for (const path of ["/", "/programmes/RW-REINT"]) {
      await page.goto(path);
      await expectAccessible(page);
    }
    await context.close();
  });
}

test("the portfolio's headline figures equal the API's, and its filters live in the URL", async ({ page }) => {
  const programme = await getJson<{ directBeneficiaries: number }>(await as(ACCOUNTS.donorJapan), "/api/v1/programmes/RW-REINT");
  await openSignedIn(page, ACCOUNTS.donorJapan, "/");
  const unique = page.locator(".figure", { hasText: "Unique direct beneficiaries" }).locator(".figure-value");
  await expect(unique).toHaveText(new Intl.NumberFormat("en-GB").format(programme.directBeneficiaries));
  await expectAccessible(page);

  const staff = await page.context().browser()!.newContext();
  const staffPage = await staff.newPage();
  await staffPage.goto("/?status=completed");
  await signInWithForm(staffPage, ACCOUNTS.staff);
  await expect(staffPage.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await expect(staffPage).toHaveURL(/\/\?status=completed$/);
  await expect(staffPage.getByLabel("Status")).toHaveValue("completed");
  await expect(staffPage.locator('main a[href^="/projects/RW-REINT-P"]')).toHaveCount(3);
  await expect(staffPage.getByRole("link", { name: "Human security in the territories of Rutshuru and Nyiragongo" })).toHaveCount(0);
  await staff.close();
});

test("the project dashboard's period, place and status filters live in the URL", async ({ page }) => {
  await page.goto("/projects/RW-REINT-P4?view=approved");
  await signInWithForm(page, ACCOUNTS.manager);
  const businesses = page.getByRole("row", { name: /OP2\.3 Returnees supported/ }).getByRole("cell").nth(2);
  const now = Number((await businesses.textContent())?.replace(/\D/g, ""));

  const filters = page.getByRole("form", { name: "Filter the dashboard" });
  await filters.getByLabel("Up to").selectOption("2025Q2");
  await filters.locator("select[name=location]").selectOption({ label: "Huye" });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/to=2025Q2/);
  await expect(page).toHaveURL(/location=RW-05-HUY/);
  await expect(page.getByText("Figures as they stood at the end of Q2 2025.")).toBeVisible();
  await expect(page.getByText("The charts show Huye only.")).toBeVisible();
  // The table follows the place: Huye's actual, then the whole project's as it stood, with its target.
  await expect(page.getByText(/^Filtered by Huye: the column “Huye” holds its actuals, entered for it or counted from the registry’s people and the trainings there/)).toBeVisible();
  const row = page.getByRole("row", { name: /OP2\.3 Returnees supported/ });
  await expect(row.locator("xpath=ancestor::table").getByRole("columnheader")).toHaveText(["Indicator", "Huye", "Whole project", "Target", "Progress", "Status"]);
  const huye = await cellNumber(row, 0);
  const whole = await cellNumber(row, 1);
  expect(huye).toBeGreaterThan(0);
  expect(huye).toBeLessThan(whole);
  expect(whole).toBeLessThan(now);
  // Counted from the registry: its people at Huye; counted from trainings: the trainings held there.
  const trained = page.getByRole("row", { name: /OP1\.2 People who received vocational training/ });
  const trainedAtHuye = await cellNumber(trained, 0);
  expect(trainedAtHuye).toBeGreaterThan(0);
  expect(trainedAtHuye).toBeLessThan(await cellNumber(trained, 1));
  const trainers = page.getByRole("row", { name: /OP2\.1 Trainers trained/ });
  await expect(trainers.getByRole("cell").first()).toHaveText(/^\d[\d,]*$/);
  expect(await cellNumber(trainers, 0)).toBeLessThanOrEqual(await cellNumber(trainers, 1));

  await page.goto("/projects/RW-REINT-P4?status=not_due");
  const statuses = await page.locator("td .status").allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["Nothing due yet"]));
});

test("the period row says where each ended period stands: a donor reads awaiting approval, a manager reads returned", async ({ page, browser }) => {
  // The DRC's 2026Q3 was returned to its managers.
  await openSignedIn(page, ACCOUNTS.manager, "/projects/CD-HSEC-NK");
  const periods = page.getByRole("list", { name: "Reporting periods" });
  await expect(periods.getByText("Q3 2026: Returned")).toBeVisible();
  const donor = await browser.newPage();
  await openSignedIn(donor, ACCOUNTS.donorNetherlands, "/projects/CD-HSEC-NK");
  await expect(donor.getByRole("list", { name: "Reporting periods" }).getByText("Q3 2026: Awaiting approval")).toBeVisible();
  await donor.close();
});

test("the breakdown filter reaches the table and the charts; every indicator can be charted, percentages with %", async ({ page }) => {
  await page.goto("/projects/CD-HSEC-NK?indicator=OP1.3&option=sex%3Dfemale");
  await signInWithForm(page, ACCOUNTS.staff);
  await expect(page.getByRole("form", { name: "Filter the dashboard" }).getByLabel("Breakdown")).toHaveValue("sex=female");
  await expect(page.getByText("The time series shows Sex: Female only, without the targets, which are set for totals.")).toBeVisible();
  // The legend names only what the chart draws: the series of one sex has no target line.
  const series = page.locator("figure", { hasText: "OP1.3 People employed by quick-impact projects: per period and to date" });
  await series.scrollIntoViewIfNeeded();
  await expect(series.locator(".recharts-legend-item", { hasText: "To date" })).toBeVisible();
  await expect(series.locator(".recharts-legend-item", { hasText: "Target due" })).toHaveCount(0);
  const employed = page.getByRole("row", { name: /OP1\.3 People employed/ });
  await expect(employed.locator("xpath=ancestor::table").getByRole("columnheader").nth(1)).toHaveText("Sex: Female");
  const female = await cellNumber(employed, 0);
  const whole = await cellNumber(employed, 1);
  const breakdown = page.locator("figure", { hasText: "OP1.3 People employed by quick-impact projects by sex" });
  await breakdown.getByText("The numbers of this chart").click();
  await expect(breakdown.getByRole("row", { name: /^Female/ })).toHaveText(new RegExp(`${new Intl.NumberFormat("en-GB").format(female)}$`));
  expect(female).toBeLessThan(whole);
  await expect(page.getByRole("row", { name: /OP1\.2 Quick-impact projects completed/ }).getByRole("cell").first()).toHaveText("Not broken down this way");

  // Counted from trainings: charted as a running total; a percentage: labelled with %.
  await page.goto("/projects/RW-REINT-P4?indicator=OP2.1");
  await expect(page.getByText("OP2.1 is counted from records: the line is its running total at the end of each period.", { exact: false })).toBeVisible();
  const trainers = page.locator("figure", { hasText: "OP2.1 " }).first();
  await trainers.getByText("The numbers of this chart").click();
  const trained = await page.getByRole("row", { name: /^OP2\.1 Trainers trained/ }).getByRole("cell").nth(2).textContent();
  await expect(trainers.locator("tbody tr").last().locator("td").nth(1)).toHaveText(trained ?? "?");
  await page.goto("/projects/RW-REINT-P3?indicator=OC1.2");
  const percent = page.locator("figure", { hasText: "OC1.2 " }).first();
  await percent.scrollIntoViewIfNeeded();
  await expect(percent.locator(".recharts-cartesian-axis-tick-value", { hasText: /\d%$/ }).first()).toBeVisible();

  await page.goto("/programmes/RW-REINT");
  const frame = page.locator("figure", { hasText: "Unique direct beneficiaries by phase" });
  await frame.getByText("The numbers of this chart").click();
  await expect(frame.locator("tbody tr").first()).toHaveText(/^Phase I\s*2,450\s*12,200$/);
  await expectAccessible(page);
});

for (const { email, project, code } of [
  { email: ACCOUNTS.staff, project: "RW-REINT-P4", code: "OP2.3" },
  { email: ACCOUNTS.manager, project: "CD-HSEC-NK", code: "OP1.2" },
  { email: ACCOUNTS.donorNetherlands, project: "CD-HSEC-NK", code: "OP1.3" },
  { email: ACCOUNTS.admin, project: "RW-REINT-P3", code: "OP1.1" },
]) {
  test(`${email} sees on ${project}'s dashboard the API's figure of ${code}`, async ({ page }) => {
    const api = await getJson<Project>(await as(email), `/api/v1/projects/${project}`);
    const actual = api.results.flatMap((r) => r.indicators).find((i) => i.code === code)?.actual ?? null;
    expect(actual).not.toBeNull();
    await openSignedIn(page, email, `/projects/${project}`);
    await expect(page.getByRole("row", { name: new RegExp(`^${code.replace(".", "\\.")} `) }).getByRole("cell").nth(2)).toHaveText(new Intl.NumberFormat("en-GB").format(actual ?? 0));
  });
}

for (const email of [ACCOUNTS.staff, ACCOUNTS.manager, ACCOUNTS.admin, ACCOUNTS.donorJapan]) {
  test(`${email} sees on the programme page the API's totals`, async ({ page }) => {
    const api = await getJson<{ directBeneficiaries: number; completedPhases: { directBeneficiaries: number } | null; projects: { code: string; directBeneficiaries: number }[] }>(await as(email), "/api/v1/programmes/RW-REINT");
    await openSignedIn(page, email, "/programmes/RW-REINT");
    const n = (value: number) => new Intl.NumberFormat("en-GB").format(value);
    if (api.projects.length > 1) {
      await expect(page.getByRole("heading", { name: "Beneficiaries of Phases I, II, III and IV, since 2010" })).toBeVisible();
      await expect(page.getByRole("row", { name: /^Phases I, II, III and IV together/ })).toContainText(n(api.directBeneficiaries));
      if (api.completedPhases) await expect(page.getByRole("row", { name: /^Completed phases together/ })).toContainText(n(api.completedPhases.directBeneficiaries));
    } else {
      // The Japan donor funds Phase IV only: the figures say so, not "since 2010".
      await expect(page.getByRole("heading", { name: "Beneficiaries of Phase IV" })).toBeVisible();
      await expect(page.getByRole("row", { name: /^Phase IV/ })).toContainText(n(api.directBeneficiaries));
      await expect(page.getByText(/since 2010/)).toHaveCount(0);
    }
  });
}

type PortfolioApi = { directBeneficiaries: number; indirectBeneficiaries: number | null; trainees: number; trainers: number; activeProjects: number; projects: { code: string }[] };

for (const email of [ACCOUNTS.staff, ACCOUNTS.manager, ACCOUNTS.admin, ACCOUNTS.donorNetherlands]) {
  test(`${email} sees on the portfolio the API's headline figures and projects`, async ({ page }) => {
    const api = await getJson<PortfolioApi>(await as(email), "/api/v1/portfolio");
    await openSignedIn(page, email, "/");
    const figure = (label: string) => page.locator(".figure", { hasText: label }).locator(".figure-value");
    const n = (value: number | null) => (value === null ? "—" : new Intl.NumberFormat("en-GB").format(value));
    await expect(figure("Unique direct beneficiaries")).toHaveText(n(api.directBeneficiaries));
    await expect(figure("Indirect beneficiaries")).toHaveText(n(api.indirectBeneficiaries));
    await expect(figure("People trained")).toHaveText(n(api.trainees));
    await expect(figure("Trainers")).toHaveText(n(api.trainers));
    await expect(figure("Active projects")).toHaveText(n(api.activeProjects));
    // The table streams in after the headline figures: its rows are awaited before they are read.
    const rows = page.locator("main tbody th .hint");
    await expect(rows).toHaveCount(api.projects.length);
    const codes = await rows.allTextContents();
    expect(codes.map((c) => c.split(" · ")[0]).sort()).toEqual(api.projects.map((p) => p.code).sort());
  });
}

for (const { email, project } of [
  { email: ACCOUNTS.donorJapan, project: "RW-REINT-P4" },
  { email: ACCOUNTS.manager, project: "RW-REINT-P4" },
  { email: ACCOUNTS.staff, project: "RW-REINT-P3" },
]) {
  test(`${email} sees on ${project}'s map the API's beneficiaries by place`, async ({ page }) => {
    const api = await getJson<{ beneficiaries: { direct: number; byLocation: { name: string; direct: number }[] } }>(await as(email), `/api/v1/projects/${project}`);
    expect(api.beneficiaries.byLocation.length).toBeGreaterThan(0);
    await openSignedIn(page, email, `/projects/${project}`);
    const frame = page.locator("figure", { hasText: "Unique direct beneficiaries by place" });
    await frame.getByText("The numbers of this chart").click();
    const rows = await frame.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
    expect(rows.length).toBeGreaterThan(0);
    const expected = new Map(api.beneficiaries.byLocation.map((l) => [l.name, new Intl.NumberFormat("en-GB").format(l.direct)]));
    for (const [place, value] of rows) expect(value, place).toBe(expected.get(place ?? ""));
  });
}
