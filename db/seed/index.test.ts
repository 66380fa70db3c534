import { and, count, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { decodeOptionKey, checkOptionSet } from "../../lib/disaggregation/option-key";
import { findMismatches } from "../../lib/disaggregation/reconcile";
import { isPeriod, periodHasBegun, periodOverlaps } from "../../lib/periods/period";
import { countPeopleTrained, trainingCascade } from "../../lib/trainings/people-trained";
import { listIndicatorFigures } from "../figures/indicator-figures";
import { getProgrammeSummary } from "../figures/programmes";
import { getProjectByCode, listProjectLocations, listProjectOrganisations, listProjects } from "../projects/projects";
import { getReach } from "../registry/registry";
import { loadTrainings } from "../records/trainings";
import type { QueryContext } from "../users/viewer";
import { demoDatabaseForTests } from "../test-database";
import { dataValues, dimensionOptions, dimensions, indicatorDimensions, indicators, projects, users } from "../tables";
import { DEMO_PASSWORD } from "./users";

// Every published figure of ../shared/seeds/FACTS.md comes out of the domain rules applied to the
// demo data, for the viewers who may see it.

const TODAY = "2026-11-23";

const demo = demoDatabaseForTests(TODAY);

const { as } = demo;
const admin = () => as("admin@baseline.test");

async function project(code: string) {
  const found = await getProjectByCode(admin(), code);
  if (!found) throw new Error(`no project ${code}`);
  return found;
}

async function figures(ctx: QueryContext, code: string) {
  return new Map((await listIndicatorFigures(ctx, (await project(code)).id)).map((f) => [f.indicator.code, f]));
}

describe("Rwanda Phase IV", () => {
  it("targets 5,000 direct beneficiaries = 1,500 + 1,500 + 2,000 by service, 184 trainers and 1,500 people trained by them", async () => {
    const f = await figures(admin(), "RW-REINT-P4");
    expect(f.get("OP1.1")?.indicator).toMatchObject({ target: 5000, source: "registry", sourceServiceCode: null });
    expect(f.get("OP1.2")?.indicator).toMatchObject({ target: 1500, sourceServiceCode: "vocational_training" });
    expect(f.get("OP1.3")?.indicator).toMatchObject({ target: 1500, sourceServiceCode: "livestock" });
    expect(f.get("OP1.4")?.indicator).toMatchObject({ target: 2000, sourceServiceCode: "shelter_materials" });
    expect(f.get("OP2.1")?.indicator).toMatchObject({ target: 184, source: "trainings", sourceTrainingKind: "training_of_trainers" });
    expect(f.get("OP2.2")?.indicator).toMatchObject({ target: 1500, source: "trainings", sourceTrainingKind: "vocational" });
  });

  it("trained 184 trainers, kept apart from the people they trained, each counted once", async () => {
    const f = await figures(admin(), "RW-REINT-P4");
    expect(f.get("OP2.1")?.actual?.value).toBe(184);
    const trainings = await loadTrainings(demo.db, [(await project("RW-REINT-P4")).id]);
    const participants = trainings.filter((t) => t.kind === "vocational").reduce((sum, t) => sum + t.participantCount, 0);
    const { trainers, trainees } = countPeopleTrained(trainings);
    expect(trainers).toBe(184);
    expect(f.get("OP2.2")?.actual?.value).toBe(trainees);
    expect(trainees).toBeLessThan(participants); // some trainees took two trades: counted once
    expect(trainingCascade(trainings).map((c) => c.trainers)).toEqual([82, 81, 21]);
    expect(trainingCascade(trainings).reduce((sum, c) => sum + c.peopleTrained, 0)).toBeGreaterThanOrEqual(trainees);
  });

  it("counts direct beneficiaries once, with the services beside the unique count", async () => {
    const reach = await getReach(admin(), [(await project("RW-REINT-P4")).id]);
    const f = await figures(admin(), "RW-REINT-P4");
    expect(f.get("OP1.1")?.actual?.value).toBe(reach.uniqueDirect);
    expect(f.get("OP1.2")?.actual?.value).toBe(reach.byService.vocational_training);
    expect(f.get("OP1.3")?.actual?.value).toBe(reach.byService.livestock);
    expect(f.get("OP1.4")?.actual?.value).toBe(reach.byService.shelter_materials);
    const serviceSum = Object.values(reach.byService).reduce((a, b) => a + b, 0);
    expect(serviceSum).toBeGreaterThan(reach.uniqueDirect);
    expect(reach.byNumberOfServices[2]).toBeGreaterThan(0);
    expect(reach.byNumberOfServices[3]).toBeGreaterThan(0);
    expect(reach.uniqueDirect).toBeLessThanOrEqual(5000);
  });

  it("works in the nine published districts, funded by Japan with MIDIMAR as partner", async () => {
    const p4 = await project("RW-REINT-P4");
    expect((await listProjectLocations(admin(), p4.id)).map((l) => l.nameEn).sort()).toEqual([
      "Gisagara",
      "Huye",
      "Karongi",
      "Musanze",
      "Nyabihu",
      "Nyamagabe",
      "Nyaruguru",
      "Rubavu",
      "Rutsiro",
    ]);
    const organisations = (await listProjectOrganisations(admin(), p4.id)).map((o) => `${o.organisation.code}:${o.role}`);
    expect(organisations).toEqual(expect.arrayContaining(["JAPAN:funding", "IOM:implementing", "MIDIMAR:partner"]));
    expect(p4.status).toBe("active");
  });

  it("has a hand-entered count indicator with an open draft period that has begun", async () => {
    const p4 = await project("RW-REINT-P4");
    const drafts = await demo.db
      .selectDistinct({ period: dataValues.period })
      .from(dataValues)
      .innerJoin(indicators, eq(dataValues.indicatorId, indicators.id))
      .where(and(eq(indicators.projectId, p4.id), eq(indicators.source, "manual"), eq(indicators.measure, "number"), eq(dataValues.status, "draft")));
    expect(drafts.length).toBeGreaterThan(0);
    for (const { period } of drafts) {
      expect(periodHasBegun(period, TODAY)).toBe(true);
      expect(periodOverlaps(period, p4.startDate, p4.endDate)).toBe(true);
    }
  });

  it("has outcome indicators without an actual yet: missing, not zero", async () => {
    const f = await figures(admin(), "RW-REINT-P4");
    expect(f.get("OC1.1")?.actual).toBeNull();
    expect(f.get("OC1.1")?.progress).toBeNull();
  });
});

describe("Rwanda programme since 2010", () => {
  it("has phases I-III completed and Phase IV active", async () => {
    const summary = await getProgrammeSummary(admin(), "RW-REINT");
    expect(summary?.phases.map((p) => [p.project.code, p.project.status])).toEqual([
      ["RW-REINT-P1", "completed"],
      ["RW-REINT-P2", "completed"],
      ["RW-REINT-P3", "completed"],
      ["RW-REINT-P4", "active"],
    ]);
  });

  it("directly benefited more than 8,000 distinct people and more than 40,000 indirectly in phases I-III", async () => {
    const summary = await getProgrammeSummary(admin(), "RW-REINT", { phases: [1, 2, 3] });
    expect(summary?.reach.uniqueDirect).toBe(8140);
    expect(summary?.reach.indirect).toBe(40550); // 8,110 households of 5: some have two direct beneficiaries
    expect(summary?.reach.uniqueDirect).toBeGreaterThan(8000);
    expect(summary?.reach.indirect).toBeGreaterThan(40000);
    const byPhase = summary?.phases.reduce((sum, p) => sum + p.reach.uniqueDirect, 0);
    expect(byPhase).toBe(8140); // no person in two phases
  });

  it("raised incomes by 78% on average and improved living conditions for 63% of housing recipients", async () => {
    const summary = await getProgrammeSummary(admin(), "RW-REINT", { phases: [1, 2, 3] });
    const income = summary?.outcomes.find((o) => o.code === "OC1.1");
    const housing = summary?.outcomes.find((o) => o.code === "OC1.2");
    expect(income?.figure.indicator.measure).toBe("mean_of_ratios");
    expect(income?.combined?.value).toBeCloseTo(78, 10);
    expect(housing?.figure.indicator.measure).toBe("percentage");
    expect(housing?.combined?.value).toBeCloseTo(63, 10);
    expect(housing?.combined).toMatchObject({ kind: "ratio" });
  });

  it("keeps the surveyed housing recipients within those who received construction materials", async () => {
    const summary = await getProgrammeSummary(admin(), "RW-REINT", { phases: [1, 2, 3] });
    const housing = summary?.outcomes.find((o) => o.code === "OC1.2")?.combined;
    expect(housing?.kind === "ratio" && housing.denominator).toBeLessThanOrEqual(summary?.reach.byService.shelter_materials ?? 0);
  });
});

describe("DRC, Rutshuru and Nyiragongo", () => {
  it("started in November 2013 in the two territories, funded by the Netherlands", async () => {
    const drc = await project("CD-HSEC-NK");
    expect(drc.startDate).toBe("2013-11-01");
    expect((await listProjectLocations(admin(), drc.id)).map((l) => l.nameEn)).toEqual(expect.arrayContaining(["Rutshuru", "Nyiragongo"]));
    expect((await listProjectOrganisations(admin(), drc.id)).map((o) => `${o.organisation.code}:${o.role}`)).toContain("NL-MFA:funding");
  });

  it("watches 200,000 IDPs in IOM-managed sites as context, never as reach", async () => {
    const f = await figures(as("donor.netherlands@baseline.test"), "CD-HSEC-NK");
    const context = f.get("CX1");
    expect(context?.indicator.isContext).toBe(true);
    expect(context?.actual?.value).toBe(200_000);
    expect((await getReach(admin(), [(await project("CD-HSEC-NK")).id])).uniqueDirect).toBe(0);
  });

  it("tracks committees, quick-impact projects and civil servants trained on SGBV", async () => {
    const f = await figures(admin(), "CD-HSEC-NK");
    expect(f.get("OP1.1")?.indicator.timeAggregation).toBe("cumulative");
    expect(f.get("OP1.1")?.actual?.value).toBeGreaterThan(0);
    expect(f.get("OP1.2")?.actual?.value).toBeGreaterThan(0);
    expect(f.get("OP2.2")?.actual?.value).toBe(125);
  });
});

describe("demo data integrity", () => {
  it("has periods in every status, shared by every value of a project's period", async () => {
    const statuses = (await demo.db.selectDistinct({ status: dataValues.status }).from(dataValues)).map((r) => r.status);
    expect(statuses.sort()).toEqual(["approved", "draft", "returned", "submitted"]);
    const perPeriod = new Map<string, Set<string>>();
    for (const row of await demo.db
      .select({ projectId: indicators.projectId, period: dataValues.period, status: dataValues.status })
      .from(dataValues)
      .innerJoin(indicators, eq(dataValues.indicatorId, indicators.id))) {
      const key = `${row.projectId}|${row.period}`;
      perPeriod.set(key, (perPeriod.get(key) ?? new Set()).add(row.status));
    }
    for (const [key, set] of perPeriod) expect(set.size, key).toBe(1);
  });

  it("stores only valid periods, within the project's dates, with options the indicator uses", async () => {
    const allowed = new Map<number, Record<string, string[]>>();
    for (const row of await demo.db
      .select({ indicatorId: indicatorDimensions.indicatorId, dimension: dimensions.code, option: dimensionOptions.code })
      .from(indicatorDimensions)
      .innerJoin(dimensions, eq(indicatorDimensions.dimensionId, dimensions.id))
      .innerJoin(dimensionOptions, eq(dimensionOptions.dimensionId, dimensions.id))) {
      const options = allowed.get(row.indicatorId) ?? {};
      options[row.dimension] = [...(options[row.dimension] ?? []), row.option];
      allowed.set(row.indicatorId, options);
    }
    const rows = await demo.db
      .select({ value: dataValues, start: projects.startDate, end: projects.endDate })
      .from(dataValues)
      .innerJoin(indicators, eq(dataValues.indicatorId, indicators.id))
      .innerJoin(projects, eq(indicators.projectId, projects.id));
    for (const { value, start, end } of rows) {
      expect(isPeriod(value.period)).toBe(true);
      expect(periodOverlaps(value.period, start, end)).toBe(true);
      const options = decodeOptionKey(value.disaggregation);
      expect(options).not.toBeNull();
      expect(checkOptionSet(options ?? {}, allowed.get(value.indicatorId) ?? {})).toBeNull();
      if (value.numerator !== null) expect(value.numerator).toBeLessThanOrEqual(value.denominator ?? -1);
    }
  });

  it("reconciles every breakdown with its total", async () => {
    const rows = await demo.db.select().from(dataValues);
    const cells = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = `${row.indicatorId}|${row.period}|${row.locationId}`;
      cells.set(key, [...(cells.get(key) ?? []), row]);
    }
    for (const [key, group] of cells) {
      const parts =
        group[0]?.value !== null
          ? [(r: (typeof rows)[number]) => r.value ?? 0]
          : [(r: (typeof rows)[number]) => r.numerator ?? 0, (r: (typeof rows)[number]) => r.denominator ?? 0];
      for (const amountOf of parts) {
        expect(findMismatches(group.map((r) => ({ key: r.disaggregation, amount: amountOf(r) }))), key).toEqual([]);
      }
    }
  });

  it("marks the illustrative figures as such on every project", async () => {
    for (const p of await demo.db.select().from(projects)) {
      expect(p.dataNoteEn, p.code).toMatch(/^Illustrative/);
      expect(p.dataNoteFr, p.code).toMatch(/illustratifs/);
    }
  });

  it("creates the demo accounts with the demo password, hashed", async () => {
    const all = await demo.db.select().from(users);
    expect(all.map((u) => `${u.email}:${u.role}`).sort()).toEqual([
      "admin@baseline.test:admin",
      "donor.japan@baseline.test:donor",
      "donor.netherlands@baseline.test:donor",
      "manager2@baseline.test:manager",
      "manager@baseline.test:manager",
      "staff@baseline.test:staff",
    ]);
    expect(all.every((u) => u.passwordHash !== DEMO_PASSWORD && u.language === null)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, all[0]?.passwordHash ?? "")).toBe(true);
  });
});

describe("who sees what", () => {
  it("shows donors the projects their organisation funds, nothing else", async () => {
    expect((await listProjects(as("donor.japan@baseline.test"))).map((p) => p.code)).toEqual(["RW-REINT-P4"]);
    expect((await listProjects(as("donor.netherlands@baseline.test"))).map((p) => p.code)).toEqual(["CD-HSEC-NK"]);
    expect(await getProjectByCode(as("donor.japan@baseline.test"), "CD-HSEC-NK")).toBeNull();
    await expect(getReach(as("donor.japan@baseline.test"), [(await project("RW-REINT-P1")).id])).rejects.toThrow(/Access denied/);
  });

  it("shows staff and admins every project, managers theirs and the other phases of their programmes", async () => {
    expect(await listProjects(as("staff@baseline.test"))).toHaveLength(5);
    expect((await listProjects(as("manager@baseline.test"))).map((p) => p.code).sort()).toEqual(["CD-HSEC-NK", "RW-REINT-P1", "RW-REINT-P2", "RW-REINT-P3", "RW-REINT-P4"]);
  });

  it("gives donors approved figures only, and managers the figures still in review", async () => {
    const donor = (await figures(as("donor.japan@baseline.test"), "RW-REINT-P4")).get("OP2.3");
    const manager = (await figures(as("manager@baseline.test"), "RW-REINT-P4")).get("OP2.3");
    expect(donor?.includesUnapproved).toBe(false);
    expect(manager?.includesUnapproved).toBe(true);
    const approvedSum = (
      await demo.db
        .select({ value: dataValues.value })
        .from(dataValues)
        .where(and(eq(dataValues.indicatorId, donor?.indicator.id ?? 0), eq(dataValues.disaggregation, ""), eq(dataValues.status, "approved")))
    ).reduce((sum, r) => sum + (r.value ?? 0), 0);
    expect(donor?.actual?.value).toBe(approvedSum);
    expect(manager?.actual?.value).toBeGreaterThan(approvedSum);
  });

  it("shows donors registry counts as of the latest approved period, the same as the frozen indicator", async () => {
    const donor = as("donor.japan@baseline.test");
    const p4 = (await project("RW-REINT-P4")).id;
    const frozen = (await figures(donor, "RW-REINT-P4")).get("OP1.1")?.actual?.value;
    expect((await getReach(donor, [p4])).uniqueDirect).toBe(frozen);
    expect((await getReach(admin(), [p4])).uniqueDirect).toBeGreaterThan(frozen ?? 0);
  });

  it("hides from the donor the unapproved periods' values of the DRC", async () => {
    const unapproved = (
      await demo.db
        .select({ n: count() })
        .from(dataValues)
        .innerJoin(indicators, eq(dataValues.indicatorId, indicators.id))
        .where(and(eq(indicators.projectId, (await project("CD-HSEC-NK")).id), ne(dataValues.status, "approved")))
    )[0];
    expect(unapproved?.n).toBeGreaterThan(0);
    const donorFigures = await figures(as("donor.netherlands@baseline.test"), "CD-HSEC-NK");
    const managerFigures = await figures(as("manager@baseline.test"), "CD-HSEC-NK");
    expect(donorFigures.get("OP1.2")?.actual?.value).toBeLessThan(managerFigures.get("OP1.2")?.actual?.value ?? 0);
  });
});
