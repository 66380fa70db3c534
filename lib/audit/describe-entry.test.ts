import { describe, expect, it } from "vitest";
import { translatorFor } from "../i18n/translator";
import { auditNames, describeAuditEntry, type AuditEntry } from "./describe-entry";

const sources = {
  indicators: [{ id: 7, code: "OP2.3" }],
  places: [{ code: "RW-05-GIS", nameEn: "Gisagara", nameFr: null }],
  users: [{ id: 4, name: "Aline Uwase" }],
  options: [{ dimension: "sex", dimensionEn: "Sex", dimensionFr: "Sexe", option: "female", optionEn: "Female", optionFr: "Femme" }],
};
const en = translatorFor("en");
const fr = translatorFor("fr");
const namesEn = auditNames(sources, en, "en");
const namesFr = auditNames(sources, fr, "fr");

const entry = (action: string, details: unknown, more: Partial<AuditEntry> = {}): AuditEntry => ({
  action,
  userName: "Demo programme manager",
  projectCode: "RW-REINT-P4",
  entityId: null,
  details: JSON.stringify(details),
  ...more,
});
const cell = { indicatorId: 7, period: "2026Q4", locationCode: "RW-05-GIS", disaggregation: "" };

describe("describeAuditEntry", () => {
  it("says who changed which figure from what to what, in the reader's language and number format", () => {
    const changed = entry("data_value.update", { cell, before: { value: 2 }, after: { value: 5000 }, comment: null });
    expect(describeAuditEntry(changed, namesEn, en, "en")).toBe("Demo programme manager changed OP2.3 · Gisagara · Q4\u00a02026 from 2 to 5,000");
    expect(describeAuditEntry(changed, namesFr, fr, "fr")).toBe("Demo programme manager a modifié OP2.3 · Gisagara · T4\u00a02026 de 2 à 5\u202f000");
  });

  it("tells the decisions on likely duplicates and the changes of an import mapping, in both languages", () => {
    const merge = entry("beneficiary.merge", { kept: "RW-008247", removed: "RW-008248", servicesMoved: 1 });
    expect(describeAuditEntry(merge, namesEn, en, "en")).toBe("Demo programme manager merged RW-008248 into RW-008247 in RW-REINT-P4 (same person)");
    expect(describeAuditEntry(merge, namesFr, fr, "fr")).toBe("Demo programme manager a fusionné RW-008248 avec RW-008247 dans RW-REINT-P4 (même personne)");
    const undo = entry("beneficiary.merge_undo", { kept: "RW-008247", restored: "RW-008248" });
    expect(describeAuditEntry(undo, namesEn, en, "en")).toBe("Demo programme manager undid the merge of RW-008248 into RW-008247 in RW-REINT-P4");
    const distinct = entry("duplicate.distinct", { first: "A-1", second: "a 1" });
    expect(describeAuditEntry(distinct, namesFr, fr, "fr")).toBe("Demo programme manager a indiqué que A-1 et a 1 de RW-REINT-P4 sont des personnes différentes");
    const mapping = entry("import_mapping.update", { before: { name: "Kobo v2" }, after: { name: "Kobo registration v3" } });
    expect(describeAuditEntry(mapping, namesEn, en, "en")).toBe("Demo programme manager changed the import mapping “Kobo registration v3” of RW-REINT-P4");
    expect(describeAuditEntry(entry("import_mapping.delete", { before: { name: "Kobo v2" } }), namesFr, fr, "fr")).toBe(
      "Demo programme manager a supprimé la correspondance d’import «\u202fKobo v2\u202f» de RW-REINT-P4",
    );
    expect(describeAuditEntry(entry("duplicate.scan", { found: 3 }), namesEn, en, "en")).toBe("Demo programme manager looked for duplicates in RW-REINT-P4: 3 likely pairs found");
  });

  it("names the option of a disaggregated figure and shows ratios and comments", () => {
    const ratio = entry("data_value.create", {
      cell: { ...cell, disaggregation: "sex=female" },
      before: null,
      after: { numerator: 39, denominator: 50 },
      comment: "Survey of March",
    });
    expect(describeAuditEntry(ratio, namesEn, en, "en")).toBe("Demo programme manager entered OP2.3 · Gisagara · Q4\u00a02026 · Sex: Female: 39/50 (comment: Survey of March)");
    expect(describeAuditEntry(ratio, namesFr, fr, "fr")).toContain("Sexe\u202f: Femme");
  });

  it("words period decisions with their comment", () => {
    const returned = entry("period.return", { period: "2026Q3", before: "submitted", after: "returned", comment: "Check Huye" }, { userName: "Demo administrator" });
    expect(describeAuditEntry(returned, namesEn, en, "en")).toBe("Demo administrator returned Q3\u00a02026 of RW-REINT-P4 to the managers (comment: Check Huye)");
  });

  it("names the person an account change is about, and the roles in the reader's language", () => {
    const role = entry("user.role", { before: "staff", after: "manager" }, { entityId: 4, projectCode: null, userName: "Demo administrator" });
    expect(describeAuditEntry(role, namesEn, en, "en")).toBe("Demo administrator changed the role of Aline Uwase from Staff to Programme manager");
    const projects = entry("user.projects", { added: ["RW-REINT-P4"], removed: [] }, { entityId: 4, projectCode: null, userName: "Demo administrator" });
    expect(describeAuditEntry(projects, namesEn, en, "en")).toBe("Demo administrator gave Aline Uwase the project RW-REINT-P4");
    const both = entry("user.projects", { added: ["CD-HSEC-NK"], removed: ["RW-REINT-P4", "RW-REINT-P3"] }, { entityId: 4, projectCode: null, userName: "Demo administrator" });
    expect(describeAuditEntry(both, namesFr, fr, "fr")).toBe("Demo administrator a confié CD-HSEC-NK à Aline Uwase et lui a retiré RW-REINT-P4 et RW-REINT-P3");
    const left = entry("user.organisation", { before: "JAPAN", after: null }, { entityId: 4, projectCode: null, userName: "Demo administrator" });
    expect(describeAuditEntry(left, namesEn, en, "en")).toBe("Demo administrator took Aline Uwase out of the organisation JAPAN");
  });

  it("keeps an entry readable when what it names is gone or its details are not JSON", () => {
    const gone = entry("data_value.delete", { cell: { ...cell, indicatorId: 99, locationCode: "XX" }, before: { value: 3 } });
    expect(describeAuditEntry(gone, namesEn, en, "en")).toBe("Demo programme manager cleared #99 · XX · Q4\u00a02026 (it was 3)");
    expect(describeAuditEntry({ ...entry("user.disable", {}), details: "not json", entityId: 12 }, namesEn, en, "en")).toBe("Demo programme manager disabled the account of #12");
  });

  it("names an action it does not know as recorded, and the system when nobody acted", () => {
    expect(describeAuditEntry(entry("future.thing", {}), namesEn, en, "en")).toBe("Demo programme manager: future.thing");
    expect(describeAuditEntry(entry("user.lock", { email: "a@b.org", until: "2026-11-30T15:00:00.000Z" }, { userName: null }), namesEn, en, "en")).toBe(
      "a@b.org was locked after repeated wrong passwords, until 30 Nov 2026, 15:00:00 UTC",
    );
  });
});
