import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { apiClients, getJson, type Problem } from "./support/clients";

// The read API for every kind of caller: each sees what it may and nothing else.

type Indicator = { code: string; actual: number | null; target: number | null; measure: string; source: string; context: boolean; cumulative: boolean; progress: number | null; disaggregations: { dimension: string; options: string[] }[] };
type ProjectJson = { id: number; code: string; approvedOnly: boolean; periods: string[]; locations: { name: string; level: string }[]; results: { type: string; indicators: Indicator[] }[]; contextIndicators: Indicator[] };

const as = apiClients();

const indicatorsOf = (project: ProjectJson) => new Map(project.results.flatMap((r) => r.indicators).concat(project.contextIndicators).map((i) => [i.code, i]));
const codes = (body: { data: { code: string }[] }) => body.data.map((p) => p.code).sort();

test("answers 401 with a readable JSON message without a session", async ({ request }) => {
  for (const path of ["/api/v1/projects", "/api/v1/projects/RW-REINT-P4", "/api/v1/programmes/RW-REINT"]) {
    const body = await getJson<Problem>(request, path, 401);
    expect(body).toMatchObject({ type: "/api/v1/problems/unauthorized", title: "Not signed in", status: 401 });
    expect(body.detail).toMatch(/sign in/i);
  }
});

test("lists every project for admins and staff, and a manager's programmes", async () => {
  const all = ["CD-HSEC-NK", "RW-REINT-P1", "RW-REINT-P2", "RW-REINT-P3", "RW-REINT-P4"];
  // Other tests may add projects; the five demo projects are always there.
  expect(codes(await getJson(await as(ACCOUNTS.admin), "/api/v1/projects"))).toEqual(expect.arrayContaining(all));
  expect(codes(await getJson(await as(ACCOUNTS.staff), "/api/v1/projects"))).toEqual(expect.arrayContaining(all));
  expect(codes(await getJson(await as(ACCOUNTS.manager), "/api/v1/projects"))).toEqual(expect.arrayContaining(all));
  const body = await getJson<{ data: { code: string; donors: string[]; country: string }[]; next: string | null }>(await as(ACCOUNTS.admin), "/api/v1/projects");
  expect(body.next).toBeNull();
  expect(body.data.find((p) => p.code === "RW-REINT-P4")).toMatchObject({ donors: ["Government of Japan"], country: "RW" });
});

test("shows donors their funded projects only, and 404 for the others", async () => {
  const japan = await as(ACCOUNTS.donorJapan);
  const netherlands = await as(ACCOUNTS.donorNetherlands);
  expect(codes(await getJson(japan, "/api/v1/projects"))).toEqual(["RW-REINT-P4"]);
  expect(codes(await getJson(netherlands, "/api/v1/projects"))).toEqual(["CD-HSEC-NK"]);
  await getJson(japan, "/api/v1/projects/CD-HSEC-NK", 404);
  await getJson(japan, "/api/v1/projects/RW-REINT-P1", 404);
  await getJson(netherlands, "/api/v1/projects/RW-REINT-P4", 404);
  await getJson(netherlands, "/api/v1/programmes/RW-REINT", 404);
  const missing = await getJson<Problem>(japan, "/api/v1/projects/NO-SUCH", 404);
  expect(missing).toMatchObject({ type: "/api/v1/problems/not-found", status: 404 });
  expect(missing.detail).toContain("NO-SUCH");
});

test("gives the project with its framework, figures, locations and periods, by code or id", async () => {
  const admin = await as(ACCOUNTS.admin);
  const p4 = await getJson<ProjectJson>(admin, "/api/v1/projects/RW-REINT-P4");
  expect(await getJson<ProjectJson>(admin, `/api/v1/projects/${p4.id}`)).toEqual(p4);
  expect(p4.locations.filter((l) => l.level === "district")).toHaveLength(9);
  expect(p4.periods[0]).toBe("2024Q3");
  expect(p4.periods.at(-1)).toBe("2027Q2");
  expect(p4.results.map((r) => r.type)).toEqual(["impact", "outcome", "output", "output"]);
  const indicators = indicatorsOf(p4);
  expect(indicators.get("OP1.1")).toMatchObject({ target: 5000, source: "registry", measure: "number", cumulative: true });
  expect(indicators.get("OP2.1")).toMatchObject({ target: 184, actual: 184, source: "trainings", progress: 1 });
  expect(indicators.get("OP2.3")?.disaggregations).toEqual([{ dimension: "sex", options: ["female", "male", "unknown"] }]);
  expect(indicators.get("OC1.1")).toMatchObject({ measure: "mean_of_ratios", actual: null, progress: null });
  const drc = indicatorsOf(await getJson<ProjectJson>(admin, "/api/v1/projects/CD-HSEC-NK"));
  expect(drc.get("CX1")).toMatchObject({ context: true, actual: 200000 });
});

test("gives donors approved values only; others all values, or approved ones on request", async () => {
  const donor = indicatorsOf(await getJson<ProjectJson>(await as(ACCOUNTS.donorJapan), "/api/v1/projects/RW-REINT-P4"));
  const manager = indicatorsOf(await getJson<ProjectJson>(await as(ACCOUNTS.manager), "/api/v1/projects/RW-REINT-P4"));
  const managerApproved = await getJson<ProjectJson>(await as(ACCOUNTS.manager), "/api/v1/projects/RW-REINT-P4?status=approved");
  expect(managerApproved.approvedOnly).toBe(true);
  const donorActual = donor.get("OP2.3")?.actual ?? 0;
  expect(donorActual).toBeGreaterThan(0);
  expect(indicatorsOf(managerApproved).get("OP2.3")?.actual).toBe(donorActual);
  expect(manager.get("OP2.3")?.actual ?? 0).toBeGreaterThan(donorActual);
  // Asking for more than approved does not widen a donor's view.
  expect(indicatorsOf(await getJson<ProjectJson>(await as(ACCOUNTS.donorJapan), "/api/v1/projects/RW-REINT-P4")).get("OP2.3")?.actual).toBe(donorActual);
  await getJson(await as(ACCOUNTS.manager), "/api/v1/projects/RW-REINT-P4?status=draft", 400);
});

test("gives the programme's unique beneficiaries since 2010 and its outcomes", async () => {
  type Programme = {
    directBeneficiaries: number;
    indirectBeneficiaries: number;
    completedPhases: { phases: number[]; directBeneficiaries: number; indirectBeneficiaries: number };
    indicators: { code: string; actual: number | null }[];
    projects: { code: string; directBeneficiaries: number }[];
  };
  const programme = await getJson<Programme>(await as(ACCOUNTS.staff), "/api/v1/programmes/RW-REINT");
  expect(programme.completedPhases).toEqual({ phases: [1, 2, 3], directBeneficiaries: 8140, indirectBeneficiaries: 40550 });
  expect(programme.directBeneficiaries).toBe(programme.projects.reduce((sum, p) => sum + p.directBeneficiaries, 0));
  expect(programme.indicators.find((i) => i.code === "OC1.1")?.actual).toBeCloseTo(78, 6);
  expect(programme.indicators.find((i) => i.code === "OC1.2")?.actual).toBeCloseTo(63, 6);
});
