import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";

// The write API on the DRC project's open quarter: all or nothing, versions, four eyes.

const as = apiClients();
type Listed = { id: number; indicatorId: number; period: string; locationCode: string; disaggregation: Record<string, string>; value: number | null; status: string; version: number | null };
type Project = { id: number; results: { indicators: { id: number; code: string }[] }[] };

async function indicatorId(client: APIRequestContext, code: string): Promise<number> {
  const project = await getJson<Project>(client, "/api/v1/projects/CD-HSEC-NK");
  const found = project.results.flatMap((r) => r.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found.id;
}

async function currentTotal(client: APIRequestContext, indicator: number, locationCode: string): Promise<Listed | undefined> {
  const { data: values } = await getJson<{ data: Listed[] }>(client, "/api/v1/data-values?project=CD-HSEC-NK&period=2026Q4");
  return values.find((v) => v.indicatorId === indicator && v.locationCode === locationCode && Object.keys(v.disaggregation).length === 0);
}

test("writes every value of a batch or none: 422 names each bad row", async () => {
  const manager = await as(ACCOUNTS.manager);
  const qips = await indicatorId(manager, "OP1.2");
  const before = await currentTotal(manager, qips, "CD-NK-RUT");
  const response = await manager.put("/api/v1/data-values", {
    data: [
      { indicatorId: qips, period: "2026Q4", locationCode: "CD-NK-RUT", disaggregation: {}, value: 3, version: before?.version },
      { indicatorId: qips, period: "2026Q4", locationCode: "CD-NK-NYI", disaggregation: {}, value: -2 },
      { indicatorId: qips, period: "2026Q4", locationCode: "CD-NK-NYI", disaggregation: { sex: "female" }, value: 1 },
    ],
  });
  expect(response.status()).toBe(422);
  const body = (await response.json()) as { errors: { index: number; code: string; message: string }[] };
  expect(body.errors.map((e) => [e.index, e.code])).toEqual([
    [1, "negative"],
    [2, "unknown_dimension"],
  ]);
  expect(body.errors[0]?.message).toBe("A figure cannot be negative.");
  expect((await currentTotal(manager, qips, "CD-NK-RUT"))?.value).toBe(before?.value);
});

test("returns the written values with new versions, and refuses a stale version with 409 and the current value", async () => {
  const manager = await as(ACCOUNTS.manager);
  const manager2 = await as(ACCOUNTS.manager2);
  const qips = await indicatorId(manager, "OP1.2");
  const before = await currentTotal(manager, qips, "CD-NK-RUT");
  const cell = { indicatorId: qips, period: "2026Q4", locationCode: "CD-NK-RUT", disaggregation: {} };
  const written = await manager.put("/api/v1/data-values", { data: [{ ...cell, value: 4, comment: "Two water points finished", version: before?.version }] });
  expect(written.status()).toBe(200);
  const { values } = (await written.json()) as { values: Listed[] };
  expect(values[0]).toMatchObject({ value: 4, status: "draft", version: (before?.version ?? 0) + 1 });
  expect(values[0]?.id).toBeGreaterThan(0);

  const stale = await manager2.put("/api/v1/data-values", { data: [{ ...cell, value: 5, version: before?.version }] });
  expect(stale.status()).toBe(409);
  const conflict = (await stale.json()) as { conflicts: { index: number; current: Listed }[] };
  expect(conflict.conflicts[0]?.current).toMatchObject({ value: 4, version: (before?.version ?? 0) + 1 });
});

test("403 for donors and staff who try to write", async () => {
  const donor = await as(ACCOUNTS.donorNetherlands);
  const staff = await as(ACCOUNTS.staff);
  const qips = await indicatorId(await as(ACCOUNTS.manager), "OP1.2");
  for (const client of [donor, staff]) {
    const response = await client.put("/api/v1/data-values", { data: [{ indicatorId: qips, period: "2026Q4", locationCode: "CD-NK-RUT", disaggregation: {}, value: 1 }] });
    expect(response.status()).toBe(403);
  }
  expect((await donor.post("/api/v1/projects/CD-HSEC-NK/periods/2026Q4/submit")).status()).toBe(403);
});
