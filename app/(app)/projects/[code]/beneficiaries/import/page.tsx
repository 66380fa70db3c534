import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ImportPanel } from "@/components/beneficiaries/import-panel";
import { seesIndividualRecords } from "@/db/registry/beneficiary-records";
import { registryImportContext } from "@/db/registry/registry-import";
import { listImportMappings } from "@/db/registry/import-mappings";
import { IMPORT_FIELDS } from "@/lib/beneficiaries/import-fields";
import type { CodedValue } from "@/lib/beneficiaries/code-book";
import { REGISTRY_CSV_COLUMNS } from "@/lib/beneficiaries/registry-csv";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { loadProject } from "../../load-project";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("import.title") };
}

export default async function ImportPage({ params }: { params: Promise<{ code: string }> }) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview || !(await seesIndividualRecords(ctx, overview.project.id))) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  const { codes } = await registryImportContext(ctx, project.id);
  const choices = (values: readonly CodedValue[]) => values.map((v) => ({ code: v.code, name: `${localized(language, v.nameEn, v.nameFr)} (${v.code})` }));
  const codeLists: [string, readonly CodedValue[]][] = [
    ["location_code", codes.places],
    ["sex", codes.sexes],
    ["group", codes.groups],
    ["service", codes.services],
  ];
  return (
    <>
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
        {" / "}
        <Link href={`/projects/${encodeURIComponent(project.code)}/beneficiaries`}>{t("registry.title")}</Link>
      </p>
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      <section className="card">
        <h2>{t("import.columns")}</h2>
        <dl className="columns">
          {REGISTRY_CSV_COLUMNS.map((column) => (
            <div key={column}>
              <dt>
                <code>{column}</code>
              </dt>
              <dd>{t(`import.column.${column}`)}</dd>
            </div>
          ))}
        </dl>
        <p>
          <a href={`/api/v1/projects/${encodeURIComponent(project.code)}/beneficiaries/template.csv`} download>
            {t("import.template", { project: project.code })}
          </a>
        </p>
      </section>
      <section className="card">
        <h2>{t("import.codesTitle")}</h2>
        <p className="muted">{t("import.codesIntro")}</p>
        <div className="split code-lists">
          {codeLists.map(([column, values]) => (
            <table key={column} className="code-list">
              <caption>
                <code>{column}</code>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.code")}</th>
                  <th scope="col">{t("import.name")}</th>
                </tr>
              </thead>
              <tbody>
                {values.map((value) => (
                  <tr key={value.code}>
                    <td>
                      <code>{value.code}</code>
                    </td>
                    <td>{localized(language, value.nameEn, value.nameFr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </section>
      <ImportPanel
        projectCode={project.code}
        columns={REGISTRY_CSV_COLUMNS}
        language={language}
        saved={((await listImportMappings(ctx, project.id)) ?? []).map(({ id, name, matches, values }) => ({ id, name, matches, values }))}
        choices={{ location_code: choices(codes.places), sex: choices(codes.sexes), group: choices(codes.groups), service: choices(codes.services) }}
        labels={{
          file: t("import.file"),
          preview: t("import.preview"),
          commit: t("import.commit"),
          uploading: t("import.uploading"),
          line: t.raw("import.line") as string,
          failed: t("import.failed"),
          rowsTitle: t("import.rowsTitle"),
          rowsShown: t.raw("import.rowsShown") as string,
          rowProblems: t("import.rowProblems"),
          otherRows: t("import.otherRows"),
          sheet: t("import.sheet"),
          mappingChoice: t("import.mappingChoice"),
          automatic: t("import.automatic"),
          offered: t.raw("import.offered") as string,
          useOffered: t("import.useOffered"),
          mappingName: t("import.mappingName"),
          saveMapping: t("import.saveMapping"),
          mappingSaved: t.raw("import.mappingSaved") as string,
          checkAgain: t("import.checkAgain"),
        }}
        mappingLabels={{
          columnsTitle: t("import.mapping.columnsTitle"),
          valuesTitle: t("import.mapping.valuesTitle"),
          field: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, t(`import.field.${f}`)])) as Record<(typeof IMPORT_FIELDS)[number], string>,
          notInFile: t("import.mapping.notInFile"),
          birthFrom: {
            column: t("import.mapping.birthFrom.column"),
            age: t("import.mapping.birthFrom.age"),
            birth_date: t("import.mapping.birthFrom.birth_date"),
            none: t("import.mapping.birthFrom.none"),
          },
          birthFromLabel: t("import.mapping.birthFromLabel"),
          ageColumn: t("import.mapping.ageColumn"),
          asOfColumn: t("import.mapping.asOfColumn"),
          serviceFrom: { column: t("import.mapping.serviceFrom.column"), options: t("import.mapping.serviceFrom.options") },
          serviceFromLabel: t("import.mapping.serviceFromLabel"),
          optionColumns: t("import.mapping.optionColumns"),
          value: t("import.mapping.value"),
          count: t("import.mapping.count"),
          code: t("import.mapping.code"),
          noCode: t("import.mapping.noCode"),
          valueLabel: t.raw("import.mapping.valueLabel") as string,
          unmatched: { one: t.raw("import.mapping.unmatched.one") as string, other: t.raw("import.mapping.unmatched.other") as string },
          unmatchedValue: { one: t.raw("import.mapping.unmatchedValue.one") as string, other: t.raw("import.mapping.unmatchedValue.other") as string },
        }}
      />
    </>
  );
}
