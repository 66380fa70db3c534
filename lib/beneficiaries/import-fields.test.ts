import { describe, expect, it } from "vitest";
import { columnsRead, fitOf, matchColumns } from "./import-fields";
import { REGISTRY_CSV_COLUMNS } from "./registry-csv";

const KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"];

describe("matchColumns", () => {
  it("matches the template's own columns to themselves", () => {
    expect(matchColumns([...REGISTRY_CSV_COLUMNS])).toEqual(Object.fromEntries(REGISTRY_CSV_COLUMNS.map((c) => [c, c])));
  });

  it("reads a Kobo export under XML names with group paths: _uuid as the ID, an age with the submission time, both select_multiple layouts", () => {
    const header = [
      "start",
      "end",
      "household/hh_id",
      "respondent/sex",
      "respondent/age",
      "respondent/beneficiary_group",
      "location/district",
      "household/hh_size",
      "assistance/services",
      "assistance/services/vocational",
      "assistance/services/livestock",
      "assistance/service_date",
      ...KOBO_META,
    ];
    expect(matchColumns(header)).toEqual({
      external_id: "_uuid",
      household_id: "household/hh_id",
      sex: "respondent/sex",
      birth_year: { age: "respondent/age", as_of: "_submission_time" },
      group: "respondent/beneficiary_group",
      location_code: "location/district",
      household_size: "household/hh_size",
      service: "assistance/services",
      service_date: "assistance/service_date",
    });
  });

  it("takes the 0/1 columns of a select_multiple when the file has no single column", () => {
    const header = ["_uuid", "sex", "services/vocational", "services/livestock", "services/shelter", "date"];
    expect(matchColumns(header).service).toEqual({ options: ["services/vocational", "services/livestock", "services/shelter"] });
  });

  it("reads French labels, accents and case aside", () => {
    const header = [
      "Identifiant du ménage",
      "Sexe",
      "Date de naissance",
      "Groupe de bénéficiaires",
      "Localité",
      "Taille du ménage",
      "Services reçus/Formation professionnelle",
      "Services reçus/Aide à l'élevage",
      "Date du service",
      "_uuid",
      "_submission_time",
    ];
    expect(matchColumns(header)).toEqual({
      external_id: "_uuid",
      household_id: "Identifiant du ménage",
      sex: "Sexe",
      birth_year: { birth_date: "Date de naissance" },
      group: "Groupe de bénéficiaires",
      location_code: "Localité",
      household_size: "Taille du ménage",
      service: { options: ["Services reçus/Formation professionnelle", "Services reçus/Aide à l'élevage"] },
      service_date: "Date du service",
    });
  });

  it("reads ODK Central's dashed group paths and its own columns", () => {
    const header = [
      "SubmissionDate",
      "respondent-sex",
      "respondent-age",
      "location-district",
      "household-hh_id",
      "household-hh_size",
      "assistance-services",
      "meta-instanceID",
      "KEY",
      "Status",
      "ReviewState",
    ];
    expect(matchColumns(header)).toMatchObject({
      external_id: "meta-instanceID",
      sex: "respondent-sex",
      birth_year: { age: "respondent-age", as_of: "SubmissionDate" },
      location_code: "location-district",
      household_id: "household-hh_id",
      household_size: "household-hh_size",
      service: "assistance-services",
      // No date of its own: the day the form was sent.
      service_date: "SubmissionDate",
    });
  });

  it("never reads Kobo's own status columns as a field, and uses each column once", () => {
    const matches = matchColumns(["_uuid", "_status", "_validation_status", "Status"]);
    expect(matches).toEqual({ external_id: "_uuid" });
    const used = columnsRead(matchColumns(["external_id", "sex", "gender"]));
    expect(used.sort()).toEqual(["external_id", "sex"]);
  });
});

describe("fitOf", () => {
  it("ranks the whole name over the last step of a path over a run of words", () => {
    expect(fitOf("sex", ["sex"])).toBe(3);
    expect(fitOf("respondent/sex", ["sex"])).toBe(2);
    expect(fitOf("Sexe du bénéficiaire", ["sexe"])).toBe(1);
    expect(fitOf("village", ["age"])).toBe(0);
  });
});

describe("matchColumns, the service date", () => {
  it("takes a column named date, never a date of birth or of return, else the submission time", () => {
    expect(matchColumns(["_uuid", "birth_year", "date_of_birth", "date_of_return", "_submission_time"]).service_date).toBe("_submission_time");
    expect(matchColumns(["_uuid", "assistance/date", "date_of_return"]).service_date).toBe("assistance/date");
  });
});
