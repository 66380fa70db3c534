import type { Executor } from "../engine/types";
import { narratives, programmes, type NewDataValue } from "../tables";
import { periodEnd, periodsBetween } from "../../lib/periods/period";
import { createRandom, type Random } from "./random";
import { insertLocations } from "./reference";
import { enteredAtFor, statusSchedule } from "./statuses";
import { insertTraining } from "./trainings";
import { idOf, insertDataValues, insertFramework, insertProject, type IndicatorSeed, type ResultSeed, type SeedRefs } from "./writer";

// "Human security in the territories of Rutshuru and Nyiragongo", North Kivu, DRC. Published: a
// pilot of IOM's community recovery and resilience programme, funded by the Netherlands, launched in
// November 2013; local committees for peace and development running quick-impact projects; support
// and SGBV training for returning civil servants; some 200,000 IDPs in IOM-managed sites. The end
// date, targets and quarterly actuals are illustrative.

export const DRC_PROJECT = { code: "CD-HSEC-NK", start: "2013-11-01", end: "2027-12-31" } as const;
export const DRC_TERRITORIES = ["CD-NK-RUT", "CD-NK-NYI"] as const;
export const IDPS_IN_SITES = 200_000;

const NOTE_EN =
  "Illustrative figures except those published: the launch in November 2013, the Netherlands' funding, the territories of Rutshuru and Nyiragongo, and the 200,000 IDPs living in IOM-managed displacement sites. The end date, targets and quarterly actuals are illustrative.";
const NOTE_FR =
  "Chiffres illustratifs, sauf ceux publiés : le lancement en novembre 2013, le financement des Pays-Bas, les territoires de Rutshuru et Nyiragongo et les 200 000 déplacés vivant dans les sites gérés par l'OIM. La date de fin, les cibles et les résultats trimestriels sont illustratifs.";

const RESULTS: ResultSeed[] = [
  {
    code: "IM1",
    type: "impact",
    titleEn: "Displaced people return and reintegrate in safety in Rutshuru and Nyiragongo",
    titleFr: "Les personnes déplacées retournent et se réintègrent en sécurité à Rutshuru et Nyiragongo",
  },
  {
    code: "OC1",
    type: "outcome",
    parent: "IM1",
    titleEn: "Return communities recover and essential state functions resume in the priority zones",
    titleFr: "Les communautés de retour se relèvent et les fonctions essentielles de l'État reprennent dans les zones prioritaires",
  },
  {
    code: "OP1",
    type: "output",
    parent: "OC1",
    titleEn: "Local committees for peace and development run quick-impact projects for reconstruction and jobs",
    titleFr: "Les comités locaux pour la paix et le développement mettent en œuvre des projets à effet rapide de reconstruction et d'emploi",
  },
  {
    code: "OP2",
    type: "output",
    parent: "OC1",
    titleEn: "Returning civil servants are supported and trained to prevent and respond to SGBV",
    titleFr: "Les fonctionnaires de retour sont soutenus et formés à la lutte contre les violences sexuelles et sexistes",
  },
];

const INDICATORS: IndicatorSeed[] = [
  {
    code: "OP1.1",
    result: "OP1",
    nameEn: "Local committees for peace and development re-established",
    nameFr: "Comités locaux pour la paix et le développement rétablis",
    measure: "number",
    timeAggregation: "cumulative",
    baselineValue: 0,
    target: 14,
    unitEn: "committees",
    unitFr: "comités",
  },
  {
    code: "OP1.2",
    result: "OP1",
    nameEn: "Quick-impact projects completed",
    nameFr: "Projets à effet rapide achevés",
    measure: "number",
    timeAggregation: "incremental",
    baselineValue: 0,
    target: 80,
    unitEn: "projects",
    unitFr: "projets",
  },
  {
    code: "OP1.3",
    result: "OP1",
    nameEn: "People employed by quick-impact projects",
    nameFr: "Personnes employées par les projets à effet rapide",
    measure: "number",
    timeAggregation: "incremental",
    baselineValue: 0,
    target: 2400,
    unitEn: "people",
    unitFr: "personnes",
    dimensions: ["sex", "group"],
  },
  {
    code: "OP2.1",
    result: "OP2",
    nameEn: "Returning civil servants who received minimal support",
    nameFr: "Fonctionnaires de retour ayant reçu un soutien minimum",
    measure: "number",
    timeAggregation: "incremental",
    baselineValue: 0,
    target: 300,
    unitEn: "civil servants",
    unitFr: "fonctionnaires",
    dimensions: ["sex"],
  },
  {
    code: "OP2.2",
    result: "OP2",
    nameEn: "Civil servants trained to prevent and respond to SGBV",
    nameFr: "Fonctionnaires formés à la prévention et à la réponse aux violences sexuelles et sexistes",
    measure: "number",
    timeAggregation: "cumulative",
    baselineValue: 0,
    target: 150,
    source: "trainings",
    sourceTrainingKind: "capacity_building",
    sourceTrainingTopic: "sgbv_prevention",
    unitEn: "civil servants",
    unitFr: "fonctionnaires",
    dimensions: ["sex", "age"],
  },
  {
    code: "CX1",
    isContext: true,
    nameEn: "IDPs living in IOM-managed displacement sites",
    nameFr: "Déplacés vivant dans les sites de déplacement gérés par l'OIM",
    definitionEn: "Caseload from IOM's camp coordination and camp management (CCCM) site profiles across the DRC. Context only: not people reached by this project.",
    definitionFr:
      "Population des sites d'après les profils de sites de la coordination et gestion des camps (CCCM) de l'OIM en RDC. Contexte uniquement : pas des personnes atteintes par ce projet.",
    measure: "number",
    timeAggregation: "cumulative",
    unitEn: "people",
    unitFr: "personnes",
  },
];

export async function seedDrc(tx: Executor, refs: SeedRefs, today: string): Promise<void> {
  await insertLocations(
    tx,
    [
      {
        code: "CD",
        nameEn: "Democratic Republic of the Congo",
        nameFr: "République démocratique du Congo",
        level: "country",
        countryCode: "CD",
        latitude: -2.88,
        longitude: 23.66,
      },
      { code: "CD-NK", nameEn: "North Kivu", nameFr: "Nord-Kivu", level: "province", countryCode: "CD", parent: "CD", latitude: -0.79, longitude: 29.05 },
      { code: "CD-NK-RUT", nameEn: "Rutshuru", nameFr: "Rutshuru", level: "territory", countryCode: "CD", parent: "CD-NK", latitude: -1.19, longitude: 29.45 },
      { code: "CD-NK-NYI", nameEn: "Nyiragongo", nameFr: "Nyiragongo", level: "territory", countryCode: "CD", parent: "CD-NK", latitude: -1.52, longitude: 29.25 },
    ],
    refs.locations,
  );
  const programme = (
    await tx
      .insert(programmes)
      .values({
        code: "CD-CRR",
        titleEn: "Community recovery and resilience in the DRC",
        titleFr: "Relèvement et résilience communautaire en RDC",
        summaryEn: "IOM's programme of community recovery and resilience in the east of the Democratic Republic of the Congo.",
        summaryFr: "Programme de l'OIM de relèvement et de résilience communautaire dans l'est de la République démocratique du Congo.",
        countryId: idOf(refs.locations, "CD"),
        startDate: DRC_PROJECT.start,
      })
      .returning({ id: programmes.id })
  )[0]!;
  refs.programmes.set("CD-CRR", programme.id);

  const projectId = await insertProject(tx, refs, {
    code: DRC_PROJECT.code,
    programme: "CD-CRR",
    phase: 1,
    titleEn: "Human security in the territories of Rutshuru and Nyiragongo",
    titleFr: "La sécurité humaine sur les territoires de Rutshuru et Nyiragongo",
    summaryEn:
      "A pilot project launched in November 2013, after the M-23 rebels withdrew from Goma, to support the return and reintegration of internally displaced persons, invest in return communities and help restore essential state functions in priority zones chosen with the government from IOM's return forecasts. Local committees for peace and development run quick-impact projects; returning civil servants receive minimal support and training on preventing and responding to sexual and gender-based violence.",
    summaryFr:
      "Projet pilote lancé en novembre 2013, après le retrait des rebelles du M-23 de Goma, pour aider au retour et à la réintégration des personnes déplacées, investir dans les communautés de retour et promouvoir le rétablissement des fonctions essentielles de l'État dans des zones prioritaires choisies avec le gouvernement à partir des prévisions de retour de l'OIM. Des comités locaux pour la paix et le développement mettent en œuvre des projets à effet rapide ; les fonctionnaires de retour reçoivent un soutien minimum et une formation sur la lutte contre les violences sexuelles et sexistes.",
    status: "active",
    startDate: DRC_PROJECT.start,
    endDate: DRC_PROJECT.end,
    country: "CD",
    reportingFrequency: "quarterly",
    householdSize: 5,
    householdSizeSource: "Assumed average household size for North Kivu (illustrative).",
    currency: "USD",
    dataNoteEn: NOTE_EN,
    dataNoteFr: NOTE_FR,
    organisations: [
      ["NL-MFA", "funding"],
      ["IOM", "implementing"],
      ["IOM", "accountable"],
      ["CD-GOV", "partner"],
    ],
    locations: ["CD", ...DRC_TERRITORIES],
    budgets: Array.from({ length: 15 }, (_, i) => [2013 + i, i === 0 ? 150_000 : 700_000] as [number, number]),
    // Rehabilitation after the conflict, with relief for the displaced and its coordination.
    sectors: [
      ["73010", 60],
      ["72010", 25],
      ["72050", 15],
    ],
  });
  const indicatorIds = await insertFramework(tx, refs, projectId, RESULTS, INDICATORS);
  const random = createRandom(2013);
  await seedDrcValues(tx, refs, random, indicatorIds, today);
  await seedSgbvTrainings(tx, refs, projectId);
  await tx.insert(narratives).values({
    projectId,
    period: "2026Q2",
    language: "fr",
    highlights: "Deux nouveaux comités pour la paix et le développement à Rutshuru ; achèvement de la réhabilitation du marché de Kiwanja.",
    challenges: "L'insécurité sur l'axe Rutshuru-Bunagana a suspendu les visites de suivi pendant trois semaines.",
    nextSteps: "Former une nouvelle promotion de fonctionnaires à la prise en charge des survivants de violences sexuelles.",
    updatedBy: idOf(refs.users, "manager@baseline.test"),
  });
}

export const DRC_STATUS = statusSchedule("2026Q2", { "2026Q3": "returned", "2026Q4": "draft" });

async function seedDrcValues(tx: Executor, refs: SeedRefs, random: Random, indicatorIds: Map<string, number>, today: string): Promise<void> {
  const rows: NewDataValue[] = [];
  const enteredBy = idOf(refs.users, "manager@baseline.test");
  const add = (code: string, period: string, location: string, disaggregation: string, value: number, comment: string | null = null) =>
    rows.push({
      indicatorId: idOf(indicatorIds, code),
      period,
      locationId: idOf(refs.locations, location),
      disaggregation,
      value,
      status: DRC_STATUS(period),
      comment,
      enteredBy,
      enteredAt: enteredAtFor(periodEnd(period), today),
    });

  const periods = periodsBetween(DRC_PROJECT.start, "2026-12-31", "quarter");
  const committees = { "CD-NK-RUT": 0, "CD-NK-NYI": 0 };
  const committeeCaps = { "CD-NK-RUT": 8, "CD-NK-NYI": 5 };
  periods.forEach((period, q) => {
    const open = DRC_STATUS(period) !== "approved";
    for (const territory of DRC_TERRITORIES) {
      // Committees are a running total; Nyiragongo reports it every other quarter only, keeping its last value between.
      if (q > 0 && committees[territory] < committeeCaps[territory] && random.chance(0.35)) committees[territory] += 1;
      if (territory === "CD-NK-RUT" || q % 2 === 0) add("OP1.1", period, territory, "", committees[territory]);
      if (q === 0) continue;
      if (period >= "2017Q1" && period < "2024Q1" && random.chance(0.7)) continue; // few projects in the years between
      const projects = random.int(0, 2);
      add("OP1.2", period, territory, "", projects, territory === "CD-NK-RUT" && period === "2026Q2" ? "Kiwanja market rehabilitation completed." : null);
      if (projects > 0) {
        const employed = projects * random.int(12, 30);
        const women = Math.round(employed * (0.3 + random.next() * 0.2));
        const returning = Math.round(employed * (0.55 + random.next() * 0.25));
        add("OP1.3", period, territory, "", employed, open && territory === "CD-NK-NYI" ? "Sex split to be confirmed with the committee's payroll." : null);
        add("OP1.3", period, territory, "sex=female", women);
        add("OP1.3", period, territory, "sex=male", employed - women);
        add("OP1.3", period, territory, "group=returning_idp", returning);
        add("OP1.3", period, territory, "group=host_community", employed - returning);
      }
      if (period <= "2016Q4") {
        const supported = random.int(3, 12);
        const women = Math.round(supported * 0.3);
        add("OP2.1", period, territory, "", supported);
        add("OP2.1", period, territory, "sex=female", women);
        add("OP2.1", period, territory, "sex=male", supported - women);
      }
    }
    // The caseload of IOM-managed sites across the DRC: 200,000 at launch and in the latest approved profile.
    if (DRC_STATUS(period) === "approved") {
      const latest = period === "2026Q2";
      const caseload = q === 0 || latest ? IDPS_IN_SITES : 150_000 + random.int(0, 90) * 1_000;
      add("CX1", period, "CD", "", caseload, latest ? "CCCM site profiles, IOM-managed sites across the DRC." : null);
    }
  });
  await insertDataValues(tx, rows);
}

async function seedSgbvTrainings(tx: Executor, refs: SeedRefs, projectId: number): Promise<void> {
  const sessions = [
    ["CD-NK-RUT", "2014-03-10", "2014-03-14", 14, 21],
    ["CD-NK-NYI", "2014-06-16", "2014-06-20", 12, 18],
    ["CD-NK-RUT", "2015-02-09", "2015-02-13", 11, 17],
    ["CD-NK-NYI", "2016-05-23", "2016-05-27", 13, 19],
  ] as const;
  for (const [i, [territory, start, end, women, men]] of sessions.entries()) {
    await insertTraining(
      tx,
      {
        projectId,
        title: `SGBV prevention and response for returning civil servants, session ${i + 1}`,
        kind: "capacity_building",
        topic: "sgbv_prevention",
        locationId: idOf(refs.locations, territory),
        startDate: start,
        endDate: end,
        facilitator: "IOM protection team",
      },
      [
        { sex: "female", ageGroup: "36_59", count: women },
        { sex: "male", ageGroup: "36_59", count: men },
      ],
    );
  }
}
