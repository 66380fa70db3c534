import { REGISTRY_CSV_COLUMNS } from "../../lib/beneficiaries/registry-csv";

// A registry file of the Rwanda phase IV's places and services, two services per person, for the
// import benchmark and the test that kills an import half-way.

const DISTRICTS = ["RW-05-GIS", "RW-05-HUY", "RW-05-NYR", "RW-05-NYM", "RW-04-KAR", "RW-04-NYB", "RW-04-RUB", "RW-04-RUT", "RW-03-MUS"];
const SERVICES = ["vocational_training", "livestock", "shelter_materials"];

export function sampleRegistryCsv(rows: number, prefix = "BENCH"): string {
  const lines = [REGISTRY_CSV_COLUMNS.join(",")];
  for (let row = 0; row < rows; row++) {
    const person = Math.floor(row / 2);
    const ref = `${prefix}-${String(person).padStart(7, "0")}`;
    const service = SERVICES[(person + (row % 2)) % 3];
    const month = String((row % 12) + 1).padStart(2, "0");
    lines.push(`${ref},HH-${ref},${person % 2 ? "male" : "female"},${1960 + (person % 45)},returnee,${DISTRICTS[person % 9]},${3 + (person % 5)},${service},2025-${month}-15`);
  }
  return `${lines.join("\n")}\n`;
}
