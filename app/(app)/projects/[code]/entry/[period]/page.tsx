import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { DataEntryGrid } from "@/components/entry/data-entry-grid";
import { NarrativeForm } from "@/components/entry/narrative-form";
import { UnsavedChangesGuard } from "@/components/entry/unsaved-changes";
import { WorkflowPanel } from "@/components/entry/workflow-panel";
import { getEntrySheet } from "@/db/data-entry/entry-sheet";
import { getNarratives } from "@/db/data-entry/narratives";
import { getPeriodOverview } from "@/db/data-entry/project-periods";
import { workflowActor } from "@/db/users/viewer";
import { LANGUAGES } from "@/lib/domain/codes";
import { formatDate, formatList, formatPeriod, localized } from "@/lib/i18n/format";
import { formatActual } from "@/lib/i18n/format-figure";
import { getTranslator } from "@/server/i18n";
import { dayAfter, periodEnd, periodOverlaps, previousPeriod } from "@/lib/periods/period";
import { decideTransition, isEditable, PERIOD_ACTIONS } from "@/lib/workflow/period-workflow";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { loadProject } from "../../load-project";
import { changePeriodStatus, checkCompleteness, loadCellHistory } from "./actions";
import { OfflineDecisions } from "@/components/offline/offline-decisions";
import { saveNarrativeForm } from "./narrative-actions";
import { periodSchema } from "@/lib/periods/period-schema";

type Props = { params: Promise<{ code: string; period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t, language } = await getTranslator();
  return { title: t("entry.sheetTitle", { period: formatPeriod(language, (await params).period) }) };
}

export default async function EntrySheetPage({ params }: Props) {
  const { code, period } = await params;
  const { ctx, overview } = await loadProject(code);
  if (!overview || !periodSchema.safeParse(period).success || !periodOverlaps(period, overview.project.startDate, overview.project.endDate)) notFound();
  const { project } = overview;
  const today = new Date().toISOString().slice(0, 10);
  const where = await getPeriodOverview(ctx, project, period, today);
  if (!where) notFound();
  const { t, language } = await getTranslator();
  const label = formatPeriod(language, period);
  const sheet = await getEntrySheet(ctx, project, period);
  const { state } = sheet;
  const narratives = await getNarratives(ctx, project.id, period);
  const editable = sheet.canEdit && isEditable(state.status);
  const actor = await workflowActor(ctx, project.id);
  // The steps the caller may take now; comments and gaps are asked for in the confirmation.
  const actions = PERIOD_ACTIONS.filter(
    (action) =>
      decideTransition({ action, status: state.status, actor, submittedBy: state.submittedBy, comment: "asked", ended: where.ended, earlierOpen: where.earlierOpen, gaps: 0 }).ok,
  );
  const couldApprove = decideTransition({
    action: "approve",
    status: state.status,
    actor,
    submittedBy: state.submittedBy,
    comment: null,
    ended: where.ended,
    earlierOpen: [],
    gaps: 0,
  }).ok;
  const manual = sheet.indicators.filter((i) => i.indicator.source === "manual");
  const computed = sheet.indicators.filter((i) => i.indicator.source !== "manual");
  const name = (english: string, french: string | null) => localized(language, english, french);
  const all = language === "fr" ? fr : en;

  return (
    <UnsavedChangesGuard labels={{ title: t("entry.leave.title"), body: t.raw("entry.leave.body") as string, stay: t("entry.leave.stay"), leave: t("entry.leave.leave") }}>
      <section className="card" aria-labelledby="sheet-title">
        <p className="eyebrow">
          <Link href={`/projects/${encodeURIComponent(project.code)}`}>{name(project.titleEn, project.titleFr)}</Link>
          {" / "}
          <Link href={`/projects/${encodeURIComponent(project.code)}/entry`}>{t("entry.back")}</Link>
        </p>
        <h1 id="sheet-title">{t("entry.sheetTitle", { period: label })}</h1>
        <p>
          <span className={`badge badge-period-${state.status}`}>{t(`entry.statusName.${state.status}`)}</span>{" "}
          {state.submittedByName && state.submittedAt && (
            <span className="muted small">{t("entry.submittedBy", { name: state.submittedByName, date: formatDate(language, state.submittedAt) })} </span>
          )}
          {state.reviewedByName && state.reviewedAt && (
            <span className="muted small">{t("entry.reviewedBy", { name: state.reviewedByName, date: formatDate(language, state.reviewedAt) })}</span>
          )}
        </p>
        {state.comment && (
          <p className="note">
            {state.status === "returned"
              ? t("entry.returnedBecause", { comment: state.comment })
              : state.status === "not_reported"
                ? t("entry.notReportedBecause", { comment: state.comment })
                : state.status === "draft"
                  ? t("entry.reopenedBecause", { comment: state.comment })
                  : state.comment}
          </p>
        )}
        {state.submissionComment && state.status === "submitted" && <p className="note">{t("entry.submittedWithGaps", { comment: state.submissionComment })}</p>}
        {!where.ended && (
          <p className="note">{t("entry.notEnded", { period: label, date: formatDate(language, periodEnd(period)), next: formatDate(language, dayAfter(periodEnd(period))) })}</p>
        )}
        {couldApprove && where.earlierOpen.length > 0 && (
          <p className="note">
            {t("entry.waitingFor", {
              periods: formatList(
                language,
                where.earlierOpen.map((p) => formatPeriod(language, p)),
              ),
              count: where.earlierOpen.length,
            })}
          </p>
        )}
        {where.changes && <p className="note changed-since-approval">{t("entry.changedSinceApproval", where.changes)}</p>}
        {!sheet.canEdit && <p className="muted">{t("entry.notManager")}</p>}
        {sheet.canEdit && !editable && <p className="note">{t("entry.readOnly", { status: state.status })}</p>}
      </section>

      <WorkflowPanel
        projectCode={project.code}
        period={period}
        actions={actions}
        changePeriodStatus={changePeriodStatus}
        checkCompleteness={checkCompleteness}
        labels={{
          title: t("entry.actions"),
          submit: t("entry.submit"),
          approve: t("entry.approve"),
          return: t("entry.return"),
          reopen: t("entry.reopen"),
          mark_not_reported: t("entry.mark_not_reported"),
          cancel: t("entry.cancel"),
          confirm: Object.fromEntries(PERIOD_ACTIONS.map((a) => [a, t(`entry.confirm.${a}`, { period: label })])) as Record<(typeof PERIOD_ACTIONS)[number], string>,
          explain: Object.fromEntries(PERIOD_ACTIONS.map((a) => [a, t(`entry.explain.${a}`)])) as Record<(typeof PERIOD_ACTIONS)[number], string>,
          comment: { return: t("entry.returnComment"), reopen: t("entry.reopenReason"), mark_not_reported: t("entry.notReportedReason") },
          complete: t("entry.complete"),
          gaps: t.raw("entry.gaps") as string,
          gapsComment: t("entry.gapsComment"),
          checking: t("entry.checking"),
          saveFirst: t("entry.unsavedBeforeSubmit"),
          needsConnection: t("entry.needsConnection"),
          sendFirst: t("entry.sendFirst"),
        }}
      />

      {computed.length > 0 && (
        <section className="card">
          <ul className="plain">
            {computed.map(({ indicator, computed: actual }) => (
              <li key={indicator.id}>
                <span className="code">{indicator.code}</span> {t("common.label", { label: name(indicator.nameEn, indicator.nameFr) })}{" "}
                {actual ? t("entry.computed", { value: formatActual(language, actual) }) : t("entry.computedNone")}
              </li>
            ))}
          </ul>
        </section>
      )}

      {sheet.canEdit && <OfflineDecisions projectCode={project.code} period={period} language={language} locale={language === "fr" ? "fr-FR" : "en-GB"} messages={all.offline} />}

      <DataEntryGrid
        userId={ctx.viewer.userId}
        projectCode={project.code}
        period={period}
        periodLabel={label}
        previousPeriodLabel={formatPeriod(language, previousPeriod(period))}
        locale={language === "fr" ? "fr-FR" : "en-GB"}
        editable={editable}
        indicators={manual.map(({ indicator, dimensions }) => ({
          id: indicator.id,
          code: indicator.code,
          name: name(indicator.nameEn, indicator.nameFr),
          unit: indicator.unitEn === null ? null : name(indicator.unitEn, indicator.unitFr),
          measure: indicator.measure,
          dimensions: dimensions.map((d) => ({ code: d.code, name: name(d.nameEn, d.nameFr), options: d.options.map((o) => ({ code: o.code, name: name(o.nameEn, o.nameFr) })) })),
          target: sheet.targets.get(indicator.id) ?? null,
        }))}
        locations={sheet.locations.map((l) => ({ code: l.code, name: name(l.nameEn, l.nameFr) }))}
        values={sheet.values}
        previous={sheet.previous}
        loadCellHistory={loadCellHistory}
        messages={{ language, messages: { validation: all.validation, dimension: all.dimension, entry: all.entry, warning: all.warning, offline: all.offline } }}
        labels={{
          location: t("entry.location"),
          cell: t("entry.cell"),
          total: t("entry.total"),
          value: t("entry.value"),
          numerator: t("entry.numerator"),
          denominator: t("entry.denominator"),
          result: t("entry.result"),
          comment: t("entry.comment"),
          history: t("entry.history"),
          hideHistory: t("entry.hideHistory"),
          noHistory: t("entry.noHistory"),
          save: t("entry.save"),
          saving: t("entry.saving"),
          keyboard: t("entry.keyboard"),
          context: t("entry.context"),
        }}
      />

      <section className="card" aria-labelledby="narrative-title">
        <h2 id="narrative-title">{t("narrative.title")}</h2>
        <p className="muted">{t("narrative.intro")}</p>
        {sheet.canEdit && !editable && <p className="note">{t("narrative.readOnly", { status: state.status })}</p>}
        <div className="narratives">
          {LANGUAGES.map((lang) => {
            const text = narratives[lang];
            return (
              <NarrativeForm
                key={lang}
                projectCode={project.code}
                period={period}
                language={lang}
                editable={editable}
                saveNarrativeForm={saveNarrativeForm}
                narrative={text ? { highlights: text.highlights, challenges: text.challenges, nextSteps: text.nextSteps, version: text.version } : null}
                labels={{
                  legend: t(`narrative.legend.${lang}`),
                  highlights: t("report.highlights"),
                  challenges: t("report.challenges"),
                  nextSteps: t("report.nextSteps"),
                  save: t("narrative.save"),
                }}
              />
            );
          })}
        </div>
      </section>
    </UnsavedChangesGuard>
  );
}
