"use client";

import type { FieldMatches, ImportField } from "@/lib/beneficiaries/import-fields";
import type { ValueMapping } from "@/lib/beneficiaries/import-mapping";
import { CODED_FIELDS, unmatchedValues, type CodedField, type ValueCounts } from "@/lib/beneficiaries/value-counts";

// Where each of Baseline's fields is in the file, and what each coded value of the file means, as
// the manager sees and changes them. Holds no state: the panel gives the mapping and takes changes.

export type CodeChoice = { code: string; name: string };
export type MappingLabels = {
  columnsTitle: string;
  valuesTitle: string;
  field: Record<ImportField, string>;
  notInFile: string;
  birthFrom: { column: string; age: string; birth_date: string; none: string };
  birthFromLabel: string;
  ageColumn: string;
  asOfColumn: string;
  serviceFrom: { column: string; options: string };
  serviceFromLabel: string;
  optionColumns: string;
  value: string;
  count: string;
  code: string;
  noCode: string;
  /** "{field}: {value}", the name of a value's choice. */
  valueLabel: string;
  /** By plural category ("one", "other"), with {count}. */
  unmatched: Record<"one" | "other", string>;
  /** "{field}: “{value}” ({count} rows)", by plural category. */
  unmatchedValue: Record<"one" | "other", string>;
};

type Props = {
  header: readonly string[];
  matches: FieldMatches;
  values: ValueMapping;
  counts: ValueCounts;
  choices: Record<CodedField, CodeChoice[]>;
  labels: MappingLabels;
  language: string;
  onMatches: (matches: FieldMatches) => void;
  onValues: (values: ValueMapping) => void;
};

const PLAIN = ["external_id", "household_id", "sex", "group", "location_code", "household_size", "service_date"] as const;

function ColumnSelect({
  label,
  header,
  value,
  onChange,
  none,
}: {
  label: string;
  header: readonly string[];
  value: string | undefined;
  onChange: (column: string | undefined) => void;
  none: string;
}) {
  return (
    <select aria-label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}>
      <option value="">{none}</option>
      {header.map((column) => (
        <option key={column} value={column}>
          {column}
        </option>
      ))}
    </select>
  );
}

export function ImportMappingForm({ header, matches, values, counts, choices, labels, language, onMatches, onValues }: Props) {
  const set = (changes: Partial<FieldMatches>) => {
    const next: FieldMatches = { ...matches, ...changes };
    for (const key of Object.keys(next) as ImportField[]) if (next[key] === undefined) delete next[key];
    onMatches(next);
  };
  const birth = matches.birth_year;
  const birthMode = birth === undefined ? "none" : typeof birth === "string" ? "column" : "age" in birth ? "age" : "birth_date";
  const service = matches.service;
  const serviceMode = service !== undefined && typeof service !== "string" ? "options" : "column";
  const optionCandidates = header.filter((c) => c.includes("/") || (typeof service === "object" && service.options.includes(c)));
  // As the manager's choices stand now, before the file is checked again.
  const unmatched = unmatchedValues(Object.fromEntries(CODED_FIELDS.map((field) => [field, (counts[field] ?? []).map((v) => ({ ...v, code: values[field]?.[v.value] ?? null }))])));
  const number = new Intl.NumberFormat(language);
  const plural = new Intl.PluralRules(language);
  const byCount = (said: Record<"one" | "other", string>, count: number) => said[plural.select(count) === "one" ? "one" : "other"].replace("{count}", number.format(count));

  // A field read from one column as it is.
  const plainRow = (field: (typeof PLAIN)[number]) => (
    <tr key={field}>
      <th scope="row">{labels.field[field]}</th>
      <td>
        <ColumnSelect label={labels.field[field]} header={header} value={matches[field]} none={labels.notInFile} onChange={(column) => set({ [field]: column })} />
      </td>
    </tr>
  );

  return (
    <>
      <fieldset className="import-matches">
        <legend>{labels.columnsTitle}</legend>
        <table>
          <tbody>
            {PLAIN.slice(0, 2).map(plainRow)}
            <tr>
              <th scope="row">{labels.field.birth_year}</th>
              <td className="row-fields">
                <select
                  aria-label={labels.birthFromLabel}
                  value={birthMode}
                  onChange={(e) => {
                    const mode = e.target.value;
                    const first = header[0] ?? "";
                    set({
                      birth_year:
                        mode === "none"
                          ? undefined
                          : mode === "column"
                            ? first
                            : mode === "age"
                              ? { age: first, as_of: header.find((h) => /submission/i.test(h)) ?? first }
                              : { birth_date: first },
                    });
                  }}
                >
                  {(["column", "age", "birth_date", "none"] as const).map((mode) => (
                    <option key={mode} value={mode}>
                      {labels.birthFrom[mode]}
                    </option>
                  ))}
                </select>
                {typeof birth === "string" && (
                  <ColumnSelect label={labels.field.birth_year} header={header} value={birth} none={labels.notInFile} onChange={(column) => set({ birth_year: column })} />
                )}
                {birth !== undefined && typeof birth !== "string" && "age" in birth && (
                  <>
                    <ColumnSelect
                      label={labels.ageColumn}
                      header={header}
                      value={birth.age}
                      none={labels.notInFile}
                      onChange={(column) => set({ birth_year: column ? { ...birth, age: column } : undefined })}
                    />
                    <ColumnSelect
                      label={labels.asOfColumn}
                      header={header}
                      value={birth.as_of}
                      none={labels.notInFile}
                      onChange={(column) => set({ birth_year: column ? { ...birth, as_of: column } : undefined })}
                    />
                  </>
                )}
                {birth !== undefined && typeof birth !== "string" && "birth_date" in birth && (
                  <ColumnSelect
                    label={labels.birthFrom.birth_date}
                    header={header}
                    value={birth.birth_date}
                    none={labels.notInFile}
                    onChange={(column) => set({ birth_year: column ? { birth_date: column } : undefined })}
                  />
                )}
              </td>
            </tr>
            {PLAIN.slice(2, 6).map(plainRow)}
            <tr>
              <th scope="row">{labels.field.service}</th>
              <td>
                <select
                  aria-label={labels.serviceFromLabel}
                  value={serviceMode}
                  onChange={(e) => set({ service: e.target.value === "options" ? { options: optionCandidates.length > 0 ? [optionCandidates[0]!] : [] } : undefined })}
                >
                  <option value="column">{labels.serviceFrom.column}</option>
                  <option value="options">{labels.serviceFrom.options}</option>
                </select>
                {serviceMode === "column" ? (
                  <ColumnSelect
                    label={labels.field.service}
                    header={header}
                    value={typeof service === "string" ? service : undefined}
                    none={labels.notInFile}
                    onChange={(column) => set({ service: column })}
                  />
                ) : (
                  <fieldset className="option-columns">
                    <legend>{labels.optionColumns}</legend>
                    {(optionCandidates.length > 0 ? optionCandidates : header).map((column) => {
                      const chosen = typeof service === "object" ? service.options : [];
                      return (
                        <label key={column} className="checkbox">
                          <input
                            type="checkbox"
                            checked={chosen.includes(column)}
                            onChange={(e) => {
                              const next = e.target.checked ? [...chosen, column] : chosen.filter((c) => c !== column);
                              set({ service: next.length > 0 ? { options: next } : undefined });
                            }}
                          />
                          {column}
                        </label>
                      );
                    })}
                  </fieldset>
                )}
              </td>
            </tr>
            {plainRow("service_date")}
          </tbody>
        </table>
      </fieldset>
      {unmatched.length > 0 && (
        <div className="form-error" role="status">
          <p>{byCount(labels.unmatched, unmatched.length)}</p>
          <ul>
            {unmatched.map((v) => (
              <li key={`${v.field}|${v.value}`}>{byCount(labels.unmatchedValue, v.count).replace("{field}", labels.field[v.field]).replace("{value}", v.value)}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="import-values">
        <legend>{labels.valuesTitle}</legend>
        <div className="split code-lists">
          {CODED_FIELDS.filter((field) => (counts[field]?.length ?? 0) > 0).map((field) => (
            <table key={field} className="code-list">
              <caption>{labels.field[field]}</caption>
              <thead>
                <tr>
                  <th scope="col">{labels.value}</th>
                  <th scope="col">{labels.count}</th>
                  <th scope="col">{labels.code}</th>
                </tr>
              </thead>
              <tbody>
                {(counts[field] ?? []).map((v) => {
                  const code = values[field]?.[v.value] ?? null;
                  return (
                    <tr key={v.value} className={code === null ? "has-problems" : undefined}>
                      <th scope="row">{v.value}</th>
                      <td>{number.format(v.count)}</td>
                      <td>
                        <select
                          aria-label={labels.valueLabel.replace("{field}", labels.field[field]).replace("{value}", v.value)}
                          value={code ?? ""}
                          onChange={(e) => onValues({ ...values, [field]: { ...values[field], [v.value]: e.target.value === "" ? null : e.target.value } })}
                        >
                          <option value="">{labels.noCode}</option>
                          {choices[field].map((choice) => (
                            <option key={choice.code} value={choice.code}>
                              {choice.name}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ))}
        </div>
      </fieldset>
    </>
  );
}
