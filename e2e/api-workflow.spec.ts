import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";

// The approval over the API on phase IV (RW-REINT-P4): time, order, four eyes, comments, "not
// reported", the period's overview and the to-do list. Each step that changes a period puts it
// back as it found it (approved), but for the cell cleared to make a gap.

const as = apiClients();
type Listed = { indicatorId: number; period: string; locationCode: string; disaggregation: Record<string, string>; value: number | null; status: string; version: number | null };
type Overview = { status: string; ended: boolean; waitingFor: string[]; gaps: { indicator: string; location: string; disaggregation: string }[]; changedSinceApproval: { added: number; changed: number } | null; submissionComment: string | null; approvedAt: string | null };
type Refusal = { type: string; status: number; detail: string; reason: string; earlier?: string[]; gaps?: Overview["gaps"] };
type Task = { kind: string; project: string; period: string; daysOverdue?: number; blockedBy?: string | null };
const P4 = "/api/v1/projects/RW-REINT-P4";

/** The period containing today, which has begun and not ended. */
function currentQuarter(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

async function step(client: APIRequestContext, period: string, action: string, comment?: string, headers: Record<string, string> = {}) {
  const response = await client.post(`${P4}/periods/${period}/${action}`, { data: comment === undefined ? {} : { comment }, headers });
  const body = (await response.json()) as Refusal & { status: string | number };
  return { status: response.status(), body, type: response.headers()["content-type"] };
}

const statesOf = async (client: APIRequestContext) => (await getJson<{ reportingPeriods: { period: string; state: string }[] }>(client, P4)).reportingPeriods;

test("a period is submitted once it has ended: 409 with the reason, in the caller's language", async () => {
  const manager = await as(ACCOUNTS.manager);
  const period = currentQuarter();
  const english = await step(manager, period, "submit");
  expect(english).toMatchObject({ status: 409, type: "application/problem+json", body: { type: "/api/v1/problems/conflict", reason: "not_ended" } });
  // Sentences name the period as readers do ("Q4 2026", "T4 2026"); the address keeps its identifier.
  expect(english.body.detail).toContain(`Q${period.slice(5)}\u00a0${period.slice(0, 4)} has not ended yet`);
  const french = await step(manager, period, "submit", undefined, { "Accept-Language": "fr" });
  expect(french.body.detail).toContain(`La période T${period.slice(5)}\u00a0${period.slice(0, 4)} n’est pas terminée`);
  expect(await getJson<Overview>(manager, `${P4}/periods/${period}`)).toMatchObject({ status: "draft", ended: false });
});

test("approval follows the order of periods; submitting with gaps needs a comment; four eyes; return and submit again", async () => {
  const manager = await as(ACCOUNTS.manager);
  const manager2 = await as(ACCOUNTS.manager2);
  const admin = await as(ACCOUNTS.admin);
  const donor = await as(ACCOUNTS.donorJapan);
  expect((await step(admin, "2025Q4", "reopen")).body.reason).toBe("comment_required");
  expect((await step(manager, "2025Q4", "reopen", "A typo")).status).toBe(403);
  expect((await step(admin, "2025Q4", "reopen", "Huye's December figures were typed twice")).body).toMatchObject({ status: "draft", approvedAt: expect.any(String) });
  // Reopened: donors keep the figures of its last approval meanwhile.
  expect((await statesOf(donor)).find((p) => p.period === "2025Q4")?.state).toBe("approved");

  const blocked = await step(manager2, "2026Q3", "approve", undefined, { "Accept-Language": "fr" });
  expect(blocked).toMatchObject({ status: 409, body: { reason: "earlier_not_approved", earlier: ["2025Q4"] } });
  expect(blocked.body.detail).toContain("approuvez d’abord T4\u00a02025");
  expect((await getJson<Overview>(manager2, `${P4}/periods/2026Q3`)).waitingFor).toEqual(["2025Q4"]);

  // A cell cleared: the completeness check names it, and the submission asks why.
  const { data } = await getJson<{ data: Listed[] }>(manager, "/api/v1/data-values?project=RW-REINT-P4&period=2025Q4");
  const cleared = data.find((v) => Object.keys(v.disaggregation).length === 0 && v.value !== null)!;
  const write = await manager.put("/api/v1/data-values", { data: [{ ...cleared, value: null, version: cleared.version }] });
  expect(write.status(), await write.text()).toBe(200);
  const overview = await getJson<Overview>(manager, `${P4}/periods/2025Q4`);
  expect(overview.gaps).toContainEqual({ indicator: expect.any(String), location: cleared.locationCode, disaggregation: "" });
  const withGaps = await step(manager, "2025Q4", "submit");
  expect(withGaps).toMatchObject({ status: 422, body: { reason: "gaps_need_comment" } });
  expect(withGaps.body.gaps).toEqual(overview.gaps);
  expect((await step(manager, "2025Q4", "submit", "Huye's figure is being recounted")).body).toMatchObject({ status: "submitted", submissionComment: "Huye's figure is being recounted" });

  expect(await step(manager, "2025Q4", "approve")).toMatchObject({ status: 403, body: { reason: "four_eyes" } });
  expect(await step(manager2, "2025Q4", "return")).toMatchObject({ status: 422, body: { reason: "comment_required" } });
  expect((await step(manager2, "2025Q4", "return", "Recount first")).body).toMatchObject({ status: "returned", comment: "Recount first" });
  expect(await step(manager2, "2025Q4", "approve")).toMatchObject({ status: 409, body: { reason: "wrong_status" } });
  expect((await step(manager, "2025Q4", "submit", "Recount not possible before the next quarter")).status).toBe(200);
  expect((await step(manager2, "2025Q4", "approve")).body).toMatchObject({ status: "approved" });
  expect((await getJson<Overview>(manager2, `${P4}/periods/2026Q3`)).waitingFor).toEqual([]);
  // The donor's 2025Q4 now lacks the cleared figure.
  const approved = await getJson<{ data: Listed[] }>(donor, "/api/v1/data-values?project=RW-REINT-P4&period=2025Q4");
  expect(approved.data.some((v) => v.indicatorId === cleared.indicatorId && v.locationCode === cleared.locationCode && Object.keys(v.disaggregation).length === 0)).toBe(false);
});

test("an admin marks a period not reported with a reason: audited, a gap for donors, and later periods go on", async () => {
  const manager = await as(ACCOUNTS.manager);
  const manager2 = await as(ACCOUNTS.manager2);
  const admin = await as(ACCOUNTS.admin);
  const donor = await as(ACCOUNTS.donorJapan);
  expect(await step(admin, "2025Q3", "mark_not_reported", "x")).toMatchObject({ status: 409, body: { reason: "wrong_status" } });
  expect((await step(admin, "2025Q3", "reopen", "The district offices lost their registers")).status).toBe(200);
  expect(await step(manager, "2025Q3", "mark_not_reported", "Lost registers")).toMatchObject({ status: 403, body: { reason: "not_allowed" } });
  expect(await step(admin, "2025Q3", "mark_not_reported")).toMatchObject({ status: 422, body: { reason: "comment_required" } });
  expect((await step(admin, "2025Q3", "mark_not_reported", "The district offices lost their registers")).body).toMatchObject({ status: "not_reported", approvedAt: null });

  expect((await statesOf(donor)).find((p) => p.period === "2025Q3")?.state).toBe("not_reported");
  expect((await getJson<{ data: Listed[] }>(donor, "/api/v1/data-values?project=RW-REINT-P4&period=2025Q3")).data).toEqual([]);
  const csv = await (await donor.get(`${P4}/export.csv?kind=values`)).text();
  expect(csv).toMatch(/\n"?RW-REINT-P4"?,[^\n]*,2025Q3,,,,,,,not_reported,/);
  // Settled: 2026Q3 waits for nothing before it.
  expect((await getJson<Overview>(manager2, `${P4}/periods/2026Q3`)).waitingFor).toEqual([]);
  const audit = await admin.get("/audit?action=period");
  expect(audit.status()).toBe(200);
  expect(await audit.text()).toContain("Demo administrator marked Q3\u00a02025 of RW-REINT-P4 as not reported (comment: The district offices lost their registers)");

  // Reported after all: reopened, submitted and approved again.
  expect((await step(admin, "2025Q3", "reopen", "The registers were found")).body).toMatchObject({ status: "draft" });
  const submitted = await step(manager, "2025Q3", "submit");
  if (submitted.status === 422) expect((await step(manager, "2025Q3", "submit", "As found")).status).toBe(200);
  else expect(submitted.status).toBe(200);
  expect((await step(manager2, "2025Q3", "approve")).body).toMatchObject({ status: "approved" });
  expect((await statesOf(donor)).find((p) => p.period === "2025Q3")?.state).toBe("approved");
});

test("the to-do list: periods to submit with the days overdue, and periods waiting for one's approval", async () => {
  const tasks = async (email: string) => (await getJson<{ today: string; data: Task[] }>(await as(email), "/api/v1/tasks")).data;
  const manager = await tasks(ACCOUNTS.manager);
  const manager2 = await tasks(ACCOUNTS.manager2);
  const admin = await tasks(ACCOUNTS.admin);
  // manager submitted phase IV's 2026Q3: it waits for manager2 (and an admin), not for them.
  expect(manager2).toContainEqual(expect.objectContaining({ kind: "approve", project: "RW-REINT-P4", period: "2026Q3", blockedBy: null }));
  expect(admin).toContainEqual(expect.objectContaining({ kind: "approve", project: "RW-REINT-P4", period: "2026Q3" }));
  expect(manager.some((t) => t.kind === "approve" && t.period === "2026Q3" && t.project === "RW-REINT-P4")).toBe(false);
  // The DRC quarter returned to the managers is overdue since its end.
  const returned = manager.find((t) => t.kind === "submit" && t.project === "CD-HSEC-NK" && t.period === "2026Q3");
  const days = Math.floor((Date.now() - Date.parse("2026-10-01T00:00:00Z")) / 86_400_000);
  expect(returned).toMatchObject({ status: "returned", dueSince: "2026-10-01" });
  expect(Math.abs((returned?.daysOverdue ?? 0) - days)).toBeLessThanOrEqual(1);
  expect(admin).toContainEqual(expect.objectContaining({ kind: "submit", project: "CD-HSEC-NK", period: "2026Q3" }));
  // Submissions first, the longest overdue first.
  const overdue = manager.filter((t) => t.kind === "submit").map((t) => t.daysOverdue ?? 0);
  expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
  expect(manager.slice(0, overdue.length).every((t) => t.kind === "submit")).toBe(true);
  for (const email of [ACCOUNTS.staff, ACCOUNTS.donorJapan]) expect(await tasks(email)).toEqual([]);
});
