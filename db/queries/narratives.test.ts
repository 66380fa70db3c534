import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, projects } from "../schema";
import { demoDatabaseForTests } from "../test-database";
import { getNarratives, saveNarrative } from "./narratives";
import { periodStatus } from "./project-periods";

const demo = demoDatabaseForTests();

const { as } = demo;
const p4 = () => demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")).get()!.id;
const text = { language: "fr", highlights: "=HYPERLINK(\"http://example.invalid\",\"x\") reste tel quel", challenges: "", nextSteps: "Évaluer" };

describe("saveNarrative", () => {
  it("lets the manager write an open period's narrative once per version, with an audit entry", () => {
    const open = "2026Q4";
    expect(periodStatus(demo.db, p4(), open)).toBe("draft");
    const first = saveNarrative(as("manager@baseline.test"), { projectId: p4(), period: open, version: null }, text);
    expect(first.kind).toBe("saved");
    if (first.kind !== "saved") return;
    expect(first.narrative).toMatchObject({ highlights: text.highlights, challenges: null, nextSteps: "Évaluer", version: 1 });
    // A second writer who saw no narrative, or an older version, is refused.
    expect(saveNarrative(as("manager2@baseline.test"), { projectId: p4(), period: open, version: null }, text).kind).toBe("conflict");
    expect(saveNarrative(as("manager@baseline.test"), { projectId: p4(), period: open, version: 1 }, { ...text, challenges: "Pluies" })).toMatchObject({ kind: "saved", narrative: { version: 2, challenges: "Pluies" } });
    expect(saveNarrative(as("manager2@baseline.test"), { projectId: p4(), period: open, version: 1 }, text).kind).toBe("conflict");
    expect(getNarratives(as("manager@baseline.test"), p4(), open).fr?.challenges).toBe("Pluies");
    const audit = demo.db.select().from(auditLog).where(and(eq(auditLog.entityType, "narrative"), eq(auditLog.entityId, first.narrative.id))).all();
    expect(audit.map((a) => a.action)).toEqual(["narrative.create", "narrative.update"]);
  });

  it("refuses staff, donors, closed periods and text that is too long, changing nothing", () => {
    expect(saveNarrative(as("staff@baseline.test"), { projectId: p4(), period: "2026Q4", version: 2 }, text).kind).toBe("forbidden");
    expect(saveNarrative(as("donor.japan@baseline.test"), { projectId: p4(), period: "2026Q4", version: 2 }, text).kind).toBe("forbidden");
    expect(periodStatus(demo.db, p4(), "2025Q1")).toBe("approved");
    expect(saveNarrative(as("manager@baseline.test"), { projectId: p4(), period: "2025Q1", version: null }, text).kind).toBe("forbidden");
    const tooLong = saveNarrative(as("manager@baseline.test"), { projectId: p4(), period: "2026Q4", version: 2 }, { ...text, highlights: "x".repeat(4001) });
    expect(tooLong).toEqual({ kind: "invalid", problems: [{ field: "highlights", code: "narrative_too_long" }] });
    expect(saveNarrative(as("manager@baseline.test"), { projectId: p4(), period: "2026Q4", version: 2 }, { ...text, language: "de" }).kind).toBe("invalid");
    expect(getNarratives(as("manager@baseline.test"), p4(), "2026Q4").fr?.version).toBe(2);
  });

  it("shows donors the narrative of approved periods only", () => {
    expect(getNarratives(as("donor.japan@baseline.test"), p4(), "2026Q4")).toEqual({});
    expect(getNarratives(as("staff@baseline.test"), p4(), "2026Q3").en?.highlights).toMatch(/graduated/);
    // 2026Q3 is submitted, not approved: its narrative waits for the approval, as its figures do.
    expect(periodStatus(demo.db, p4(), "2026Q3")).toBe("submitted");
    expect(getNarratives(as("donor.japan@baseline.test"), p4(), "2026Q3")).toEqual({});
  });
});
