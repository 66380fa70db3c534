import { and, eq, sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkRegistryRecords } from "../../lib/beneficiaries/registry-csv";
import { readRegistryCsv } from "../../lib/beneficiaries/read-source";
import { FREQUENCY_PERIOD_TYPE, periodOfRecord } from "../../lib/periods/period";
import { countPeopleTrained } from "../../lib/trainings/people-trained";
import { changesSinceApproval } from "../../lib/workflow/record-changes";
import { auditLog, projectPeriods, projects } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { beneficiariesTable, trainingsTable, valuesTable } from "../figures/export-tables";
import { getProjectActivity } from "../figures/iati";
import { listIndicatorFigures } from "../figures/indicator-figures";
import { getPortfolio } from "../figures/portfolio";
import { getProgrammeSummary } from "../figures/programmes";
import { changesSinceApprovals, getPeriodOverview, transitionPeriod } from "./project-periods";
import { getProjectDashboard } from "../figures/project-dashboard";
import { getReach, getReachByLocation } from "../registry/registry";
import { importRegistry, registryImportContext } from "../registry/registry-import";
import { listTrainings, saveTraining, trainingsAsSeen } from "../trainings/trainings";
import { getTrackingTable } from "../figures/tracking-table";
import type { QueryContext } from "../users/viewer";

// The demo as seeded on 23 November 2026: RW-REINT-P4 approved to 2026Q2, 2026Q3 submitted by
// `manager`, 2026Q4 running; CD-HSEC-NK approved to 2026Q2, 2026Q3 returned. Each step names the
// day it happens on.
const SEEDED = "2026-11-23";
const NOV_30 = "2026-11-30";
const JAN_10 = "2027-01-10";
const demo = demoDatabaseForTests(SEEDED);
const { as } = demo;
const manager = () => as("manager@baseline.test");
const manager2 = () => as("manager2@baseline.test");
const admin = () => as("admin@baseline.test");
const japan = () => as("donor.japan@baseline.test");
const netherlands = () => as("donor.netherlands@baseline.test");
const project = async (code: string) => (await demo.db.select().from(projects).where(eq(projects.code, code)))[0]!;
const periodRow = async (code: string, period: string) =>
  (
    await demo.db
      .select()
      .from(projectPeriods)
      .where(and(eq(projectPeriods.projectId, (await project(code)).id), eq(projectPeriods.period, period)))
  )[0];
const step = async (ctx: QueryContext, code: string, period: string, action: Parameters<typeof transitionPeriod>[1]["action"], today: string, comment?: string) =>
  await transitionPeriod(ctx, { projectId: (await project(code)).id, period, action, comment, today });

/** Every figure a donor sees of RW-REINT-P4, anywhere: dashboard, registry, trainings, programme, portfolio, map, files, IATI. */
async function whatDonorsSee(ctx: QueryContext) {
  const p4 = await project("RW-REINT-P4");
  const ids = [p4.id];
  const iati = await getProjectActivity(ctx, p4.id, new Date("2026-12-01T00:00:00Z"));
  expect(iati.kind).toBe("activities");
  return JSON.parse(
    JSON.stringify({
      figures: (await listIndicatorFigures(ctx, p4.id)).map((f) => [f.indicator.code, f.actual]),
      dashboard: await getProjectDashboard(ctx, p4, { approvedOnly: true, today: NOV_30 }),
      reach: await getReach(ctx, ids),
      map: [...(await getReachByLocation(ctx, p4.id))],
      trainings: await listTrainings(ctx, p4.id),
      trained: countPeopleTrained(await trainingsAsSeen(ctx, ids)),
      programme: await getProgrammeSummary(ctx, "RW-REINT"),
      portfolio: await getPortfolio(ctx, {}),
      files: [
        await beneficiariesTable(ctx, ids, { approvedOnly: true, language: "en" }),
        await trainingsTable(ctx, ids, { approvedOnly: true, language: "en" }),
        await valuesTable(ctx, ids, { approvedOnly: true, language: "en", today: NOV_30 }),
      ],
      tracking: [...(await getTrackingTable(ctx, [p4], { approvedOnly: true, today: NOV_30 })).rows.map((r) => [r.indicator.code, [...r.periods], r.toDate])],
      iati: iati.kind === "activities" ? iati.activities : iati,
    }),
  );
}

// Late records dated inside 2026Q3: a training that ended in August, and two people served in
// September, one of them a person already registered whose household changed.
const LATE_TRAINING = {
  title: "Carpentry, late-registered group",
  kind: "vocational",
  topic: "carpentry",
  locationCode: "RW-05-HUY",
  startDate: "2026-08-03",
  endDate: "2026-08-21",
  facilitator: null,
  cohortId: null,
  participants: [
    { sex: "female", ageGroup: "18_35", count: 7 },
    { sex: "male", ageGroup: "18_35", count: 5 },
  ],
  roster: [],
};

async function importLatePeople(): Promise<void> {
  const ctx = manager();
  const p4 = (await project("RW-REINT-P4")).id;
  const file = [
    "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date",
    "RW-970001,RW-HH-970001,female,1992,returnee,RW-05-HUY,6,livestock,2026-09-14",
    "RW-970002,RW-HH-970002,male,1987,host_community,RW-05-HUY,4,vocational_training,2026-09-15",
  ].join("\n");
  const { records, header } = readRegistryCsv(file);
  const context = await registryImportContext(ctx, p4);
  const checked = checkRegistryRecords(records, header, context.codes, 2026);
  expect(checked.problems).toEqual([]);
  expect((await importRegistry(ctx, p4, checked.people, { commit: true, fileName: "late.csv", rows: records.length })).kind).toBe("done");
}

describe("approval follows time", () => {
  it("submits a period only once it has ended", async () => {
    expect(await step(manager(), "RW-REINT-P4", "2026Q4", "submit", NOV_30, "early")).toMatchObject({ kind: "refused", refusal: "not_ended" });
    expect(await periodRow("RW-REINT-P4", "2026Q4")).toBeUndefined();
  });

  it("approves a period only when every earlier one is approved", async () => {
    expect(await step(admin(), "RW-REINT-P4", "2026Q2", "reopen", NOV_30, "Huye's March figures to check")).toMatchObject({ kind: "done", period: { status: "draft" } });
    expect(await step(manager2(), "RW-REINT-P4", "2026Q3", "approve", NOV_30)).toMatchObject({ kind: "refused", refusal: "earlier_not_approved", earlier: ["2026Q2"] });
    expect((await periodRow("RW-REINT-P4", "2026Q3"))?.status).toBe("submitted");
    expect(await step(manager(), "RW-REINT-P4", "2026Q2", "submit", NOV_30, "As before")).toMatchObject({ kind: "done" });
    expect(await step(manager2(), "RW-REINT-P4", "2026Q2", "approve", NOV_30)).toMatchObject({ kind: "done", period: { status: "approved" } });
  });

  it("lets only an admin mark a period not reported, with a reason; later periods then go on", async () => {
    expect(await step(manager(), "CD-HSEC-NK", "2026Q3", "mark_not_reported", NOV_30, "Insecurity")).toMatchObject({ kind: "refused", refusal: "not_allowed" });
    expect(await step(admin(), "CD-HSEC-NK", "2026Q3", "mark_not_reported", NOV_30, " ")).toMatchObject({ kind: "refused", refusal: "comment_required" });
    expect(await step(admin(), "CD-HSEC-NK", "2026Q4", "mark_not_reported", NOV_30, "Insecurity")).toMatchObject({ kind: "refused", refusal: "not_ended" });
    expect(await step(admin(), "CD-HSEC-NK", "2026Q3", "mark_not_reported", NOV_30, "Rutshuru inaccessible: fighting from July to September")).toMatchObject({
      kind: "done",
      period: { status: "not_reported", comment: "Rutshuru inaccessible: fighting from July to September", approvedAt: null },
    });
    const dashboard = await getProjectDashboard(netherlands(), await project("CD-HSEC-NK"), { approvedOnly: true, today: NOV_30 });
    expect(dashboard.periods.at(-1)).toEqual({ period: "2026Q3", state: "not_reported" });
    expect(dashboard.detail?.series.find((p) => p.period === "2026Q3")).toMatchObject({ gap: "not_reported", reported: null, toDate: null });

    // In January, 2026Q4 has ended: submitted with its gaps explained, it is approved after the period not reported.
    expect(await step(manager(), "CD-HSEC-NK", "2026Q4", "submit", JAN_10)).toMatchObject({ kind: "refused", refusal: "gaps_need_comment" });
    expect(await step(manager(), "CD-HSEC-NK", "2026Q4", "submit", JAN_10, "Nyiragongo only: Rutshuru still closed")).toMatchObject({ kind: "done" });
    expect((await periodRow("CD-HSEC-NK", "2026Q4"))?.submissionComment).toBe("Nyiragongo only: Rutshuru still closed");
    expect(await step(manager2(), "CD-HSEC-NK", "2026Q4", "approve", JAN_10)).toMatchObject({ kind: "done", period: { status: "approved" } });
  });

  it("names the expected figures that are empty before a submission", async () => {
    const overview = await getPeriodOverview(manager(), await project("RW-REINT-P4"), "2026Q4", NOV_30);
    expect(overview).toMatchObject({ status: "draft", ended: false, earlierOpen: ["2026Q3"] });
    // Phase IV's drafts of 2026Q4 cover some districts only: the others are listed, total and breakdowns.
    expect(overview?.gaps.length).toBeGreaterThan(0);
    expect(overview?.gaps).toContainEqual(expect.objectContaining({ indicatorCode: "OP2.3", disaggregation: "" }));
    expect(overview?.gaps).toContainEqual(expect.objectContaining({ indicatorCode: "OP2.3", disaggregation: "sex=female" }));
    expect(await getPeriodOverview(japan(), await project("RW-REINT-P4"), "2026Q4", NOV_30)).toBeNull();
  });
});

describe("frozen at approval", () => {
  it("counts for donors, at approval, the records dated in the period and nothing later", async () => {
    const before = await whatDonorsSee(japan());
    expect(await step(manager2(), "RW-REINT-P4", "2026Q3", "approve", NOV_30)).toMatchObject({ kind: "done" });
    const approved = await whatDonorsSee(japan());
    expect(approved.reach.uniqueDirect).toBeGreaterThan(before.reach.uniqueDirect);
    expect(approved.dashboard.latestApproved.period).toBe("2026Q3");

    const managerBefore = (await getReach(manager(), [(await project("RW-REINT-P4")).id])).uniqueDirect;
    const saved = await saveTraining(manager(), (await project("RW-REINT-P4")).id, LATE_TRAINING);
    expect(saved.kind).toBe("saved");
    await importLatePeople();

    // The managers see the records at once; the donor's figures do not move, anywhere.
    expect((await getReach(manager(), [(await project("RW-REINT-P4")).id])).uniqueDirect).toBe(managerBefore + 2);
    expect(await whatDonorsSee(japan())).toEqual(approved);
    expect((await changesSinceApprovals(demo.db, await project("RW-REINT-P4"))).get("2026Q3")).toEqual({ added: 3, changed: 0 });
    expect((await getPeriodOverview(manager(), await project("RW-REINT-P4"), "2026Q3", NOV_30))?.changes).toEqual({ added: 3, changed: 0 });
  });

  it("shows a change to an approved record as changed", async () => {
    const p4 = await project("RW-REINT-P4");
    // A person served in 2026Q3 whose household turns out to be larger.
    const [person] = await demo.db.all<{
      ref: string;
      householdRef: string | null;
      sex: string;
      birthYear: number | null;
      groupCode: string;
      place: string;
      size: number;
      service: string;
      receivedOn: string;
    }>(sql`
      SELECT b.ref, b.household_ref AS "householdRef", b.sex, b.birth_year AS "birthYear", b.group_code AS "groupCode", l.code AS place, b.household_size AS size, st.code AS service, s.received_on AS "receivedOn"
      FROM beneficiaries b JOIN locations l ON l.id = b.location_id JOIN beneficiary_services s ON s.beneficiary_id = b.id JOIN service_types st ON st.id = s.service_type_id
      WHERE b.project_id = ${p4.id} AND b.household_size IS NOT NULL AND s.received_on BETWEEN '2026-07-01' AND '2026-09-30' ORDER BY b.ref LIMIT 1`);
    if (!person) throw new Error("no person served in 2026Q3");
    const [{ n: services }] = (await demo.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM approved_services WHERE project_id = ${p4.id} AND ref = ${person.ref} AND period = '2026Q3'`,
    )) as [{ n: number }];
    const row = [
      person.ref,
      person.householdRef ?? "",
      person.sex,
      person.birthYear ?? "",
      person.groupCode,
      person.place,
      person.size + 2,
      person.service,
      person.receivedOn,
    ].join(",");
    const { records, header } = readRegistryCsv(`external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date\n${row}`);
    const context = await registryImportContext(manager(), p4.id);
    const checked = checkRegistryRecords(records, header, context.codes, 2026);
    expect(checked.problems).toEqual([]);
    const before = await whatDonorsSee(japan());
    expect(await importRegistry(manager(), p4.id, checked.people, { commit: true, fileName: "household.csv", rows: 1 })).toMatchObject({
      kind: "done",
      counts: { peopleChanged: 1 },
    });
    expect((await changesSinceApprovals(demo.db, p4)).get("2026Q3")).toEqual({ added: 3, changed: services });
    expect(await whatDonorsSee(japan())).toEqual(before);
  });

  it("reaches donors once the period is reopened and approved again, both audited", async () => {
    const frozen = await whatDonorsSee(japan());
    expect(await step(manager(), "RW-REINT-P4", "2026Q3", "reopen", NOV_30, "late records")).toMatchObject({ kind: "refused", refusal: "not_allowed" });
    expect(await step(admin(), "RW-REINT-P4", "2026Q3", "reopen", NOV_30, "A late training and two people to count")).toMatchObject({ kind: "done" });
    // Reopened: donors keep the figures of the last approval meanwhile.
    expect(await whatDonorsSee(japan())).toEqual(frozen);
    expect(await step(manager(), "RW-REINT-P4", "2026Q3", "submit", NOV_30, "Resubmitted with the late records")).toMatchObject({ kind: "done" });
    expect(await step(manager2(), "RW-REINT-P4", "2026Q3", "approve", NOV_30)).toMatchObject({ kind: "done" });

    const now = await whatDonorsSee(japan());
    expect(now.reach.uniqueDirect).toBe(frozen.reach.uniqueDirect + 2);
    expect(now.trained.trainees).toBe(frozen.trained.trainees + 12);
    expect(now.reach.indirect).toBeGreaterThan(frozen.reach.indirect);
    expect((await changesSinceApprovals(demo.db, await project("RW-REINT-P4"))).get("2026Q3")).toBeUndefined();
    const audited = (
      await demo.db
        .select({ action: auditLog.action, details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "period"), eq(auditLog.projectId, (await project("RW-REINT-P4")).id)))
    ).map((a) => `${a.action} ${JSON.parse(a.details ?? "{}").period}`);
    expect(audited).toEqual(expect.arrayContaining(["period.reopen 2026Q3", "period.approve 2026Q3", "period.submit 2026Q3"]));
    const marked = await demo.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, "period.mark_not_reported"));
    expect(marked).toHaveLength(1);
  });
});

describe("running totals", () => {
  /** The donor's computed indicators beside the counts of the records the donor sees: they must agree. */
  async function agreement(ctx: QueryContext) {
    const p4 = await project("RW-REINT-P4");
    const figures = new Map((await listIndicatorFigures(ctx, p4.id)).map((f) => [f.indicator.code, f.actual?.value ?? null]));
    const trained = countPeopleTrained(await trainingsAsSeen(ctx, [p4.id]));
    return {
      direct: [figures.get("OP1.1"), (await getReach(ctx, [p4.id])).uniqueDirect],
      trainees: [figures.get("OP2.2"), trained.trainees],
      trainers: [figures.get("OP2.1"), trained.trainers],
    };
  }

  it("are counted again for later approved periods when an earlier one is approved again or marked not reported", async () => {
    const agreeing = async () => {
      const seen = await agreement(japan());
      for (const [name, [indicator, records]] of Object.entries(seen)) expect(indicator, name).toBe(records);
      return seen;
    };
    const before = await agreeing();
    // A training of 2026Q2 registered late, counted once 2026Q2 is approved again: 2026Q3's totals follow.
    expect(
      (
        await saveTraining(manager(), (await project("RW-REINT-P4")).id, {
          ...LATE_TRAINING,
          title: "Masonry, June group",
          topic: "masonry",
          startDate: "2026-06-01",
          endDate: "2026-06-19",
        })
      ).kind,
    ).toBe("saved");
    expect(await step(admin(), "RW-REINT-P4", "2026Q2", "reopen", NOV_30, "A June training registered late")).toMatchObject({ kind: "done" });
    expect(await step(manager(), "RW-REINT-P4", "2026Q2", "submit", NOV_30, "With the June training")).toMatchObject({ kind: "done" });
    expect(await step(manager2(), "RW-REINT-P4", "2026Q2", "approve", NOV_30)).toMatchObject({ kind: "done" });
    expect((await agreeing()).trainees[0]).toBe((before.trainees[0] ?? 0) + 12);
    // Marked not reported, 2026Q2's records leave every later total.
    expect(await step(admin(), "RW-REINT-P4", "2026Q2", "reopen", NOV_30, "The June records are doubtful")).toMatchObject({ kind: "done" });
    expect(await step(admin(), "RW-REINT-P4", "2026Q2", "mark_not_reported", NOV_30, "Records of the quarter lost")).toMatchObject({ kind: "done" });
    const without = await agreeing();
    expect(without.direct[0]).toBeLessThan(before.direct[0] ?? 0);
  });
});

describe("the changes since approval, counted in SQL", () => {
  // The specification: every record loaded, each given its period, compared by lib/workflow/record-changes.
  async function inMemory(code: string) {
    const p = await project(code);
    const type = FREQUENCY_PERIOD_TYPE[p.reportingFrequency];
    const periodOf = (date: string) => periodOfRecord(date, type, p.startDate, p.endDate);
    type Service = {
      ref: string;
      code: string;
      date: string;
      householdRef: string | null;
      sex: string;
      birthYear: number | null;
      groupCode: string;
      locationId: number;
      size: number | null;
      period?: string;
    };
    const attrs = (s: Service) => JSON.stringify([s.householdRef, s.sex, s.birthYear, s.groupCode, s.locationId, s.size === null ? null : Number(s.size)]);
    const live = await demo.db.all<Service>(sql`
      SELECT b.ref, st.code, s.received_on AS date, b.household_ref AS "householdRef", b.sex, b.birth_year AS "birthYear", b.group_code AS "groupCode", b.location_id AS "locationId",
        coalesce(b.household_size, p.household_size) AS size
      FROM beneficiaries b JOIN projects p ON p.id = b.project_id JOIN beneficiary_services s ON s.beneficiary_id = b.id JOIN service_types st ON st.id = s.service_type_id
      WHERE b.project_id = ${p.id}`);
    const copies = await demo.db.all<Service>(sql`
      SELECT ref, service_code AS code, received_on AS date, household_ref AS "householdRef", sex, birth_year AS "birthYear", group_code AS "groupCode", location_id AS "locationId",
        household_size AS size, period
      FROM approved_services WHERE project_id = ${p.id}`);
    type Participant = { sex: string; ageGroup: string; count: number };
    type Training = {
      id: number;
      title: string;
      kind: string;
      topic: string;
      locationId: number;
      startDate: string;
      endDate: string;
      facilitator: string | null;
      cohortId: number | null;
    };
    const content = (t: Training, participants: Participant[], roster: string[] | null) =>
      JSON.stringify([
        t.title,
        t.kind,
        t.topic,
        t.locationId,
        t.startDate,
        t.endDate,
        t.facilitator,
        t.cohortId,
        participants.map((x) => [x.sex, x.ageGroup, Number(x.count)]).sort((a, b) => String(a).localeCompare(String(b))),
        roster && [...roster].sort(),
      ]);
    const trainingColumns = sql`title, kind, topic, location_id AS "locationId", start_date AS "startDate", end_date AS "endDate", facilitator, cohort_id AS "cohortId"`;
    const trainings = await demo.db.all<Training>(sql`SELECT id, ${trainingColumns} FROM trainings WHERE project_id = ${p.id}`);
    const participants = await demo.db.all<Participant & { trainingId: number }>(sql`
      SELECT tp.training_id AS "trainingId", tp.sex, tp.age_group AS "ageGroup", tp.count FROM training_participants tp JOIN trainings t ON t.id = tp.training_id WHERE t.project_id = ${p.id}`);
    const roster = await demo.db.all<{ trainingId: number; ref: string }>(sql`
      SELECT r.training_id AS "trainingId", b.ref FROM training_roster r JOIN beneficiaries b ON b.id = r.beneficiary_id JOIN trainings t ON t.id = r.training_id WHERE t.project_id = ${p.id}`);
    const rosterOf = (id: number) => {
      const refs = roster.filter((r) => r.trainingId === id).map((r) => r.ref);
      return refs.length === 0 ? null : refs;
    };
    const trainingCopies = await demo.db.all<Training & { period: string; participants: string; roster: string | null }>(
      sql`SELECT training_id AS id, ${trainingColumns}, participants, roster, period FROM approved_trainings WHERE project_id = ${p.id}`,
    );
    const approved = new Set(
      (await demo.db.all<{ period: string }>(sql`SELECT period FROM project_periods WHERE project_id = ${p.id} AND approved_at IS NOT NULL`)).map((r) => r.period),
    );
    return changesSinceApproval(
      [
        ...live.map((s) => ({ period: periodOf(s.date), key: `${s.ref}|${s.code}|${s.date}`, content: attrs(s) })),
        ...trainings.map((t) => ({
          period: periodOf(t.endDate),
          key: `t${t.id}`,
          content: content(
            t,
            participants.filter((x) => x.trainingId === t.id),
            rosterOf(t.id),
          ),
        })),
      ],
      [
        ...copies.map((s) => ({ period: s.period!, key: `${s.ref}|${s.code}|${s.date}`, content: attrs(s) })),
        ...trainingCopies.map((t) => ({
          period: t.period,
          key: `t${t.id}`,
          content: content(t, JSON.parse(t.participants) as Participant[], t.roster === null ? null : (JSON.parse(t.roster) as string[])),
        })),
      ],
      approved,
    );
  }

  it("equal the specification through additions, changes, moves and removals of services and trainings", async () => {
    const run = (statement: SQL) => demo.db.write((tx) => tx.run(statement));
    const p4 = (await project("RW-REINT-P4")).id;
    const drc = (await project("CD-HSEC-NK")).id;
    const check = async () => {
      for (const code of ["RW-REINT-P4", "CD-HSEC-NK", "RW-REINT-P3"]) expect(await changesSinceApprovals(demo.db, await project(code)), code).toEqual(await inMemory(code));
    };
    await check();
    // A service moved from 2026Q1 to 2025Q4, another removed, a person moved to another district.
    const [moved, removed] = await demo.db.all<{ id: number }>(
      sql`SELECT s.id FROM beneficiary_services s JOIN beneficiaries b ON b.id = s.beneficiary_id WHERE b.project_id = ${p4} AND s.received_on BETWEEN '2026-01-01' AND '2026-03-31' ORDER BY s.id LIMIT 2`,
    );
    await run(sql`UPDATE beneficiary_services SET received_on = '2025-12-20' WHERE id = ${moved!.id}`);
    await run(sql`DELETE FROM beneficiary_services WHERE id = ${removed!.id}`);
    await run(
      sql`UPDATE beneficiaries SET location_id = (SELECT location_id FROM project_locations WHERE project_id = ${p4} ORDER BY location_id DESC LIMIT 1) WHERE id = (SELECT min(id) FROM beneficiaries WHERE project_id = ${p4})`,
    );
    // A training's participants changed, another removed; the DRC's household size (the default for records without one) changed.
    const [{ id: training }] = (await demo.db.all<{ id: number }>(sql`SELECT training_id AS id FROM approved_trainings WHERE project_id = ${p4} ORDER BY training_id LIMIT 1`)) as [
      { id: number },
    ];
    await run(sql`UPDATE training_participants SET count = count + 1 WHERE training_id = ${training}`);
    await run(
      sql`DELETE FROM trainings WHERE id = (SELECT max(training_id) FROM approved_trainings WHERE project_id = ${p4} AND training_id NOT IN (SELECT cohort_id FROM trainings WHERE cohort_id IS NOT NULL))`,
    );
    await run(sql`UPDATE projects SET household_size = coalesce(household_size, 5) + 1 WHERE id = ${drc}`);
    const changed = await inMemory("RW-REINT-P4");
    expect([...changed.values()].reduce((n, c) => n + c.changed, 0)).toBeGreaterThanOrEqual(4);
    await check();
    // Every record of a project that now reports yearly belongs to another period than the one approved.
    expect(await inMemory("RW-REINT-P3")).toEqual(new Map());
    await run(sql`UPDATE projects SET reporting_frequency = CASE reporting_frequency WHEN 'yearly' THEN 'quarterly' ELSE 'yearly' END WHERE code = 'RW-REINT-P3'`);
    expect((await inMemory("RW-REINT-P3")).size).toBeGreaterThan(0);
    expect([...(await inMemory("RW-REINT-P3")).values()].every((c) => c.added === 0 && c.changed > 0)).toBe(true);
    await check();
  });
});
