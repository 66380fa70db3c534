import type { Executor } from "../engine/types";
import { insertLocations, type Ids } from "./reference";

/** The nine districts the trainers of Phase IV come from (published), with their provinces. */
export const RWANDA_DISTRICTS = [
  { code: "RW-05-GIS", nameEn: "Gisagara", province: "RW-05", latitude: -2.6, longitude: 29.83 },
  { code: "RW-05-HUY", nameEn: "Huye", province: "RW-05", latitude: -2.6, longitude: 29.74 },
  { code: "RW-05-NYR", nameEn: "Nyaruguru", province: "RW-05", latitude: -2.7, longitude: 29.55 },
  { code: "RW-05-NYM", nameEn: "Nyamagabe", province: "RW-05", latitude: -2.45, longitude: 29.5 },
  { code: "RW-04-KAR", nameEn: "Karongi", province: "RW-04", latitude: -2.08, longitude: 29.4 },
  { code: "RW-04-NYB", nameEn: "Nyabihu", province: "RW-04", latitude: -1.65, longitude: 29.5 },
  { code: "RW-04-RUB", nameEn: "Rubavu", province: "RW-04", latitude: -1.68, longitude: 29.33 },
  { code: "RW-04-RUT", nameEn: "Rutsiro", province: "RW-04", latitude: -1.93, longitude: 29.33 },
  { code: "RW-03-MUS", nameEn: "Musanze", province: "RW-03", latitude: -1.5, longitude: 29.63 },
] as const;

export const RWANDA_DISTRICT_CODES = RWANDA_DISTRICTS.map((d) => d.code);

export async function seedRwandaPlaces(tx: Executor, ids: Ids): Promise<void> {
  await insertLocations(
    tx,
    [
      { code: "RW", nameEn: "Rwanda", nameFr: "Rwanda", level: "country", countryCode: "RW", latitude: -1.94, longitude: 29.87 },
      { code: "RW-05", nameEn: "Southern Province", nameFr: "Province du Sud", level: "province", countryCode: "RW", parent: "RW", latitude: -2.6, longitude: 29.74 },
      { code: "RW-04", nameEn: "Western Province", nameFr: "Province de l'Ouest", level: "province", countryCode: "RW", parent: "RW", latitude: -2.05, longitude: 29.35 },
      { code: "RW-03", nameEn: "Northern Province", nameFr: "Province du Nord", level: "province", countryCode: "RW", parent: "RW", latitude: -1.6, longitude: 29.9 },
      ...RWANDA_DISTRICTS.map(({ province, ...district }) => ({
        ...district,
        nameFr: district.nameEn,
        level: "district" as const,
        countryCode: "RW",
        parent: province,
      })),
    ],
    ids,
  );
}
