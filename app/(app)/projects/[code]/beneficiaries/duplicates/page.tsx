import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DuplicatePair, type PairLabels, type PairRecord, type PairView } from "@/components/beneficiaries/duplicate-pair";
import { listDuplicatePairs, type ListedPair, type PairPerson } from "@/db/registry/duplicates";
import { registryImportContext } from "@/db/registry/registry-import";
import type { CodedValue } from "@/lib/beneficiaries/code-book";
import { formatDate, formatNumber, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { loadProject } from "../../load-project";
import { decideDuplicate, scanDuplicates } from "./actions";

const querySchema = z.object({
  done: z.enum(["merge", "distinct", "undo"]).optional().catch(undefined),
  problem: z.enum(["gone", "already_decided", "not_found", "forbidden"]).optional().catch(undefined),
  found: z.coerce.number().int().min(0).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("duplicates.title") };
}

export default async function DuplicatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview) notFound();
  const { project } = overview;
  const listed = await listDuplicatePairs(ctx, project.id);
  if (!listed) notFound();
  const { t, language } = await getTranslator();
  const said = querySchema.parse(await searchParams);
  const { codes } = await registryImportContext(ctx, project.id);
  const nameIn = (values: readonly CodedValue[]) => {
    const names = new Map(values.map((v) => [v.code, localized(language, v.nameEn, v.nameFr)]));
    return (code: string) => names.get(code) ?? code;
  };
  const [sex, group, place, service] = [nameIn(codes.sexes), nameIn(codes.groups), nameIn(codes.places), nameIn(codes.services)];
  const record = (person: PairPerson | null): PairRecord | null =>
    person && {
      ref: person.ref,
      household: person.householdRef ?? "",
      sex: sex(person.sex),
      birthYear: person.birthYear === null ? "" : String(person.birthYear),
      group: group(person.groupCode),
      place: person.locationCode ? place(person.locationCode) : "",
      householdSize: person.householdSize === null ? "" : formatNumber(language, person.householdSize),
      services: person.services.map((s) => `${service(s.code)} (${formatDate(language, s.receivedOn)})`),
    };
  const view = (pair: ListedPair): PairView => ({
    id: pair.id,
    title: t("duplicates.pairTitle", { first: pair.firstRef, second: pair.secondRef }),
    reason: t(`duplicates.reason.${pair.reason}`),
    status: pair.status,
    decided: pair.decidedAt ? t(pair.status === "merged" ? "duplicates.mergedOn" : "duplicates.distinctOn", { date: formatDate(language, pair.decidedAt.slice(0, 10)) }) : null,
    first: record(pair.first),
    second: record(pair.second),
  });
  const labels: PairLabels = {
    rows: {
      ref: t("registry.id"),
      household: t("registry.household"),
      sex: t("registry.sex"),
      birthYear: t("registry.birthYear"),
      group: t("registry.group"),
      place: t("registry.location"),
      householdSize: t("registry.householdSize"),
      services: t("registry.services"),
    },
    first: t("duplicates.first"),
    second: t("duplicates.second"),
    kept: t("duplicates.kept"),
    removed: t("duplicates.removed"),
    merge: t("duplicates.merge"),
    distinct: t("duplicates.distinct"),
    undo: t("duplicates.undo"),
    caption: t("duplicates.caption"),
    differs: t("duplicates.differs"),
  };
  const open = listed.pairs.filter((p) => p.status === "open");
  const decided = listed.pairs.filter((p) => p.status !== "open");
  const base = `/projects/${encodeURIComponent(project.code)}`;
  return (
    <>
      <p className="eyebrow">
        <Link href={base}>{localized(language, project.titleEn, project.titleFr)}</Link>
        {" / "}
        <Link href={`${base}/beneficiaries`}>{t("registry.title")}</Link>
      </p>
      <h1>{t("duplicates.title")}</h1>
      <p>{t("duplicates.intro")}</p>
      <div role="status">
        {said.done && <p className="saved-message">{t(`duplicates.done.${said.done}`)}</p>}
        {said.problem && <p className="form-error">{t(`duplicates.problem.${said.problem}`)}</p>}
        {said.found !== undefined && <p className="saved-message">{t("duplicates.found", { count: said.found })}</p>}
      </div>
      <form action={scanDuplicates} className="row-fields">
        <input type="hidden" name="projectCode" value={project.code} />
        <button type="submit" className="secondary">
          {t("duplicates.scan")}
        </button>
      </form>
      <section aria-labelledby="open-pairs">
        <h2 id="open-pairs">{t("duplicates.openTitle")}</h2>
        <p className="muted">{t("duplicates.openCount", { count: listed.open })}</p>
        {open.map((pair) => (
          <DuplicatePair key={pair.id} pair={view(pair)} labels={labels} projectCode={project.code} action={decideDuplicate} />
        ))}
      </section>
      {decided.length > 0 && (
        <section aria-labelledby="decided-pairs">
          <h2 id="decided-pairs">{t("duplicates.decidedTitle")}</h2>
          {decided.map((pair) => (
            <DuplicatePair key={pair.id} pair={view(pair)} labels={labels} projectCode={project.code} action={decideDuplicate} />
          ))}
        </section>
      )}
    </>
  );
}
