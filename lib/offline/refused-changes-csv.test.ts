import { describe, expect, it } from "vitest";
import { refusedChangesCsv, type RefusedCellRow } from "./refused-changes-csv";

const header = {
  project: "Projet",
  period: "Période",
  cell: "Cellule",
  locationCode: "Lieu",
  disaggregation: "Ventilation",
  value: "Valeur",
  numerator: "Numérateur",
  denominator: "Dénominateur",
  comment: "Commentaire",
  reason: "Refusée parce que",
  madeAt: "Faite le",
};

const row: RefusedCellRow = {
  project: "RW-REINT-P4",
  period: "2026Q4",
  cell: "OP2.3 Huye, Sexe : Femmes",
  locationCode: "RW-05-HUY",
  disaggregation: "sex=female",
  value: "1,5",
  numerator: "",
  denominator: "",
  comment: "=HYPERLINK(\"x\")",
  reason: "La période T4 2026 est soumise ; elle n’accepte plus de modification.",
  madeAt: "2026-12-01T09:30:00.000Z",
};

describe("refusedChangesCsv", () => {
  it("writes one line per refused cell under a header in the reader's language, for Excel", () => {
    const csv = refusedChangesCsv([row], header, "semicolon");
    expect(csv.startsWith("\uFEFFProjet;Période;Cellule;")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'RW-REINT-P4;2026Q4;OP2.3 Huye, Sexe : Femmes;RW-05-HUY;sex=female;1,5;;;"\'=HYPERLINK(""x"")";La période T4 2026 est soumise ; elle n’accepte plus de modification.;2026-12-01T09:30:00.000Z'.replace(
        "La période T4 2026 est soumise ; elle n’accepte plus de modification.",
        '"La période T4 2026 est soumise ; elle n’accepte plus de modification."',
      ),
    );
  });

  it("keeps a figure typed with a comma as typed, quoted where the delimiter is a comma", () => {
    const lines = refusedChangesCsv([row], header, "comma").slice(1).split("\r\n");
    expect(lines[1]?.split('"1,5"')).toHaveLength(2);
  });

  it("writes the header alone when nothing was refused", () => {
    expect(refusedChangesCsv([], header, "comma").slice(1).split("\r\n")).toEqual(["Projet,Période,Cellule,Lieu,Ventilation,Valeur,Numérateur,Dénominateur,Commentaire,Refusée parce que,Faite le", ""]);
  });
});
