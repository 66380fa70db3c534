import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, projects } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { getNarratives, saveNarrative } from "./narratives";
import { periodStatus } from "./project-periods";

const demo = demoDatabaseForTests();

const { as } = demo;
const p4 = async () => (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!.id;
const text = { language: "fr", highlights: '=HYPERLINK("http://example.invalid","x") reste tel quel', challenges: "", nextSteps: "Évaluer" };

describe("saveNarrative", () => {
  it("lets the manager write an open period's narrative once per version, with an audit entry", async () => {
    const open = "2026Q4";
    expect(await periodStatus(demo.db, await p4(), open)).toBe("draft");
    const first = await saveNarrative(as("manager@baseline.test"), { projectId: await p4(), period: open, version: null }, text);
    expect(first.kind).toBe("saved");
    if (first.kind !== "saved") return;
    expect(first.narrative).toMatchObject({ highlights: text.highlights, challenges: null, nextSteps: "Évaluer", version: 1 });
    // A second writer who saw no narrative, or an older version, is refused.
    expect((await saveNarrative(as("manager2@baseline.test"), { projectId: await p4(), period: open, version: null }, text)).kind).toBe("conflict");
    expect(await saveNarrative(as("manager@baseline.test"), { projectId: await p4(), period: open, version: 1 }, { ...text, challenges: "Pluies" })).toMatchObject({
      kind: "saved",
      narrative: { version: 2, challenges: "Pluies" },
    });
    expect((await saveNarrative(as("manager2@baseline.test"), { projectId: await p4(), period: open, version: 1 }, text)).kind).toBe("conflict");
    expect((await getNarratives(as("manager@baseline.test"), await p4(), open)).fr?.challenges).toBe("Pluies");
    const audit = await demo.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "narrative"), eq(auditLog.entityId, first.narrative.id)));
    expect(audit.map((a) => a.action)).toEqual(["narrative.create", "narrative.update"]);
  });

  it("refuses staff, donors, closed periods and text that is too long, changing nothing", async () => {
    expect((await saveNarrative(as("staff@baseline.test"), { projectId: await p4(), period: "2026Q4", version: 2 }, text)).kind).toBe("forbidden");
    expect((await saveNarrative(as("donor.japan@baseline.test"), { projectId: await p4(), period: "2026Q4", version: 2 }, text)).kind).toBe("forbidden");
    expect(await periodStatus(demo.db, await p4(), "2025Q1")).toBe("approved");
    expect((await saveNarrative(as("manager@baseline.test"), { projectId: await p4(), period: "2025Q1", version: null }, text)).kind).toBe("forbidden");
    const tooLong = await saveNarrative(as("manager@baseline.test"), { projectId: await p4(), period: "2026Q4", version: 2 }, { ...text, highlights: "x".repeat(4001) });
    expect(tooLong).toEqual({ kind: "invalid", problems: [{ field: "highlights", code: "narrative_too_long" }] });
    expect((await saveNarrative(as("manager@baseline.test"), { projectId: await p4(), period: "2026Q4", version: 2 }, { ...text, language: "de" })).kind).toBe("invalid");
    expect((await getNarratives(as("manager@baseline.test"), await p4(), "2026Q4")).fr?.version).toBe(2);
  });

  it("shows donors the narrative of approved periods only", async () => {
    expect(await getNarratives(as("donor.japan@baseline.test"), await p4(), "2026Q4")).toEqual({});
    expect((await getNarratives(as("staff@baseline.test"), await p4(), "2026Q3")).en?.highlights).toMatch(/graduated/);
    // 2026Q3 is submitted, not approved: its narrative waits for the approval, as its figures do.
    expect(await periodStatus(demo.db, await p4(), "2026Q3")).toBe("submitted");
    expect(await getNarratives(as("donor.japan@baseline.test"), await p4(), "2026Q3")).toEqual({});
  });
});
