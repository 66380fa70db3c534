import fs from "node:fs";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/engine/sqlite";
import { migrateDatabase } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";
import { createRandom } from "../../db/seed/random";
import { hashDemoPassword } from "../../db/seed/users";
import { periodEnd, periodsBetween } from "../../lib/periods/period";

// A synthetic organisation at the scale of a large headquarters, on top of the demo data (so that
// the demo accounts sign in): 1,000 projects in 40 countries, 20,000 indicators, about 2,000,000 data
// values over 5 years of quarters with disaggregation, 200,000 beneficiaries with services, 5,000
// trainings. The same seed gives the same file. `times` multiplies the programmes (and so every
// count with them): 10 gives the organisation ten times larger of `npm run bench -- --scale 10`.

export const SCALE = { programmes: 250, phases: 4, indicatorsPerProject: 20, enteredWithValues: 17, peoplePerProject: 200, trainingsPerProject: 5 } as const;

const COUNTRIES = [
  "AF",
  "BD",
  "BF",
  "BI",
  "CF",
  "CM",
  "CO",
  "DJ",
  "EC",
  "ER",
  "ET",
  "GH",
  "GN",
  "GT",
  "HN",
  "HT",
  "IQ",
  "JO",
  "KE",
  "LB",
  "LR",
  "LY",
  "MA",
  "ML",
  "MM",
  "MR",
  "MW",
  "MZ",
  "NE",
  "NG",
  "PE",
  "PK",
  "SD",
  "SL",
  "SN",
  "SO",
  "SS",
  "TD",
  "UG",
  "YE",
];
const START = "2021-01-01";
const END = "2025-12-31";
const QUARTERS = periodsBetween(START, END, "quarter");
const APPROVED_THROUGH = 17; // 2021Q1 to 2025Q2 approved; 2025Q3 submitted; 2025Q4 open.

export type Scale = {
  projects: number;
  countries: number;
  indicators: number;
  dataValues: number;
  approvedValues: number;
  beneficiaries: number;
  services: number;
  trainings: number;
};

export async function generateOrganisation(file: string, times = 1, seed = 2026): Promise<Scale> {
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
  const db = openDatabase(file);
  await migrateDatabase(db);
  await seedDemoData(db, { today: "2026-11-23", passwordHash: await hashDemoPassword() });
  await db.close();
  // Millions of rows are written faster by prepared statements on a connection of the generator's own.
  const sqlite = new Database(file);
  sqlite.pragma("synchronous = OFF");
  const random = createRandom(seed);
  const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T;
  const id = (sql: string, ...params: unknown[]) => one<{ id: number }>(sql, ...params).id;
  const admin = id("SELECT id FROM users WHERE email = 'admin@baseline.test'");
  const iom = id("SELECT id FROM organisations WHERE code = 'IOM'");
  const japan = id("SELECT id FROM organisations WHERE code = 'JAPAN'");
  const dimension = (code: string) => id("SELECT id FROM dimensions WHERE code = ?", code);
  const services = (sqlite.prepare("SELECT id FROM service_types ORDER BY id").all() as { id: number }[]).map((s) => s.id);

  sqlite.transaction(() => {
    const insertLocation = sqlite.prepare(
      "INSERT INTO locations (code, name_en, name_fr, level, parent_id, country_code, latitude, longitude) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    );
    const places = COUNTRIES.map((iso, c) => {
      const country = (insertLocation.get(`Z-${iso}`, `Country ${iso}`, `Pays ${iso}`, "country", null, iso, c - 20, c * 3 - 60) as { id: number }).id;
      const districts = Array.from(
        { length: 5 },
        (_, d) =>
          (
            insertLocation.get(
              `Z-${iso}-D${d + 1}`,
              `District ${d + 1} of ${iso}`,
              `District ${d + 1} du ${iso}`,
              "district",
              country,
              iso,
              c - 20 + d / 10,
              c * 3 - 60 + d / 10,
            ) as { id: number }
          ).id,
      );
      return { country, districts };
    });
    const insertOrganisation = sqlite.prepare("INSERT INTO organisations (code, name_en, name_fr, type, iati_type, created_at) VALUES (?, ?, ?, 'donor', '10', ?) RETURNING id");
    const donors = Array.from({ length: 20 }, (_, i) => (insertOrganisation.get(`DONOR-${i + 1}`, `Donor ${i + 1}`, `Bailleur ${i + 1}`, "2026-01-01") as { id: number }).id);

    const insertProgramme = sqlite.prepare("INSERT INTO programmes (code, title_en, title_fr, country_id, start_date, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    const insertProject = sqlite.prepare(
      "INSERT INTO projects (code, programme_id, phase, title_en, title_fr, status, start_date, end_date, country_id, reporting_frequency, household_size, currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'quarterly', 5, 'USD', ?, ?) RETURNING id",
    );
    const insertRole = sqlite.prepare("INSERT INTO project_organisations (project_id, organisation_id, role) VALUES (?, ?, ?)");
    const insertPlace = sqlite.prepare("INSERT INTO project_locations (project_id, location_id) VALUES (?, ?)");
    const insertSector = sqlite.prepare("INSERT INTO project_sectors (project_id, code, percentage) VALUES (?, '15190', 100)");
    const insertBudget = sqlite.prepare("INSERT INTO project_budgets (project_id, year, amount, currency) VALUES (?, ?, ?, 'USD')");
    const insertPeriod = sqlite.prepare(
      "INSERT INTO project_periods (project_id, period, status, submitted_by, submitted_at, reviewed_by, reviewed_at, approved_by, approved_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertResult = sqlite.prepare("INSERT INTO results (project_id, code, type, title_en, title_fr, position) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    const insertIndicator = sqlite.prepare(
      "INSERT INTO indicators (project_id, result_id, code, name_en, name_fr, definition_en, measure, direction, time_aggregation, is_context, baseline_value, baseline_year, target, source, source_service_code, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'increase', ?, 0, ?, 2020, ?, ?, ?, ?, ?, ?) RETURNING id",
    );
    const insertIndicatorDimension = sqlite.prepare("INSERT INTO indicator_dimensions (indicator_id, dimension_id) VALUES (?, ?)");
    const insertTarget = sqlite.prepare("INSERT INTO indicator_targets (indicator_id, period, value) VALUES (?, ?, ?)");
    const insertValue = sqlite.prepare(
      "INSERT INTO data_values (indicator_id, period, location_id, disaggregation, value, numerator, denominator, status, entered_by, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertPerson = sqlite.prepare(
      "INSERT INTO beneficiaries (project_id, ref, household_ref, sex, birth_year, group_code, location_id, household_size, created_at) VALUES (?, ?, ?, ?, ?, 'returnee', ?, ?, ?) RETURNING id",
    );
    const insertService = sqlite.prepare("INSERT INTO beneficiary_services (beneficiary_id, service_type_id, received_on) VALUES (?, ?, ?)");
    const insertTraining = sqlite.prepare(
      "INSERT INTO trainings (project_id, title, kind, topic, location_id, start_date, end_date, cohort_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    );
    const insertParticipants = sqlite.prepare("INSERT INTO training_participants (training_id, sex, age_group, count) VALUES (?, ?, ?, ?)");
    const sex = dimension("sex");
    const now = "2026-01-01T00:00:00Z";

    for (let p = 0; p < SCALE.programmes * times; p++) {
      const place = places[p % COUNTRIES.length]!;
      const code = `BX-${String(p + 1).padStart(3, "0")}`;
      const programmeId = (insertProgramme.get(code, `Programme ${p + 1}`, `Programme ${p + 1}`, place.country, START, now) as { id: number }).id;
      for (let phase = 1; phase <= SCALE.phases; phase++) {
        const index = p * SCALE.phases + phase - 1;
        const status = phase <= 2 ? "completed" : "active";
        const projectId = (
          insertProject.get(
            `${code}-${phase}`,
            programmeId,
            phase,
            `Programme ${p + 1}, phase ${phase}`,
            `Programme ${p + 1}, phase ${phase}`,
            status,
            START,
            END,
            place.country,
            now,
            now,
          ) as { id: number }
        ).id;
        insertRole.run(projectId, iom, "implementing");
        insertRole.run(projectId, iom, "accountable");
        insertRole.run(projectId, index % 40 === 0 ? japan : donors[index % donors.length]!, "funding");
        const districts = [place.districts[phase % 5]!, place.districts[(phase + 1) % 5]!];
        insertPlace.run(projectId, place.country);
        for (const d of districts) insertPlace.run(projectId, d);
        insertSector.run(projectId);
        for (let year = 2021; year <= 2025; year++) insertBudget.run(projectId, year, 100_000 + random.int(0, 900) * 1000);
        QUARTERS.forEach((q, i) => {
          const state = i <= APPROVED_THROUGH ? "approved" : i === APPROVED_THROUGH + 1 ? "submitted" : null;
          const approved = state === "approved";
          if (state)
            insertPeriod.run(
              projectId,
              q,
              state,
              admin,
              periodEnd(q),
              approved ? admin : null,
              approved ? periodEnd(q) : null,
              approved ? admin : null,
              approved ? periodEnd(q) : null,
              now,
            );
        });

        const results = ["OC1", "OP1", "OP2", "OP3"].map(
          (r, i) => (insertResult.get(projectId, r, i === 0 ? "outcome" : "output", `Result ${r}`, `Résultat ${r}`, i) as { id: number }).id,
        );
        for (let n = 0; n < SCALE.indicatorsPerProject; n++) {
          const resultIndex = n < 2 ? 0 : 1 + (n % 3);
          const percentage = n < 2;
          const registry = n === 2;
          const code = `${["OC1", "OP1", "OP2", "OP3"][resultIndex]}.${n + 1}`;
          const target = percentage ? 60 + n * 5 : registry ? SCALE.peoplePerProject : 2000 + 100 * n;
          const indicatorId = (
            insertIndicator.get(
              projectId,
              results[resultIndex],
              code,
              `Indicator ${code}`,
              `Indicateur ${code}`,
              percentage ? "Share of households with a higher income." : null,
              percentage ? "percentage" : "number",
              registry || n % 7 === 6 ? "cumulative" : "incremental",
              0,
              target,
              registry ? "registry" : "manual",
              null,
              n,
              now,
              now,
            ) as { id: number }
          ).id;
          if (registry) continue;
          insertIndicatorDimension.run(indicatorId, sex);
          for (const q of QUARTERS.filter((_, i) => i % 4 === 3)) insertTarget.run(indicatorId, q, target / 5);
          if (n - 1 >= SCALE.enteredWithValues) continue;
          QUARTERS.forEach((q, i) => {
            const state = i <= APPROVED_THROUGH ? "approved" : i === APPROVED_THROUGH + 1 ? "submitted" : "draft";
            for (const location of districts) {
              if (percentage) {
                const female = [random.int(10, 40), 50] as const;
                const male = [random.int(10, 40), 50] as const;
                insertValue.run(indicatorId, q, location, "", null, female[0] + male[0], 100, state, admin, now, now);
                insertValue.run(indicatorId, q, location, "sex=female", null, female[0], female[1], state, admin, now, now);
                insertValue.run(indicatorId, q, location, "sex=male", null, male[0], male[1], state, admin, now, now);
              } else {
                const female = random.int(0, 60);
                const male = random.int(0, 60);
                insertValue.run(indicatorId, q, location, "", female + male, null, null, state, admin, now, now);
                insertValue.run(indicatorId, q, location, "sex=female", female, null, null, state, admin, now, now);
                insertValue.run(indicatorId, q, location, "sex=male", male, null, null, state, admin, now, now);
              }
            }
          });
        }

        // People: a quarter of each phase's people were already in the phase before.
        for (let k = 0; k < SCALE.peoplePerProject; k++) {
          const person = (phase - 1) * 150 + k;
          const ref = `${code}-${String(person).padStart(5, "0")}`;
          const beneficiaryId = (insertPerson.get(projectId, ref, `${ref}-H`, k % 2 ? "male" : "female", 1960 + (k % 50), districts[k % 2], 3 + (k % 5), now) as { id: number }).id;
          const count = 1 + (k % 3 === 0 ? 1 : 0);
          for (let s = 0; s < count; s++)
            insertService.run(beneficiaryId, services[(k + s) % services.length], `202${1 + ((k + s) % 5)}-${String(1 + ((k * 7 + s) % 12)).padStart(2, "0")}-15`);
        }
        let cohort: number | null = null;
        for (let t = 0; t < SCALE.trainingsPerProject; t++) {
          const kind = t === 0 ? "training_of_trainers" : "vocational";
          const start = `202${1 + (t % 5)}-03-01`;
          const trainingId: number = (
            insertTraining.get(
              projectId,
              `Training ${t + 1}`,
              kind,
              kind === "vocational" ? "carpentry" : "adult_teaching",
              districts[t % 2],
              start,
              `202${1 + (t % 5)}-03-20`,
              kind === "vocational" ? cohort : null,
              now,
              now,
            ) as { id: number }
          ).id;
          if (t === 0) cohort = trainingId;
          insertParticipants.run(trainingId, "female", "18_35", random.int(5, 20));
          insertParticipants.run(trainingId, "male", "18_35", random.int(5, 20));
        }
      }
    }
    // Donors read the figures as approved: the records dated in approved quarters as their
    // approvals recorded them, the entered values of approved periods, and the people reached by
    // the end of each approved quarter for the indicators counted from the registry.
    const quarterOf = (date: string) => `substr(${date}, 1, 4) || 'Q' || ((cast(substr(${date}, 6, 2) AS integer) + 2) / 3)`;
    sqlite.exec(`
      INSERT INTO approved_services (project_id, period, ref, household_ref, sex, birth_year, group_code, location_id, household_size, service_code, received_on)
      SELECT b.project_id, pp.period, b.ref, b.household_ref, b.sex, b.birth_year, b.group_code, b.location_id, coalesce(b.household_size, p.household_size), st.code, s.received_on
      FROM beneficiaries b JOIN projects p ON p.id = b.project_id JOIN beneficiary_services s ON s.beneficiary_id = b.id JOIN service_types st ON st.id = s.service_type_id
      JOIN project_periods pp ON pp.project_id = p.id AND pp.approved_at IS NOT NULL AND pp.period = ${quarterOf("s.received_on")}
      WHERE p.code LIKE 'BX-%';
      INSERT INTO approved_trainings (project_id, period, training_id, title, kind, topic, location_id, start_date, end_date, facilitator, cohort_id, participants, roster)
      SELECT t.project_id, pp.period, t.id, t.title, t.kind, t.topic, t.location_id, t.start_date, t.end_date, t.facilitator, t.cohort_id,
        (SELECT json_group_array(json_object('sex', sex, 'ageGroup', age_group, 'count', count)) FROM (SELECT sex, age_group, count FROM training_participants WHERE training_id = t.id ORDER BY sex, age_group)), NULL
      FROM trainings t JOIN projects p ON p.id = t.project_id
      JOIN project_periods pp ON pp.project_id = p.id AND pp.approved_at IS NOT NULL AND pp.period = ${quarterOf("t.end_date")}
      WHERE p.code LIKE 'BX-%';
    `);
    sqlite.exec(`
      INSERT INTO approved_values (project_id, indicator_id, period, location_id, disaggregation, value, numerator, denominator, approved_by, approved_at)
      SELECT i.project_id, v.indicator_id, v.period, v.location_id, v.disaggregation, v.value, v.numerator, v.denominator, ${admin}, '2026-01-01'
      FROM data_values v JOIN indicators i ON i.id = v.indicator_id JOIN projects p ON p.id = i.project_id
      WHERE p.code LIKE 'BX-%' AND v.status = 'approved';
      INSERT INTO approved_values (project_id, indicator_id, period, location_id, disaggregation, value, approved_by, approved_at)
      SELECT i.project_id, i.id, pp.period, p.country_id, '', (
          SELECT count(DISTINCT b.ref) FROM beneficiaries b JOIN beneficiary_services s ON s.beneficiary_id = b.id
          WHERE b.project_id = p.id AND s.received_on <= CASE substr(pp.period, 6, 1) WHEN '1' THEN substr(pp.period, 1, 4) || '-03-31' WHEN '2' THEN substr(pp.period, 1, 4) || '-06-30' WHEN '3' THEN substr(pp.period, 1, 4) || '-09-30' ELSE substr(pp.period, 1, 4) || '-12-31' END
        ), ${admin}, '2026-01-01'
      FROM indicators i JOIN projects p ON p.id = i.project_id JOIN project_periods pp ON pp.project_id = p.id AND pp.status = 'approved'
      WHERE p.code LIKE 'BX-%' AND i.source = 'registry';
    `);
  })();
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec("ANALYZE");
  const count = (table: string) => one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;
  const scale: Scale = {
    projects: count("projects"),
    countries: one<{ n: number }>("SELECT count(DISTINCT country_code) AS n FROM locations").n,
    indicators: count("indicators"),
    dataValues: count("data_values"),
    approvedValues: count("approved_values"),
    beneficiaries: count("beneficiaries"),
    services: count("beneficiary_services"),
    trainings: count("trainings"),
  };
  sqlite.close();
  return scale;
}
