import type { Executor } from "../engine/types";
import { dimensionOptions, dimensions, locations, organisations, serviceTypes } from "../tables";

// Reference data every installation has, demo or not: the built-in disaggregation dimensions and
// the kinds of service.

const DIMENSIONS = [
  {
    code: "sex",
    nameEn: "Sex",
    nameFr: "Sexe",
    options: [
      { code: "female", nameEn: "Female", nameFr: "Femme" },
      { code: "male", nameEn: "Male", nameFr: "Homme" },
      { code: "unknown", nameEn: "Unknown", nameFr: "Inconnu" },
    ],
  },
  {
    code: "age",
    nameEn: "Age group",
    nameFr: "Tranche d'âge",
    options: [
      { code: "0_17", nameEn: "Under 18", nameFr: "Moins de 18 ans", minAge: 0, maxAge: 17 },
      { code: "18_35", nameEn: "18 to 35", nameFr: "18 à 35 ans", minAge: 18, maxAge: 35 },
      { code: "36_59", nameEn: "36 to 59", nameFr: "36 à 59 ans", minAge: 36, maxAge: 59 },
      { code: "60_plus", nameEn: "60 and over", nameFr: "60 ans et plus", minAge: 60, maxAge: null },
    ],
  },
  {
    code: "group",
    nameEn: "Beneficiary group",
    nameFr: "Groupe de bénéficiaires",
    options: [
      { code: "returnee", nameEn: "Returnee from abroad", nameFr: "Rapatrié" },
      { code: "returning_idp", nameEn: "Returning IDP", nameFr: "Déplacé interne de retour" },
      { code: "host_community", nameEn: "Host community", nameFr: "Communauté d'accueil" },
      { code: "idp", nameEn: "Internally displaced person", nameFr: "Déplacé interne" },
    ],
  },
] as const;

export const SERVICE_TYPES = [
  { code: "vocational_training", nameEn: "Vocational training", nameFr: "Formation professionnelle" },
  { code: "livestock", nameEn: "Livestock support", nameFr: "Aide à l'élevage" },
  { code: "shelter_materials", nameEn: "Construction materials for housing", nameFr: "Matériaux de construction pour le logement" },
] as const;

export async function seedReferenceData(tx: Executor): Promise<void> {
  for (const [position, dimension] of DIMENSIONS.entries()) {
    const { id } = (
      await tx.insert(dimensions).values({ code: dimension.code, nameEn: dimension.nameEn, nameFr: dimension.nameFr, position }).returning({ id: dimensions.id })
    )[0]!;
    await tx.insert(dimensionOptions).values(dimension.options.map((option, i) => ({ ...option, dimensionId: id, position: i })));
  }
  await tx.insert(serviceTypes).values([...SERVICE_TYPES]);
}

/** The age group (an option code of "age") of someone born in `birthYear`, on `date`. */
export function ageGroupOn(birthYear: number, date: string): string {
  const age = Number(date.slice(0, 4)) - birthYear;
  if (age < 18) return "0_17";
  if (age <= 35) return "18_35";
  if (age <= 59) return "36_59";
  return "60_plus";
}

export type Ids = Map<string, number>;

/** Inserts rows that have a unique code and returns their ids by code. */
export async function insertOrganisations(tx: Executor, rows: (typeof organisations.$inferInsert)[]): Promise<Ids> {
  const ids: Ids = new Map();
  for (const row of rows) ids.set(row.code, (await tx.insert(organisations).values(row).returning({ id: organisations.id }))[0]!.id);
  return ids;
}

type LocationSeed = Omit<typeof locations.$inferInsert, "parentId"> & { parent?: string };

export async function insertLocations(tx: Executor, rows: LocationSeed[], ids: Ids = new Map()): Promise<Ids> {
  for (const { parent, ...row } of rows) {
    const parentId = parent === undefined ? null : ids.get(parent);
    if (parentId === undefined) throw new Error(`Unknown parent location ${parent}`);
    ids.set(
      row.code,
      (
        await tx
          .insert(locations)
          .values({ ...row, parentId })
          .returning({ id: locations.id })
      )[0]!.id,
    );
  }
  return ids;
}
