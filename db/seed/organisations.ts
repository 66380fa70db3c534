import type { Executor } from "../engine/types";
import { insertOrganisations, type Ids } from "./reference";

/** IOM and the partners and donors of the two source projects (no press contacts). */
export async function seedOrganisations(tx: Executor): Promise<Ids> {
  return insertOrganisations(tx, [
    {
      code: "IOM",
      nameEn: "International Organization for Migration",
      nameFr: "Organisation internationale pour les migrations",
      acronym: "IOM",
      type: "implementer",
      iatiRef: "XM-DAC-47066",
      iatiType: "40",
    },
    {
      code: "MIDIMAR",
      nameEn: "Ministry of Disaster Management and Refugee Affairs, Rwanda",
      nameFr: "Ministère de la gestion des catastrophes et des affaires aux réfugiés, Rwanda",
      acronym: "MIDIMAR",
      type: "government",
      iatiType: "10",
    },
    // No IATI identifier was verified for the Government of Japan itself: it is named, without a ref.
    { code: "JAPAN", nameEn: "Government of Japan", nameFr: "Gouvernement du Japon", type: "donor", iatiType: "10" },
    {
      code: "NL-MFA",
      nameEn: "Ministry of Foreign Affairs of the Netherlands",
      nameFr: "Ministère des Affaires étrangères des Pays-Bas",
      type: "donor",
      iatiRef: "XM-DAC-7",
      iatiType: "10",
    },
    {
      code: "CD-GOV",
      nameEn: "Government of the Democratic Republic of the Congo",
      nameFr: "Gouvernement de la République démocratique du Congo",
      type: "government",
      iatiType: "10",
    },
  ]);
}
