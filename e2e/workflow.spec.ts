import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { ACCOUNTS, openSignedIn } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";

// Approval in the browser, as people do it: the to-do list, confirmations, the completeness check,
// the donor's gap, the frozen figures after a late import, and the entry grid's care for unsaved
// and wrong figures. Phase IV's 2026Q3 was submitted by `manager`; the DRC's 2026Q3 was returned.

const as = apiClients();
const HEADER = "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date";
const en = new Intl.NumberFormat("en-GB");
type ProjectJson = { beneficiaries: { direct: number; indirect: number | null }; reportingPeriods: { period: string; state: string }[] };
const donorDirect = async () => (await getJson<ProjectJson>(await as(ACCOUNTS.donorJapan), "/api/v1/projects/RW-REINT-P4")).beneficiaries.direct;

/** Takes an approval step from the period's panel: the button, then the same in the confirmation, with a comment when asked. */
async function confirmStep(page: Page, button: string, options: { question: string; comment?: string; done: string }) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: options.question });
  await expect(dialog).toBeVisible();
  if (options.comment) await dialog.getByRole("textbox").fill(options.comment);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: options.done })).toBeVisible();
}

test.describe.serial("approval, as people do it", () => {
  test("a donor sees the quarter awaiting approval as a gap: on the chart, in its numbers and in its CSV", async ({ page }) => {
    await openSignedIn(page, ACCOUNTS.donorJapan, "/projects/RW-REINT-P4?indicator=OP2.3");
    await expect(page.getByText("Q3 2026: Awaiting approval")).toBeVisible();
    const frame = page.locator("figure", { hasText: "OP2.3 Returnees supported to start their own business: per period and to date" });
    // The time series draws only once it comes near the screen.
    await frame.scrollIntoViewIfNeeded();
    await expect(frame.locator("svg text", { hasText: "Awaiting approval" })).toBeVisible();
    await frame.getByText("The numbers of this chart").click();
    await expect(frame.getByRole("row", { name: /^Q3\s2026/ })).toContainText("Awaiting approval");
    const csv = decodeURIComponent((await frame.getByRole("link", { name: "Download these numbers (CSV)" }).getAttribute("href"))!.replace("data:text/csv;charset=utf-8,", ""));
    expect(csv).toContain("2026Q3,Awaiting approval");
    // Never joined over: no figure of the quarter is counted in the line that follows it.
    const rows = await frame.locator("tbody tr").allTextContents();
    expect(rows.at(-1)).toMatch(/^Q3\s2026/);
  });

  test("the to-do list takes the second manager to the quarter waiting for them; it is approved after a confirmation", async ({ page }) => {
    await openSignedIn(page, ACCOUNTS.manager2, "/");
    const todo = page.getByRole("region", { name: "To do" });
    const task = todo.getByRole("link", { name: /^Approve Q3\s2026 of RW-REINT-P4/ });
    await expect(task).toBeVisible();
    const listed = (await getJson<{ data: { kind: string; project: string; period: string }[] }>(await as(ACCOUNTS.manager2), "/api/v1/tasks")).data;
    await expect(todo.getByRole("listitem")).toHaveCount(listed.length);
    await expectAccessible(page);
    await task.click();
    await expect(page.getByRole("heading", { level: 1, name: "Figures of Q3 2026" })).toBeVisible();

    // Cancelled: nothing happens.
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Approve Q3 2026?" });
    await expect(dialog).toContainText("Donors will see its figures");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator(".badge", { hasText: "Submitted" })).toBeVisible();

    await confirmStep(page, "Approve", { question: "Approve Q3 2026?", done: "Approved." });
    await page.goto("/");
    await expect(todo.getByRole("link", { name: /^Approve Q3\s2026 of RW-REINT-P4/ })).toHaveCount(0);
  });

  test("a late import inside the approved quarter changes nothing donors see until it is reopened and approved again", async ({ page, browser }) => {
    // The whole story, as three people live it: an import, two approvals and five dashboards, about 25 s here.
    test.slow();
    const approved = await donorDirect();
    await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4/beneficiaries/import");
    const late = [HEADER, "RW-980001,RW-HH-980001,female,1993,returnee,RW-05-HUY,5,livestock,2026-08-12", "RW-980002,RW-HH-980002,male,1985,returnee,RW-05-NYR,3,vocational_training,2026-09-02"].join("\n");
    await page.getByLabel("File (CSV or Excel)").setInputFiles({ name: "august.csv", mimeType: "text/csv", buffer: Buffer.from(late) });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("button", { name: "Import all rows" }).click();
    await expect(page.getByText("Imported: 2 people added, 0 changed, 2 services added.")).toBeVisible();

    // Donors: the same figure in the API and on the page, everywhere as approved.
    expect(await donorDirect()).toBe(approved);
    const donor = await browser.newContext();
    const donorPage = await donor.newPage();
    await openSignedIn(donorPage, ACCOUNTS.donorJapan, "/projects/RW-REINT-P4");
    const unique = donorPage.locator(".figure", { hasText: "Unique direct beneficiaries" }).locator(".figure-value");
    await expect(unique).toHaveText(en.format(approved));

    // Managers: the notice, on the list of periods and on the quarter's page.
    await page.goto("/projects/RW-REINT-P4/entry");
    await expect(page.getByRole("row", { name: /^Q3\s2026/ })).toContainText("2 added, 0 changed");
    await page.getByRole("link", { name: "Q3 2026" }).click();
    await expect(page.getByText("Since its approval, 2 records were added and none changed")).toBeVisible();

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await openSignedIn(adminPage, ACCOUNTS.admin, "/projects/RW-REINT-P4/entry/2026Q3");
    await confirmStep(adminPage, "Reopen", { question: "Reopen Q3 2026?", comment: "Two people served in August and September registered late", done: "Reopened as a draft." });
    await donorPage.reload();
    await expect(unique).toHaveText(en.format(approved));

    await page.reload();
    await page.getByRole("button", { name: "Submit for approval" }).click();
    const submit = page.getByRole("dialog", { name: "Submit Q3 2026 for approval?" });
    await expect(submit.getByText("Checking which expected figures are empty…")).toBeHidden();
    if (await submit.getByRole("textbox").count()) await submit.getByRole("textbox").fill("As approved before, with the late registrations");
    await submit.getByRole("button", { name: "Submit for approval" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Submitted for approval." })).toBeVisible();

    const reviewer = await browser.newContext();
    const reviewerPage = await reviewer.newPage();
    await openSignedIn(reviewerPage, ACCOUNTS.manager2, "/projects/RW-REINT-P4/entry/2026Q3");
    await confirmStep(reviewerPage, "Approve", { question: "Approve Q3 2026?", done: "Approved." });

    expect(await donorDirect()).toBe(approved + 2);
    await donorPage.reload();
    await expect(unique).toHaveText(en.format(approved + 2));
    for (const context of [donor, admin, reviewer]) await context.close();
  });
});

test.describe.serial("the entry grid keeps figures safe", () => {
  const quarter = "/projects/CD-HSEC-NK/entry/2026Q3";

  test("each cell is checked as it is left, points to its problem, and the first problem takes the focus after a failed save", async ({ page }) => {
    await openSignedIn(page, ACCOUNTS.manager, quarter);
    const total = page.getByLabel("OP1.2 Rutshuru Total, Value");
    await total.fill("-3");
    await total.press("Tab");
    await expect(total).toHaveAttribute("aria-invalid", "true");
    const described = (await total.getAttribute("aria-describedby"))!.split(" ");
    const problem = page.locator(`[id="${described.find((id) => id.endsWith("-problem"))}"]`);
    await expect(problem).toHaveText("Total: A figure cannot be negative.");
    await expectAccessible(page);
    await total.fill("2.5");
    await total.press("Tab");
    await expect(problem).toHaveText("Total: This is a count: enter a whole number.");
    await total.fill("two");
    await total.press("Tab");
    await expect(total).toHaveAttribute("aria-invalid", "true");

    // A breakdown that does not add up, flagged once the place is left.
    const female = page.getByLabel("OP1.3 Rutshuru Sex: Female, Value");
    await female.fill(String(Number(await female.inputValue()) + 5));
    await page.getByLabel("OP1.1 Nyiragongo Total, Value").click();
    // Said once, under the place's total; the option points to it.
    await expect(female).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: /breakdown adds up to/ })).toHaveCount(1);
    await expect(page.getByRole("alert").filter({ hasText: /^Total: .*breakdown adds up to/ })).toBeVisible();
    await expect(female).toHaveAccessibleDescription(/breakdown adds up to/);

    await page.getByLabel("OP1.1 Nyiragongo Total, Value").click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await expect(total).toBeFocused();
  });

  test("each cell shows the previous period's figure, and a place's total the period's target", async ({ page }) => {
    const manager = await as(ACCOUNTS.manager);
    const { data } = await getJson<{ data: { indicatorId: number; locationCode: string; disaggregation: object; value: number | null }[] }>(manager, "/api/v1/data-values?project=CD-HSEC-NK&period=2026Q2");
    const project = await getJson<{ results: { indicators: { id: number; code: string }[] }[] }>(manager, "/api/v1/projects/CD-HSEC-NK");
    const op13 = project.results.flatMap((r) => r.indicators).find((i) => i.code === "OP1.3")!;
    const before = data.find((v) => v.indicatorId === op13.id && v.locationCode === "CD-NK-RUT" && Object.keys(v.disaggregation).length === 0)!;
    await openSignedIn(page, ACCOUNTS.manager, quarter);
    const row = page.getByRole("row", { name: /Rutshuru Total/ }).filter({ has: page.getByLabel("OP1.3 Rutshuru Total, Value") });
    await expect(row).toContainText(`Previous period (Q2\u00a02026): ${en.format(before.value!)}`);
    await expect(page.getByLabel("OP1.3 Rutshuru Total, Value")).toHaveAccessibleDescription(new RegExp(`Previous period \\(Q2\\s2026\\): ${en.format(before.value!)}`));
    // Phase IV sets a target for each quarter of its businesses started: beside the indicator, and read with each place's total.
    await page.goto("/projects/RW-REINT-P4/entry/2026Q4");
    await expect(page.getByText("Target for Q4 2026, whole project: 60")).toBeVisible();
    await expect(page.getByLabel("OP2.3 Huye Total, Value")).toHaveAccessibleDescription(/Target for Q4\s2026, whole project: 60/);
    await expect(page.getByLabel("OP2.3 Huye Sex: Female, Value")).not.toHaveAccessibleDescription(/Target/);
  });

  test("leaving with unsaved figures asks first: a link of the app, the back button, closing the page", async ({ page }) => {
    await openSignedIn(page, ACCOUNTS.manager, "/projects/CD-HSEC-NK/entry");
    await page.getByRole("link", { name: "Q3 2026" }).click();
    const cell = page.getByLabel("OP1.1 Nyiragongo Total, Value");
    await cell.fill("6");

    await page.getByRole("link", { name: "All periods" }).click();
    const leave = page.getByRole("dialog", { name: "Leave without saving?" });
    await expect(leave).toContainText("Unsaved changes on this page: 1.");
    await leave.getByRole("button", { name: "Stay on this page" }).click();
    await expect(page).toHaveURL(/\/entry\/2026Q3$/);
    await expect(cell).toHaveValue("6");

    await page.goBack({ waitUntil: "commit" });
    await expect(leave).toBeVisible();
    await leave.getByRole("button", { name: "Stay on this page" }).click();
    await expect(page).toHaveURL(/\/entry\/2026Q3$/);
    await expect(cell).toHaveValue("6");

    const asked = new Promise<string>((resolve) => page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe("beforeunload");
    expect(page.isClosed()).toBe(false);

    await page.getByRole("link", { name: "All periods" }).click();
    await leave.getByRole("button", { name: "Leave without saving" }).click();
    await expect(page).toHaveURL(/\/projects\/CD-HSEC-NK\/entry$/);
    // Nothing was saved.
    await page.getByRole("link", { name: "Q3 2026" }).click();
    await expect(page.getByLabel("OP1.1 Nyiragongo Total, Value")).not.toHaveValue("6");
  });

  test("the completeness check lists the empty expected figures and asks why before the submission", async ({ page }) => {
    await openSignedIn(page, ACCOUNTS.manager, quarter);
    // One figure cleared and saved, so that the check has something to say.
    const cell = page.getByLabel("OP1.2 Nyiragongo Total, Value");
    await cell.fill("");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    // The grid says it (the bar above says "All changes saved" already before the answer).
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "1 value saved." })).toBeVisible();

    await page.getByRole("button", { name: "Submit for approval" }).click();
    const dialog = page.getByRole("dialog", { name: "Submit Q3 2026 for approval?" });
    await expect(dialog.getByText(/^Expected figures still empty: \d+$/)).toBeVisible();
    await expect(dialog.getByRole("listitem").filter({ hasText: "OP1.2 Quick-impact projects completed" }).filter({ hasText: "Nyiragongo: Total" })).toBeVisible();
    const overview = await getJson<{ gaps: unknown[] }>(await as(ACCOUNTS.manager), "/api/v1/projects/CD-HSEC-NK/periods/2026Q3");
    await expect(dialog.getByText(`Expected figures still empty: ${overview.gaps.length}`)).toBeVisible();
    await expectAccessible(page);

    // Without a reason the browser keeps the dialog open; with one, the period goes.
    const reason = dialog.getByLabel("Why are these figures missing? (required, read by the approver)");
    await dialog.getByRole("button", { name: "Submit for approval" }).click();
    await expect(reason).toBeFocused();
    await expect(dialog).toBeVisible();
    await reason.fill("Nyiragongo's committee has not reported its projects yet");
    await dialog.getByRole("button", { name: "Submit for approval" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Submitted for approval." })).toBeVisible();
    await expect(page.getByText("Submitted with expected figures missing: Nyiragongo's committee has not reported its projects yet")).toBeVisible();
  });
});
