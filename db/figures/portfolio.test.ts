import { describe, expect, it } from "vitest";
import { demoDatabaseForTests } from "../test-database";
import { listIndicatorFigures } from "./indicator-figures";
import { getPortfolio } from "./portfolio";
import { listResults } from "../framework/results-framework";

const demo = demoDatabaseForTests();

describe("getPortfolio", () => {
  it("gives each project's main indicator with the figure listIndicatorFigures gives it, for every role", async () => {
    for (const email of ["staff@baseline.test", "manager@baseline.test", "donor.japan@baseline.test", "donor.netherlands@baseline.test"]) {
      const ctx = demo.as(email);
      const portfolio = await getPortfolio(ctx, {});
      expect(portfolio.projects.length).toBeGreaterThan(0);
      for (const project of portfolio.projects) {
        const outputs = new Set((await listResults(ctx, project.id)).filter((r) => r.type === "output").map((r) => r.id));
        const expected =
          (await listIndicatorFigures(ctx, project.id)).find(
            (f) => !f.indicator.isContext && f.indicator.target !== null && f.indicator.resultId !== null && outputs.has(f.indicator.resultId),
          ) ?? null;
        expect(project.main, `${email} ${project.code}`).toEqual(expected);
      }
    }
  });
});
