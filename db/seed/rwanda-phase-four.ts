import type { Executor } from "../engine/types";
import { narratives, type NewDataValue } from "../tables";
import { periodEnd, periodsBetween } from "../../lib/periods/period";
import { createRandom, type Random } from "./random";
import { ageGroupOn } from "./reference";
import { dateBetween, insertRegistry, personRef, randomSex, type PersonSeed } from "./registry";
import { PHASE_IV_TRAINING_INDICATORS, RWANDA_RESULTS, RWANDA_TRAINING_RESULT, rwandaIndicators } from "./rwanda-framework";
import { RWANDA_DISTRICTS } from "./rwanda-places";
import { RWANDA_PERSON_PREFIX, RWANDA_SECTORS } from "./rwanda-phases";
import { enteredAtFor, statusSchedule } from "./statuses";
import { countBySexAndAge, insertTraining } from "./trainings";
import { idOf, insertDataValues, insertFramework, insertProject, type SeedRefs } from "./writer";

// Phase IV, active. Published: 5,000 direct beneficiaries targeted (1,500 vocational training,
// 1,500 livestock, 2,000 construction materials), about 184 trainers from nine districts trained
// with Japan's funding, who pass their skills on to 1,500 people in seven trades. The dates, the
// records so far and the quarterly actuals are illustrative.

export const PHASE_IV = { code: "RW-REINT-P4", start: "2024-07-01", end: "2027-06-30" } as const;

export const PHASE_IV_NOTE_EN =
  "Illustrative figures except those published: the targets of 5,000 direct beneficiaries (1,500 vocational training, 1,500 livestock support, 2,000 construction materials), about 184 trainers from nine districts, 1,500 people trained by them, and the seven trades. Dates, registry records, trainings and quarterly actuals are illustrative.";
export const PHASE_IV_NOTE_FR =
  "Chiffres illustratifs, sauf ceux publiés : les cibles de 5 000 bénéficiaires directs (1 500 en formation professionnelle, 1 500 en aide à l'élevage, 2 000 en matériaux de construction), quelque 184 formateurs de neuf districts, 1 500 personnes formées par eux et les sept métiers. Dates, enregistrements, formations et résultats trimestriels sont illustratifs.";

/** Phase IV's registry so far, person k = 1..3,200: who received which service. */
export const PHASE_IV_REGISTRY = {
  people: 3200,
  vocational: [1, 1050],
  livestock: [1001, 1980],
  shelter: [1961, 3200],
  /** Also received construction materials, on top of vocational training and livestock. */
  threeServices: [1001, 1010],
  /** People k = 2, 4, ... 200 live in the household of person k - 1. */
  sharedHouseholdPairs: 100,
  /** Every 42nd trainee took a second trade. */
  secondTradeEvery: 42,
} as const;

const TRADES = ["carpentry", "welding", "knitting", "sewing", "mechanics", "masonry", "hairdressing"] as const;

const COHORTS = [
  {
    province: "RW-05",
    place: "RW-05-HUY",
    nameEn: "Southern Province",
    start: "2024-10-07",
    end: "2024-11-15",
    participants: [
      [22, 15],
      [27, 18],
    ],
  },
  {
    province: "RW-04",
    place: "RW-04-KAR",
    nameEn: "Western Province",
    start: "2024-11-18",
    end: "2024-12-20",
    participants: [
      [20, 16],
      [26, 19],
    ],
  },
  {
    province: "RW-03",
    place: "RW-03-MUS",
    nameEn: "Northern Province",
    start: "2025-01-13",
    end: "2025-02-14",
    participants: [
      [6, 4],
      [7, 4],
    ],
  },
] as const;

const between = (k: number, [from, to]: readonly [number, number]) => k >= from && k <= to;

export async function seedRwandaPhaseFour(tx: Executor, refs: SeedRefs, firstPerson: number, today: string): Promise<void> {
  const random = createRandom(2024);
  const projectId = await insertProject(tx, refs, {
    code: PHASE_IV.code,
    programme: "RW-REINT",
    phase: 4,
    titleEn: "Sustainable reintegration of Rwandan returnees, Phase IV",
    titleFr: "Réintégration durable des rapatriés rwandais, phase IV",
    summaryEn:
      "Phase IV targets 5,000 direct beneficiaries: 1,500 receive vocational training, 1,500 livestock support and 2,000 construction materials to improve their housing. A training of trainers funded by Japan prepares about 184 trainers from nine districts, who pass their skills on to 1,500 returnees and vulnerable members of host communities in carpentry, welding, knitting, sewing, mechanics, masonry and hairdressing.",
    summaryFr:
      "La phase IV cible 5 000 bénéficiaires directs : 1 500 reçoivent une formation professionnelle, 1 500 une aide à l'élevage et 2 000 des matériaux de construction pour améliorer leur logement. Une formation de formateurs financée par le Japon prépare quelque 184 formateurs de neuf districts, qui transmettent leurs compétences à 1 500 rapatriés et membres vulnérables des communautés d'accueil en menuiserie, soudure, tricot, couture, mécanique, maçonnerie et coiffure.",
    status: "active",
    startDate: PHASE_IV.start,
    endDate: PHASE_IV.end,
    country: "RW",
    reportingFrequency: "quarterly",
    householdSize: 5,
    householdSizeSource: "Programme convention: about 5 people per household (IOM press release).",
    currency: "USD",
    dataNoteEn: PHASE_IV_NOTE_EN,
    dataNoteFr: PHASE_IV_NOTE_FR,
    organisations: [
      ["JAPAN", "funding"],
      ["IOM", "implementing"],
      ["IOM", "accountable"],
      ["MIDIMAR", "partner"],
    ],
    locations: RWANDA_DISTRICTS.map((d) => d.code),
    budgets: [
      [2024, 420_000],
      [2025, 980_000],
      [2026, 1_050_000],
      [2027, 480_000],
    ],
    sectors: RWANDA_SECTORS,
  });

  const indicatorIds = await insertFramework(
    tx,
    refs,
    projectId,
    [...RWANDA_RESULTS, RWANDA_TRAINING_RESULT],
    [
      ...rwandaIndicators(
        { direct: 5000, vocational: 1500, livestock: 1500, shelter: 2000, income: 60, housing: 65 },
        {
          direct: { "2024": 500, "2025": 2500, "2026": 4000, "2027": 5000 },
          vocational: { "2025": 600, "2026": 1200, "2027": 1500 },
          livestock: { "2024": 200, "2025": 800, "2026": 1300, "2027": 1500 },
          shelter: { "2024": 300, "2025": 1000, "2026": 1600, "2027": 2000 },
        },
      ),
      ...PHASE_IV_TRAINING_INDICATORS,
    ],
  );

  const people = phaseFourPeople(random, firstPerson);
  const vocationalTrainings = planVocationalTrainings(people);
  for (const [person, trainingIndex] of vocationalTrainings.firstTraining) {
    const training = vocationalTrainings.list[trainingIndex];
    if (!training) throw new Error("unplanned training");
    person.services.push({ code: "vocational_training", receivedOn: training.end });
  }
  const beneficiaryIds = await insertRegistry(tx, refs, projectId, people);
  await seedPhaseFourTrainings(tx, refs, projectId, vocationalTrainings.list, beneficiaryIds);
  await seedPhaseFourValues(tx, refs, random, indicatorIds, today);
  await seedPhaseFourNarratives(tx, refs, projectId);
}

function phaseFourPeople(random: Random, firstPerson: number): PersonSeed[] {
  const r = PHASE_IV_REGISTRY;
  const people: PersonSeed[] = [];
  const householdSizes = new Map<number, number>();
  for (let k = 1; k <= r.people; k++) {
    const n = firstPerson + k - 1;
    const household = k % 2 === 0 && k <= r.sharedHouseholdPairs * 2 ? n - 1 : n;
    const size = householdSizes.get(household) ?? random.int(3, 8);
    householdSizes.set(household, size);
    const services: PersonSeed["services"] = [];
    if (between(k, r.livestock)) services.push({ code: "livestock", receivedOn: dateBetween(random, "2024-10-01", "2026-11-15") });
    if (between(k, r.shelter) || between(k, r.threeServices)) {
      services.push({ code: "shelter_materials", receivedOn: dateBetween(random, "2024-09-01", "2026-11-10") });
    }
    people.push({
      ref: personRef(RWANDA_PERSON_PREFIX, n),
      householdRef: personRef(`${RWANDA_PERSON_PREFIX}-HH`, household),
      householdSize: size,
      sex: randomSex(random, 0.55),
      birthYear: random.int(1960, 2006),
      groupCode: random.chance(0.8) ? "returnee" : "host_community",
      location: random.pick(RWANDA_DISTRICTS).code,
      services,
    });
  }
  return people;
}

type PlannedTraining = { district: string; province: string; trade: string; start: string; end: string; trainees: PersonSeed[] };

/** Three trades per district, delivered one after the other by the cohort of the district's province. */
function planVocationalTrainings(people: PersonSeed[]) {
  const r = PHASE_IV_REGISTRY;
  const list: PlannedTraining[] = [];
  const firstTraining = new Map<PersonSeed, number>();
  RWANDA_DISTRICTS.forEach((district, d) => {
    const trades = [0, 1, 2].map((i) => TRADES[(d * 3 + i) % TRADES.length] as string);
    const firstIndex = list.length;
    for (const trade of trades) {
      const t = list.length;
      const start = addDays("2025-03-03", t * 21);
      list.push({ district: district.code, province: district.province, trade, start, end: addDays(start, 55), trainees: [] });
    }
    const trainees = people.filter((p, i) => p.location === district.code && between(i + 1, r.vocational));
    trainees.forEach((person, i) => {
      const index = firstIndex + (i % trades.length);
      list[index]?.trainees.push(person);
      firstTraining.set(person, index);
      const k = people.indexOf(person) + 1;
      if (k % r.secondTradeEvery === 0) list[firstIndex + ((i + 1) % trades.length)]?.trainees.push(person);
    });
  });
  return { list, firstTraining };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function seedPhaseFourTrainings(tx: Executor, refs: SeedRefs, projectId: number, planned: PlannedTraining[], beneficiaryIds: Map<string, number>): Promise<void> {
  const cohortIds = new Map<string, number>();
  for (const [i, cohort] of COHORTS.entries()) {
    const [[femaleYoung, femaleOlder], [maleYoung, maleOlder]] = cohort.participants;
    cohortIds.set(
      cohort.province,
      await insertTraining(
        tx,
        {
          projectId,
          title: `Training of trainers, ${cohort.nameEn} (cohort ${i + 1})`,
          kind: "training_of_trainers",
          topic: "adult_teaching",
          locationId: idOf(refs.locations, cohort.place),
          startDate: cohort.start,
          endDate: cohort.end,
          facilitator: "IOM Rwanda training team",
        },
        [
          { sex: "female", ageGroup: "18_35", count: femaleYoung },
          { sex: "female", ageGroup: "36_59", count: femaleOlder },
          { sex: "male", ageGroup: "18_35", count: maleYoung },
          { sex: "male", ageGroup: "36_59", count: maleOlder },
        ],
      ),
    );
  }
  for (const training of planned) {
    await insertTraining(
      tx,
      {
        projectId,
        title: `${training.trade[0]?.toUpperCase()}${training.trade.slice(1)}, ${RWANDA_DISTRICTS.find((d) => d.code === training.district)?.nameEn}`,
        kind: "vocational",
        topic: training.trade,
        locationId: idOf(refs.locations, training.district),
        startDate: training.start,
        endDate: training.end,
        facilitator: "Trainers of the training-of-trainers cohort",
        cohortId: idOf(cohortIds, training.province),
      },
      countBySexAndAge(training.trainees.map((p) => ({ sex: p.sex, ageGroup: ageGroupOn(p.birthYear, training.start) }))),
      training.trainees.map((p) => idOf(beneficiaryIds, p.ref)),
    );
  }
}

export const PHASE_IV_STATUS = statusSchedule("2026Q2", { "2026Q3": "submitted", "2026Q4": "draft" });

/** Districts that have entered their figures of the open quarter so far. */
const DRAFT_DISTRICTS = new Set(["RW-05-GIS", "RW-05-HUY", "RW-04-RUB", "RW-03-MUS"]);

const COMMENTS: Record<string, string> = {
  "OP2.3|2025Q3|RW-05-NYR": "Welding start-up kits arrived late; four workshops opened in October.",
  "OP2.3|2026Q1|RW-04-RUB": "Two hairdressing salons opened by women trained in the first cohort.",
  "OP2.3|2026Q3|RW-03-MUS": "Checked against the cooperative registers of the sector offices.",
  "OP2.3|2026Q4|RW-05-GIS": "Partial: visits to Mugombwa and Kibirizi sectors are still to come.",
  "OP2.4|2025Q4|RW-05-HUY": "Assessed by the district's vocational centre; two trainees were absent on the day.",
};

async function seedPhaseFourValues(tx: Executor, refs: SeedRefs, random: Random, indicatorIds: Map<string, number>, today: string): Promise<void> {
  const rows: NewDataValue[] = [];
  const managers = [idOf(refs.users, "manager@baseline.test"), idOf(refs.users, "manager2@baseline.test")];
  const push = (code: string, period: string, district: string, cells: [string, Partial<NewDataValue>][], d: number) => {
    for (const [disaggregation, figure] of cells) {
      rows.push({
        indicatorId: idOf(indicatorIds, code),
        period,
        locationId: idOf(refs.locations, district),
        disaggregation,
        ...figure,
        status: PHASE_IV_STATUS(period),
        comment: disaggregation === "" ? (COMMENTS[`${code}|${period}|${district}`] ?? null) : null,
        enteredBy: managers[d % 2] as number,
        enteredAt: enteredAtFor(periodEnd(period), today),
      });
    }
  };

  for (const period of periodsBetween("2024-10-01", "2026-12-31", "quarter")) {
    RWANDA_DISTRICTS.forEach(({ code: district }, d) => {
      if (PHASE_IV_STATUS(period) === "draft" && !DRAFT_DISTRICTS.has(district)) return;
      const started = random.int(2, 9);
      const women = Math.round(started * (0.45 + random.next() * 0.2));
      push(
        "OP2.3",
        period,
        district,
        [
          ["", { value: started }],
          ["sex=female", { value: women }],
          ["sex=male", { value: started - women }],
        ],
        d,
      );

      if (period < "2025Q2") return;
      const assessed = random.int(8, 20);
      const passed = Math.round(assessed * (0.7 + random.next() * 0.25));
      const assessedWomen = Math.round(assessed / 2);
      const passedWomen = Math.min(assessedWomen, Math.round((passed * assessedWomen) / assessed));
      const passedMen = Math.min(assessed - assessedWomen, passed - passedWomen);
      push(
        "OP2.4",
        period,
        district,
        [
          ["", { numerator: passedWomen + passedMen, denominator: assessed }],
          ["sex=female", { numerator: passedWomen, denominator: assessedWomen }],
          ["sex=male", { numerator: passedMen, denominator: assessed - assessedWomen }],
        ],
        d,
      );
    });
  }
  await insertDataValues(tx, rows);
}

async function seedPhaseFourNarratives(tx: Executor, refs: SeedRefs, projectId: number): Promise<void> {
  const updatedBy = idOf(refs.users, "manager@baseline.test");
  await tx.insert(narratives).values([
    {
      projectId,
      period: "2026Q3",
      language: "en",
      highlights: "Trainees of the second round graduated in Rubavu and Karongi; more returnees opened workshops and salons.",
      challenges: "Heavy rains delayed the delivery of construction materials in Nyamagabe and Nyaruguru.",
      nextSteps: "Distribute the remaining livestock in Gisagara; assess the trainees who finish in October.",
      updatedBy,
    },
    {
      projectId,
      period: "2026Q3",
      language: "fr",
      highlights: "Les apprenants du deuxième cycle ont obtenu leur certificat à Rubavu et Karongi ; davantage de rapatriés ont ouvert des ateliers et des salons.",
      challenges: "De fortes pluies ont retardé la livraison des matériaux de construction à Nyamagabe et Nyaruguru.",
      nextSteps: "Distribuer le bétail restant à Gisagara ; évaluer les apprenants qui terminent en octobre.",
      updatedBy,
    },
  ]);
}
