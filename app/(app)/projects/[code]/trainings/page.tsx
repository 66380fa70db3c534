import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DateRange } from "@/components/ui/date-range";
import { listTrainings } from "@/db/trainings/trainings";
import { may } from "@/db/users/viewer";
import { formatNumber, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { countPeopleTrained, peopleTrainedBy, trainingCascade } from "@/lib/trainings/people-trained";
import { loadProject } from "../load-project";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("trainings.title") };
}

const querySchema = z.object({ saved: z.coerce.number().int().positive().optional().catch(undefined) });

export default async function TrainingsPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, overview } = await loadProject((await params).code);
  const { saved: savedId } = querySchema.parse(await searchParams);
  if (!overview) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  const { trainings, records } = await listTrainings(ctx, project.id);
  const canEdit = await may(ctx, "enter", project.id);
  const n = (value: number) => formatNumber(language, value);
  const totals = countPeopleTrained(records);
  const titleOf = (id: number) => trainings.find((tr) => tr.id === id)?.title ?? String(id);
  const placeName = new Map(trainings.map((tr) => [tr.locationCode, localized(language, tr.locationNameEn, tr.locationNameFr)]));
  const base = `/projects/${encodeURIComponent(project.code)}/trainings`;
  const topicName = (topic: string) => (t.has(`topic.${topic}` as "topic.other") ? t(`topic.${topic}` as "topic.other") : topic);
  const saved = trainings.find((tr) => tr.id === savedId);

  return (
    <>
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
      </p>
      <h1>{t("trainings.title")}</h1>
      {saved && (
        <p role="status" className="saved-message">
          {t("trainings.saved", { title: saved.title, people: saved.participantCount, place: localized(language, saved.locationNameEn, saved.locationNameFr) })}{" "}
          <a href={`#training-${saved.id}`}>{t("trainings.showSaved")}</a>
        </p>
      )}
      {canEdit && (
        <p>
          <Link href={`${base}/new`}>{t("trainings.add")}</Link>
        </p>
      )}
      {trainings.length === 0 ? (
        <p className="muted">{t("trainings.empty")}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="cascade">
            <h2 id="cascade">{t("trainings.cascade")}</h2>
            <p>
              <strong>{t("trainings.totals", { trainers: totals.trainers, trainees: totals.trainees })}</strong>
            </p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("trainings.cohort")}</th>
                    <th scope="col" className="num">
                      {t("trainings.trainersTrained")}
                    </th>
                    <th scope="col" className="num">
                      {t("trainings.trainingsDelivered")}
                    </th>
                    <th scope="col" className="num">
                      {t("trainings.peopleTrained")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {trainingCascade(records).map((step) => (
                    <tr key={step.cohortId}>
                      <th scope="row">{titleOf(step.cohortId)}</th>
                      <td className="num">{n(step.trainers)}</td>
                      <td className="num">{n(step.trainingsDelivered)}</td>
                      <td className="num">{n(step.peopleTrained)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted small">{t("trainings.cascadeNote")}</p>
            <div className="split">
              {(
                [
                  ["topic", t("trainings.byTrade"), t("trainings.trade"), topicName],
                  ["locationCode", t("trainings.byDistrict"), t("trainings.place"), (code: string) => placeName.get(code) ?? code],
                ] as const
              ).map(([key, heading, column, label]) => (
                <div key={key}>
                  <h3>{heading}</h3>
                  <div className="table-scroll">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{column}</th>
                          <th scope="col" className="num">
                            {t("trainings.trainings")}
                          </th>
                          <th scope="col" className="num">
                            {t("trainings.peopleTrained")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {peopleTrainedBy(records, key)
                          .sort((a, b) => label(a.key).localeCompare(label(b.key), language))
                          .map((row) => (
                            <tr key={row.key}>
                              <th scope="row">{label(row.key)}</th>
                              <td className="num">{n(row.trainings)}</td>
                              <td className="num">{n(row.peopleTrained)}</td>
                            </tr>
                          ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              ))}
            </div>
          </section>
          <section className="card" aria-labelledby="all-trainings">
            <h2 id="all-trainings">{t("trainings.list")}</h2>
            <div className="table-scroll">
              <table className="stack-on-phone">
                <thead>
                  <tr>
                    <th scope="col">{t("trainings.name")}</th>
                    <th scope="col">{t("trainings.topic")}</th>
                    <th scope="col">{t("trainings.location")}</th>
                    <th scope="col">{t("trainings.dates")}</th>
                    <th scope="col" className="num">
                      {t("trainings.participants")}
                    </th>
                    <th scope="col">{t("trainings.deliveredBy")}</th>
                    {canEdit && <th scope="col" />}
                  </tr>
                </thead>
                <tbody>
                  {trainings.map((tr) => (
                    <tr key={tr.id} id={`training-${tr.id}`} className={tr.id === saved?.id ? "just-saved" : undefined}>
                      <th scope="row">{tr.title}</th>
                      <td data-label={t("trainings.topic")}>{topicName(tr.topic)}</td>
                      <td data-label={t("trainings.location")}>{localized(language, tr.locationNameEn, tr.locationNameFr)}</td>
                      <td data-label={t("trainings.dates")}>
                        <DateRange words={{ t, language }} start={tr.startDate} end={tr.endDate} />
                      </td>
                      <td className="num" data-label={t("trainings.participants")}>
                        {n(tr.participantCount)}
                        {tr.rosterSize > 0 && <span className="hint">{t("trainings.rosterCount", { count: tr.rosterSize })}</span>}
                      </td>
                      <td data-label={t("trainings.deliveredBy")}>{tr.cohortTitle ?? "—"}</td>
                      {canEdit && (
                        <td>
                          <Link href={`${base}/${tr.id}`} aria-label={`${t("trainings.edit")} ${tr.title}`}>
                            {t("trainings.edit")}
                          </Link>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
