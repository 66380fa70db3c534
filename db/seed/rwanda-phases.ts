import type { Executor } from "../engine/types";
import { programmes } from "../tables";
import { createRandom } from "./random";
import { dateBetween, insertRegistry, personRef, randomSex, type PersonSeed } from "./registry";
import { RWANDA_RESULTS, rwandaIndicators } from "./rwanda-framework";
import { RWANDA_DISTRICT_CODES } from "./rwanda-places";
import { insertDataValues, insertFramework, insertProject, idOf, type SeedRefs } from "./writer";

// Programme RW-REINT and its completed phases I-III. Published: the programme since 2010 with
// MIDIMAR; more than 8,000 direct and 40,000 indirect beneficiaries; over phases I-III an average
// income increase of 78% and improved living conditions for 63% of those who received housing
// support. Everything else (dates, per-phase splits, records) is illustrative.

export const PHASES_I_TO_III_NOTE_EN =
  "Illustrative records and dates, except the published totals: more than 8,000 direct and more than 40,000 indirect beneficiaries since 2010, an average income increase of 78% and improved living conditions for 63% of those who received housing support over phases I-III.";
export const PHASES_I_TO_III_NOTE_FR =
  "Enregistrements et dates illustratifs, sauf les totaux publiés : plus de 8 000 bénéficiaires directs et plus de 40 000 indirects depuis 2010, une augmentation moyenne des revenus de 78 % et de meilleures conditions de vie pour 63 % des bénéficiaires d'une aide au logement au cours des phases I à III.";

const ROMAN = ["I", "II", "III", "IV"] as const;

/** People registered per phase: 2,450 + 2,700 + 2,990 = 8,140 distinct people. */
export const PHASES = [
  { phase: 1, start: "2010-03-01", end: "2012-12-31", people: 2450, sharedHouseholds: 10, survey: { income: [511, 700], housing: [290, 500] } },
  { phase: 2, start: "2013-01-01", end: "2016-12-31", people: 2700, sharedHouseholds: 10, survey: { income: [632, 800], housing: [384, 600] } },
  { phase: 3, start: "2017-01-01", end: "2024-06-30", people: 2990, sharedHouseholds: 10, survey: { income: [729, 900], housing: [460, 700] } },
] as const;

/** Return and reintegration of migrants, with the vocational training and jobs it brings; not 15240 (demobilised soldiers). */
export const RWANDA_SECTORS: [string, number][] = [
  ["15190", 60],
  ["11330", 25],
  ["16020", 15],
];

export const RWANDA_PERSON_PREFIX = "RW";

export async function seedRwandaProgramme(tx: Executor, refs: SeedRefs): Promise<void> {
  const { id } = (
    await tx
      .insert(programmes)
      .values({
        code: "RW-REINT",
        titleEn: "Sustainable reintegration of Rwandan returnees",
        titleFr: "Réintégration durable des rapatriés rwandais",
        summaryEn:
          "Since 2010 IOM and the Ministry of Disaster Management and Refugee Affairs (MIDIMAR) have helped Rwandan refugees returning from neighbouring countries such as the DRC and Uganda, and vulnerable members of host communities, to rebuild their livelihoods.",
        summaryFr:
          "Depuis 2010, l'OIM et le Ministère de la gestion des catastrophes et des affaires aux réfugiés (MIDIMAR) aident les réfugiés rwandais de retour des pays voisins, tels que la RDC et l'Ouganda, ainsi que les membres vulnérables des communautés d'accueil, à reconstruire leurs moyens de subsistance.",
        countryId: idOf(refs.locations, "RW"),
        startDate: "2010-03-01",
      })
      .returning({ id: programmes.id })
  )[0]!;
  refs.programmes.set("RW-REINT", id);
}

/** Phases I-III; returns the next free person number, so that Phase IV registers other people. */
export async function seedRwandaPhasesOneToThree(tx: Executor, refs: SeedRefs): Promise<number> {
  const random = createRandom(2010);
  let nextPerson = 1;
  for (const spec of PHASES) {
    const code = `RW-REINT-P${spec.phase}`;
    const roman = ROMAN[spec.phase - 1];
    const years = Number(spec.end.slice(0, 4)) - Number(spec.start.slice(0, 4)) + 1;
    const projectId = await insertProject(tx, refs, {
      code,
      programme: "RW-REINT",
      phase: spec.phase,
      titleEn: `Sustainable reintegration of Rwandan returnees, Phase ${roman}`,
      titleFr: `Réintégration durable des rapatriés rwandais, phase ${roman}`,
      summaryEn: `Phase ${roman} of the programme: vocational training, livestock support and construction materials for Rwandan returnees and vulnerable members of host communities.`,
      summaryFr: `Phase ${roman} du programme : formation professionnelle, aide à l'élevage et matériaux de construction pour les rapatriés rwandais et les membres vulnérables des communautés d'accueil.`,
      status: "completed",
      startDate: spec.start,
      endDate: spec.end,
      country: "RW",
      reportingFrequency: "yearly",
      householdSize: 5,
      householdSizeSource: "Programme convention: about 5 people per household (IOM press release).",
      currency: "USD",
      dataNoteEn: PHASES_I_TO_III_NOTE_EN,
      dataNoteFr: PHASES_I_TO_III_NOTE_FR,
      organisations: [
        ["IOM", "implementing"],
        ["IOM", "accountable"],
        ["MIDIMAR", "partner"],
      ],
      locations: ["RW", ...RWANDA_DISTRICT_CODES],
      budgets: Array.from({ length: years }, (_, i) => [Number(spec.start.slice(0, 4)) + i, 650_000] as [number, number]),
      sectors: RWANDA_SECTORS,
    });

    const people = phasePeople(random, spec, nextPerson);
    nextPerson += people.length;
    const served = (service: string) => people.filter((p) => p.services.some((s) => s.code === service)).length;
    const indicatorIds = await insertFramework(
      tx,
      refs,
      projectId,
      RWANDA_RESULTS,
      rwandaIndicators({
        direct: Math.round(spec.people / 100) * 100,
        vocational: Math.round(served("vocational_training") / 50) * 50,
        livestock: Math.round(served("livestock") / 50) * 50,
        shelter: Math.round(served("shelter_materials") / 50) * 50,
        income: 50,
        housing: 60,
      }),
    );
    await insertRegistry(tx, refs, projectId, people);

    // The endline survey of each phase: approved figures at country level.
    const endline = spec.end.slice(0, 4);
    const enteredAt = `${endline}-12-20T09:00:00.000Z`;
    await insertDataValues(tx, [
      {
        indicatorId: idOf(indicatorIds, "OC1.1"),
        period: endline,
        locationId: idOf(refs.locations, "RW"),
        numerator: spec.survey.income[0],
        denominator: spec.survey.income[1],
        status: "approved",
        comment: `Endline survey of Phase ${roman}, ${spec.survey.income[1]} respondents.`,
        enteredBy: idOf(refs.users, "admin@baseline.test"),
        enteredAt,
      },
      {
        indicatorId: idOf(indicatorIds, "OC1.2"),
        period: endline,
        locationId: idOf(refs.locations, "RW"),
        numerator: spec.survey.housing[0],
        denominator: spec.survey.housing[1],
        status: "approved",
        comment: `Endline survey of Phase ${roman}: recipients of construction materials.`,
        enteredBy: idOf(refs.users, "admin@baseline.test"),
        enteredAt,
      },
    ]);
  }
  return nextPerson;
}

const SERVICE_WEIGHTS = [
  ["vocational_training", 0.3],
  ["livestock", 0.35],
  ["shelter_materials", 0.35],
] as const;

function pickService(value: number): string {
  let cumulated = 0;
  for (const [code, weight] of SERVICE_WEIGHTS) {
    cumulated += weight;
    if (value < cumulated) return code;
  }
  return "shelter_materials"; // the last weight, reached only through rounding
}

/** The people of one phase: each in a household of 5, a few households with two direct beneficiaries. */
function phasePeople(random: ReturnType<typeof createRandom>, spec: (typeof PHASES)[number], firstPerson: number): PersonSeed[] {
  const people: PersonSeed[] = [];
  for (let i = 0; i < spec.people; i++) {
    const n = firstPerson + i;
    const first = pickService(random.next());
    const codes = new Set([first]);
    if (random.chance(0.08)) codes.add(pickService(random.next()));
    // Two direct beneficiaries in one household: the second person of each shared pair joins the first's.
    const sharesWithPrevious = i % 2 === 1 && i < spec.sharedHouseholds * 2;
    const household = sharesWithPrevious ? n - 1 : n;
    people.push({
      ref: personRef(RWANDA_PERSON_PREFIX, n),
      householdRef: personRef(`${RWANDA_PERSON_PREFIX}-HH`, household),
      householdSize: 5,
      sex: randomSex(random, 0.52),
      birthYear: random.int(1950, Number(spec.start.slice(0, 4)) - 18),
      groupCode: random.chance(0.85) ? "returnee" : "host_community",
      location: random.pick(RWANDA_DISTRICT_CODES),
      services: [...codes].map((code) => ({ code, receivedOn: dateBetween(random, spec.start, spec.end) })),
    });
  }
  return people;
}
