import type { IndicatorSeed, ResultSeed } from "./writer";

// The results framework of the Rwanda reintegration programme. The indicators keep their codes
// from phase to phase, so the programme can set the phases side by side.

export const RWANDA_RESULTS: ResultSeed[] = [
  {
    code: "IM1",
    type: "impact",
    titleEn: "Rwandan returnees and vulnerable members of host communities are sustainably reintegrated",
    titleFr: "Les rapatriés rwandais et les membres vulnérables des communautés d'accueil sont durablement réintégrés",
  },
  {
    code: "OC1",
    type: "outcome",
    parent: "IM1",
    titleEn: "Direct beneficiaries earn more and live in better conditions",
    titleFr: "Les bénéficiaires directs gagnent davantage et vivent dans de meilleures conditions",
  },
  {
    code: "OP1",
    type: "output",
    parent: "OC1",
    titleEn: "Returnees and host community members receive vocational training, livestock or construction materials",
    titleFr: "Les rapatriés et les membres des communautés d'accueil reçoivent une formation professionnelle, du bétail ou des matériaux de construction",
  },
];

export const RWANDA_TRAINING_RESULT: ResultSeed = {
  code: "OP2",
  type: "output",
  parent: "OC1",
  titleEn: "Trainers pass their skills on to returnees, who start their own businesses",
  titleFr: "Les formateurs transmettent leurs compétences aux rapatriés, qui créent leur propre entreprise",
};

type Targets = { direct: number; vocational: number; livestock: number; shelter: number; income: number; housing: number };

export function rwandaIndicators(targets: Targets, periodTargets: Partial<Record<keyof Targets, Record<string, number>>> = {}): IndicatorSeed[] {
  const registry = (code: string, service: string | null, target: number, key: keyof Targets, nameEn: string, nameFr: string): IndicatorSeed => ({
    code,
    result: "OP1",
    nameEn,
    nameFr,
    measure: "number",
    timeAggregation: "cumulative",
    baselineValue: 0,
    target,
    source: "registry",
    sourceServiceCode: service,
    unitEn: "people",
    unitFr: "personnes",
    dimensions: ["sex", "age", "group"],
    periodTargets: periodTargets[key],
  });
  return [
    {
      code: "OC1.1",
      result: "OC1",
      nameEn: "Average income increase of direct beneficiaries",
      nameFr: "Augmentation moyenne des revenus des bénéficiaires directs",
      definitionEn:
        "Mean, over surveyed direct beneficiaries, of (income after support - income before) / income before. Numerator: the sum of the respondents' ratios; denominator: the number of respondents.",
      definitionFr:
        "Moyenne, sur les bénéficiaires directs interrogés, de (revenu après l'aide - revenu avant) / revenu avant. Numérateur : la somme des ratios des répondants ; dénominateur : le nombre de répondants.",
      measure: "mean_of_ratios",
      timeAggregation: "incremental",
      baselineValue: 0,
      target: targets.income,
      unitEn: "%",
      unitFr: "%",
      periodTargets: periodTargets.income,
    },
    {
      code: "OC1.2",
      result: "OC1",
      nameEn: "Beneficiaries of housing support whose living conditions improved",
      nameFr: "Bénéficiaires d'une aide au logement dont les conditions de vie se sont améliorées",
      definitionEn: "Numerator: surveyed recipients of construction materials reporting better living conditions; denominator: surveyed recipients.",
      definitionFr:
        "Numérateur : bénéficiaires de matériaux de construction interrogés qui déclarent de meilleures conditions de vie ; dénominateur : bénéficiaires interrogés.",
      measure: "percentage",
      timeAggregation: "incremental",
      baselineValue: 0,
      target: targets.housing,
      unitEn: "%",
      unitFr: "%",
      periodTargets: periodTargets.housing,
    },
    registry("OP1.1", null, targets.direct, "direct", "Direct beneficiaries (unique people)", "Bénéficiaires directs (personnes uniques)"),
    registry("OP1.2", "vocational_training", targets.vocational, "vocational", "People who received vocational training", "Personnes ayant reçu une formation professionnelle"),
    registry("OP1.3", "livestock", targets.livestock, "livestock", "People who received livestock support", "Personnes ayant reçu une aide à l'élevage"),
    registry(
      "OP1.4",
      "shelter_materials",
      targets.shelter,
      "shelter",
      "People who received construction materials for their housing",
      "Personnes ayant reçu des matériaux de construction pour leur logement",
    ),
  ];
}

/** Phase IV's indicators of the training of trainers and of the businesses started. */
export const PHASE_IV_TRAINING_INDICATORS: IndicatorSeed[] = [
  {
    code: "OP2.1",
    result: "OP2",
    nameEn: "Trainers trained",
    nameFr: "Formateurs formés",
    measure: "number",
    timeAggregation: "cumulative",
    baselineValue: 0,
    target: 184,
    source: "trainings",
    sourceTrainingKind: "training_of_trainers",
    unitEn: "trainers",
    unitFr: "formateurs",
    dimensions: ["sex", "age"],
  },
  {
    code: "OP2.2",
    result: "OP2",
    nameEn: "People trained in a trade by the trainers",
    nameFr: "Personnes formées à un métier par les formateurs",
    measure: "number",
    timeAggregation: "cumulative",
    baselineValue: 0,
    target: 1500,
    source: "trainings",
    sourceTrainingKind: "vocational",
    unitEn: "people",
    unitFr: "personnes",
    dimensions: ["sex", "age"],
    periodTargets: { "2025": 600, "2026": 1200, "2027": 1500 },
  },
  {
    code: "OP2.3",
    result: "OP2",
    nameEn: "Returnees supported to start their own business",
    nameFr: "Rapatriés accompagnés dans la création de leur propre entreprise",
    measure: "number",
    timeAggregation: "incremental",
    baselineValue: 0,
    target: 600,
    unitEn: "people",
    unitFr: "personnes",
    dimensions: ["sex"],
    periodTargets: Object.fromEntries(
      ["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1"].map((p) => [p, 60]),
    ),
  },
  {
    code: "OP2.4",
    result: "OP2",
    nameEn: "Trainees who passed the final skills assessment",
    nameFr: "Apprenants ayant réussi l'évaluation finale des compétences",
    definitionEn: "Numerator: trainees who passed; denominator: trainees assessed.",
    definitionFr: "Numérateur : apprenants reçus ; dénominateur : apprenants évalués.",
    measure: "percentage",
    timeAggregation: "incremental",
    baselineValue: 0,
    target: 85,
    unitEn: "%",
    unitFr: "%",
    dimensions: ["sex"],
  },
];
