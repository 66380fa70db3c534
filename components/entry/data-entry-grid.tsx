"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type FocusEvent, type KeyboardEvent } from "react";
import { createTranslator } from "use-intl/core";
import { encodeOptionKey } from "@/lib/disaggregation/option-key";
import type { FigureParts } from "@/lib/indicators/actual";
import { percentFormatter } from "@/lib/i18n/format";
import { problemMessage, warningMessage } from "@/lib/i18n/problem-message";
import { plainNumber } from "@/lib/validation/figure";
import { previousPeriod as periodBefore } from "@/lib/periods/period";
import type { Translator } from "@/lib/i18n/translator";
import { checkBreakdowns, checkTypedFigure, shownFigure, typedWarning } from "./cell-checks";
import { cellFromValue, cellKey, EMPTY_CELL, typedNumber, type CellState } from "./cell-state";
import type { CellHistoryInput, GridCellValue, GridIndicator, GridLabels, GridLocation, GridMessages } from "./grid-types";
import { useUnsavedChanges } from "./unsaved-changes";
import { onOutboxResult, queueChange, reviseChanges, startOutbox, type OutboxResult } from "@/components/offline/outbox";
import type { Change } from "@/lib/offline/change-log";
import { useOutbox } from "@/components/offline/use-outbox";
import { keepEntryPage } from "@/components/offline/service-worker";

type Props = {
  /** The signed-in manager: the figures saved here wait on this device under their name until sent. */
  userId: number;
  projectCode: string;
  period: string;
  /** The period and the one before it as the reader names them ("T2 2026"), for the sentences beside the cells. */
  periodLabel: string;
  previousPeriodLabel: string;
  locale: string;
  editable: boolean;
  indicators: GridIndicator[];
  locations: GridLocation[];
  values: GridCellValue[];
  /** The figures of the previous period, shown beside each cell. */
  previous: GridCellValue[];
  labels: GridLabels;
  messages: GridMessages;
  loadCellHistory: (input: CellHistoryInput) => Promise<string[]>;
};

type Row = { key: string; id: string; indicator: GridIndicator; location: GridLocation; options: Record<string, string>; label: string; isTotal: boolean };
type Part = "value" | "numerator" | "denominator";

/** Moves the focus to the same column in the next row, as Enter does in a spreadsheet. */
function focusBelow(event: KeyboardEvent<HTMLInputElement>) {
  const column = event.currentTarget.dataset.col;
  const inputs = [...document.querySelectorAll<HTMLInputElement>(`input[data-col="${column}"]:not([disabled])`)];
  inputs[inputs.indexOf(event.currentTarget) + 1]?.focus();
}

const figureOf = (v: GridCellValue): FigureParts => ({ value: v.value, numerator: v.numerator, denominator: v.denominator });

const noSubscription = () => () => undefined;

export function DataEntryGrid({
  userId,
  projectCode,
  period,
  periodLabel,
  previousPeriodLabel,
  locale,
  editable,
  indicators,
  locations,
  values,
  previous,
  labels,
  messages,
  loadCellHistory,
}: Props) {
  const initial = useMemo(() => {
    const cells: Record<string, CellState> = {};
    for (const v of values) cells[cellKey(v.indicatorId, v.locationCode, v.disaggregation)] = cellFromValue(v);
    return cells;
  }, [values]);
  const previousPeriod = useMemo(() => periodBefore(period), [period]);
  const earlier = useMemo(() => new Map(previous.map((v) => [cellKey(v.indicatorId, v.locationCode, v.disaggregation), figureOf(v)])), [previous]);
  const [cells, setCells] = useState<Record<string, CellState>>(initial);
  const [saving, setSaving] = useState(false);
  // The fields open once the grid's script runs: a figure typed before (a slow connection) would be
  // wiped when React takes the field over, without a word. False on the server and while hydrating.
  const live = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [history, setHistory] = useState<Record<string, string[]>>({});
  const focusProblem = useRef(false);
  const t = useMemo(() => createTranslator({ locale: messages.language, messages: messages.messages }) as unknown as Translator, [messages]);
  const number = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }), [locale]);
  const percent = useMemo(() => percentFormatter(locale, 1), [locale]);

  const rows = useMemo(() => {
    const list: Row[] = [];
    const add = (row: Omit<Row, "id">) => list.push({ ...row, id: `cell-${list.length}` });
    for (const indicator of indicators) {
      for (const location of locations) {
        add({ key: cellKey(indicator.id, location.code, {}), indicator, location, options: {}, label: labels.total, isTotal: true });
        for (const dimension of indicator.dimensions) {
          for (const option of dimension.options) {
            const options = { [dimension.code]: option.code };
            add({
              key: cellKey(indicator.id, location.code, options),
              indicator,
              location,
              options,
              label: t("entry.optionLabel", { dimension: dimension.name, option: option.name }),
              isTotal: false,
            });
          }
        }
      }
    }
    return list;
  }, [indicators, locations, labels.total, t]);

  const cell = (key: string) => cells[key] ?? EMPTY_CELL;
  const dirtyKeys = Object.keys(cells).filter((key) => cells[key]?.dirty);
  useUnsavedChanges("grid", dirtyKeys.length);

  const update = (key: string, field: Part | "comment", text: string) =>
    setCells((current) => ({ ...current, [key]: { ...(current[key] ?? EMPTY_CELL), [field]: text, dirty: true, queued: false, error: undefined, warning: undefined } }));

  /**
   * The browser's checks of the cells of one indicator at one place: each typed figure, and the
   * breakdowns once complete (or all, when leaving the place). A breakdown that does not add up is
   * said once, under the place's total; its options point to that message.
   */
  const checkBlock = useCallback(
    (current: Record<string, CellState>, indicator: GridIndicator, locationCode: string, all: boolean): Record<string, CellState> => {
      const block = rows.filter((r) => r.indicator.id === indicator.id && r.location.code === locationCode);
      const total = block.find((r) => r.isTotal);
      const options = Object.fromEntries(indicator.dimensions.map((d) => [d.code, d.options.map((o) => o.code)]));
      const breakdowns = checkBreakdowns(
        indicator.measure,
        block.map((r) => ({ key: r.key, optionKey: encodeOptionKey(r.options), cell: current[r.key] ?? EMPTY_CELL })),
        options,
        all,
      );
      const next = { ...current };
      for (const row of block) {
        const state = current[row.key] ?? EMPTY_CELL;
        const breakdown = breakdowns.get(row.key) ?? [];
        const problems = [...(state.dirty ? checkTypedFigure(indicator.measure, state) : []), ...(row.isTotal ? breakdown : [])];
        const check = problems.length === 0 ? undefined : [...new Set(problems.map((p) => problemMessage(t, messages.language, p)))].join(" ");
        const flaggedBy = !row.isTotal && breakdown.length > 0 ? total?.id : undefined;
        if (check !== state.check || flaggedBy !== state.flaggedBy) next[row.key] = { ...state, check, flaggedBy };
      }
      return next;
    },
    [rows, t, messages.language],
  );

  /** The figures typed in a cell, with the thousands separators of the person's language dropped ("1,234" is 1234). */
  const plain = useCallback(
    (state: CellState): CellState => {
      const parts = {
        value: plainNumber(state.value, messages.language),
        numerator: plainNumber(state.numerator, messages.language),
        denominator: plainNumber(state.denominator, messages.language),
      };
      return parts.value === state.value && parts.numerator === state.numerator && parts.denominator === state.denominator ? state : { ...state, ...parts };
    },
    [messages.language],
  );

  // Leaving a cell checks its figure (and breakdowns complete by then); leaving a place's block, every breakdown of it.
  const onLeaveCell = (row: Row) =>
    setCells((current) => {
      const typed = plain(current[row.key] ?? EMPTY_CELL);
      // The server's warning, said here already: the figure is far from the previous period's.
      const warning = typed.dirty ? typedWarning(row.indicator.measure, typed, earlier.get(row.key) ?? null, previousPeriod) : null;
      const withWarning = typed.dirty ? { ...typed, warning: warning ? warningMessage(t, messages.language, warning) : undefined } : typed;
      return checkBlock({ ...current, [row.key]: withWarning }, row.indicator, row.location.code, false);
    });
  const onLeavePlace = (indicator: GridIndicator, location: GridLocation, event: FocusEvent<HTMLElement>) => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    setCells((current) => checkBlock(current, indicator, location.code, true));
  };

  // After a refused save, the focus goes to the first cell with a problem.
  useEffect(() => {
    if (!focusProblem.current) return;
    focusProblem.current = false;
    document.querySelector<HTMLInputElement>('.entry-grid input[aria-invalid="true"]')?.focus();
  }, [cells]);

  const save = useCallback(async () => {
    const changed = rows.filter((row) => cells[row.key]?.dirty);
    if (changed.length === 0 || saving) return;
    // The browser's checks first, over every place touched: nothing is sent while a cell is wrong.
    let checked = Object.fromEntries(Object.entries(cells).map(([key, state]) => [key, state.dirty ? plain(state) : state]));
    for (const { indicator, location } of new Map(changed.map((r) => [`${r.indicator.id}|${r.location.code}`, r])).values())
      checked = checkBlock(checked, indicator, location.code, true);
    const wrong = rows.filter((r) => checked[r.key]?.check || checked[r.key]?.flaggedBy).length;
    if (wrong > 0) {
      focusProblem.current = true;
      setCells(checked);
      setMessage({ ok: false, text: t("entry.notSaved", { count: wrong }) });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      // Kept on this device first, then sent: a lost connection loses nothing (components/offline).
      await queueChange({
        projectCode,
        period,
        cells: changed.map((row) => {
          const c = checked[row.key] ?? EMPTY_CELL;
          const figure = row.indicator.measure === "number" ? { value: c.value } : { numerator: c.numerator, denominator: c.denominator };
          return {
            key: row.key,
            label: `${row.indicator.code} ${row.location.name}, ${row.label}`,
            indicatorId: row.indicator.id,
            locationCode: row.location.code,
            disaggregation: row.options,
            ...figure,
            comment: c.comment,
            baseVersion: c.version,
          };
        }),
      });
      setCells((current) => {
        const next = { ...current };
        for (const row of changed) next[row.key] = { ...(checked[row.key] ?? EMPTY_CELL), dirty: false, queued: true };
        return next;
      });
      setMessage({ ok: true, text: t("offline.kept", { count: changed.length }) });
    } catch {
      setMessage({ ok: false, text: t("offline.notKept") });
    } finally {
      setSaving(false);
    }
  }, [rows, cells, saving, projectCode, period, checkBlock, plain, t]);

  useEffect(() => void startOutbox(userId), [userId]);
  useEffect(() => void keepEntryPage(), [projectCode, period]);

  // Figures saved here earlier and still on this device: shown in their cells until the server has them.
  const outbox = useOutbox();
  const shown = useRef(new Set<string>());
  useEffect(() => {
    const seen = (c: Change) => `${c.id}:${c.revision ?? 0}`;
    const mine = outbox.changes.filter((c) => c.projectCode === projectCode && c.period === period && c.state === "waiting" && !shown.current.has(seen(c)));
    if (mine.length === 0) return;
    for (const change of mine) shown.current.add(seen(change));
    setCells((current) => {
      const next = { ...current };
      for (const cell of mine.flatMap((change) => change.cells)) {
        const existing = next[cell.key] ?? EMPTY_CELL;
        if (existing.dirty) continue;
        next[cell.key] = { ...existing, value: cell.value ?? "", numerator: cell.numerator ?? "", denominator: cell.denominator ?? "", comment: cell.comment, queued: true, error: undefined };
      }
      return next;
    });
  }, [outbox.changes, projectCode, period]);

  // What the server answered, whether to this save or to one sent when the connection came back.
  useEffect(
    () =>
      onOutboxResult((result: OutboxResult) => {
        const { change } = result;
        if (change.projectCode !== projectCode || change.period !== period) return;
        shown.current.add(`${change.id}:${change.revision ?? 0}`);
        // A figure the server refused for itself (a breakdown against what is stored) comes back to be corrected;
        // one refused because the period moved on stays in the list of refused changes, downloadable.
        const correctable = result.kind === "refused" && editable && result.errors.length > 0 && result.errors.every((e) => e.code && e.code !== "period_locked");
        if (correctable) void reviseChanges([], [change.id]);
        focusProblem.current = result.kind !== "saved";
        setCells((current) => {
          const next = { ...current };
          const keep = (key: string, state: CellState) => {
            // Typed again meanwhile: the new typing stays, on top of what the server now holds.
            const existing = next[key];
            next[key] = existing?.dirty ? { ...existing, version: state.version } : state;
          };
          if (result.kind === "saved") {
            for (const saved of result.saved) keep(saved.key, cellFromValue(saved));
            for (const warning of result.warnings) next[warning.key] = { ...(next[warning.key] ?? EMPTY_CELL), warning: warning.message };
          } else if (result.kind === "conflict") {
            for (const cell of change.cells) if (cell.conflict) keep(cell.key, cell.conflict.current ? cellFromValue(cell.conflict.current) : { ...EMPTY_CELL });
          } else {
            for (const cell of change.cells) {
              const existing = next[cell.key] ?? EMPTY_CELL;
              const problem = result.errors.filter((e) => e.key === cell.key).map((e) => e.message).join(" ") || undefined;
              next[cell.key] = correctable ? { ...existing, dirty: true, queued: false, error: problem } : { ...existing, queued: false, error: problem ?? change.reason };
            }
          }
          return next;
        });
        const conflicts = change.cells.filter((c) => c.conflict).length;
        setMessage(
          result.kind === "saved"
            ? { ok: true, text: t("entry.savedCount", { count: result.saved.length }) }
            : result.kind === "conflict"
              ? { ok: false, text: t("offline.conflictsFound", { count: conflicts }) }
              : correctable
                ? { ok: false, text: t("entry.notSaved", { count: new Set(result.errors.map((e) => e.key)).size }) }
                : { ok: false, text: t("offline.refusedFound", { reason: change.reason ?? "" }) },
        );
      }),
    [projectCode, period, editable, t],
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  const toggleHistory = async (row: Row) => {
    if (history[row.key]) {
      setHistory(({ [row.key]: _gone, ...rest }) => rest);
      return;
    }
    const lines = await loadCellHistory({ projectCode, indicatorId: row.indicator.id, period, locationCode: row.location.code, disaggregation: encodeOptionKey(row.options) });
    setHistory((current) => ({ ...current, [row.key]: lines }));
  };

  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      focusBelow(event);
    }
  };

  const amount = (row: Row, part: Part) => typedNumber(cell(row.key)[part]);

  /** Per location and dimension: what the options add up to, beside the total. */
  const sums = (indicator: GridIndicator, location: GridLocation) =>
    indicator.dimensions.flatMap((dimension) => {
      const parts: Part[] = indicator.measure === "number" ? ["value"] : ["numerator", "denominator"];
      return parts.flatMap((part) => {
        const optionRows = rows.filter((r) => r.indicator.id === indicator.id && r.location.code === location.code && dimension.code in r.options);
        const entered = optionRows.map((r) => amount(r, part)).filter((n): n is number => n !== null);
        if (entered.length === 0) return [];
        const total = typedNumber(cell(cellKey(indicator.id, location.code, {}))[part]);
        const sum = entered.reduce((a, b) => a + b, 0);
        const name = parts.length > 1 ? `${dimension.name} (${part === "numerator" ? labels.numerator : labels.denominator})` : dimension.name;
        return [
          {
            key: `${dimension.code}-${part}`,
            text: t("entry.sum", { dimension: name, sum: number.format(sum), total: total === null ? "—" : number.format(total) }),
            ok: total !== null && Math.abs(total - sum) < 1e-9,
          },
        ];
      });
    });

  /** Beside each cell: its figure of the previous period. */
  const context = (row: Row) => {
    const before = shownFigure(row.indicator.measure, earlier.get(row.key) ?? null, number, percent);
    return before === null ? t("entry.noPrevious", { period: previousPeriodLabel }) : t("entry.previous", { period: previousPeriodLabel, value: before });
  };

  /** An indicator's target for the period, for the whole project: beside its name, and read with each place's total. */
  const targetOf = (indicator: GridIndicator) =>
    indicator.target === null
      ? null
      : t("entry.targetOfPeriod", { period: periodLabel, value: indicator.measure === "number" ? number.format(indicator.target) : percent.format(indicator.target / 100) });

  const input = (row: Row, part: Part, c: CellState, name: string, describedBy: string) => (
    <input
      aria-label={`${name}, ${labels[part]}`}
      aria-invalid={c.error || c.check || c.flaggedBy ? true : undefined}
      aria-describedby={describedBy}
      inputMode={part === "numerator" && row.indicator.measure === "mean_of_ratios" ? "decimal" : "numeric"}
      data-col={`${row.indicator.id}-${part}`}
      value={c[part]}
      disabled={!editable || !live}
      onChange={(e) => update(row.key, part, e.target.value)}
      onBlur={() => onLeaveCell(row)}
      onKeyDown={onEnter}
    />
  );

  return (
    <div className="entry-grid">
      {editable && <p className="muted small">{labels.keyboard}</p>}
      {indicators.map((indicator) => {
        const columns = indicator.measure === "number" ? 6 : 8;
        return (
          <section key={indicator.id} className="card" aria-labelledby={`indicator-${indicator.id}`}>
            <h2 id={`indicator-${indicator.id}`}>
              <span className="code">{indicator.code}</span> {indicator.name}
              {indicator.unit && indicator.unit !== "%" && <span className="muted"> ({indicator.unit})</span>}
            </h2>
            {targetOf(indicator) && (
              <p id={`target-${indicator.id}`} className="muted small">
                {targetOf(indicator)}
              </p>
            )}
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{labels.location}</th>
                    <th scope="col">{labels.cell}</th>
                    {indicator.measure === "number" ? (
                      <th scope="col">{labels.value}</th>
                    ) : (
                      <>
                        <th scope="col">{labels.numerator}</th>
                        <th scope="col">{labels.denominator}</th>
                        <th scope="col">{labels.result}</th>
                      </>
                    )}
                    <th scope="col">{labels.context}</th>
                    <th scope="col">{labels.comment}</th>
                    <th scope="col">
                      <span className="visually-hidden">{labels.history}</span>
                    </th>
                  </tr>
                </thead>
                {locations.map((location) => {
                  const locationRows = rows.filter((r) => r.indicator.id === indicator.id && r.location.code === location.code);
                  const locationSums = sums(indicator, location);
                  return (
                    <tbody key={location.code} className="location-block" onBlur={(event) => onLeavePlace(indicator, location, event)}>
                      {locationRows.map((row) => {
                        const c = cell(row.key);
                        const name = `${indicator.code} ${location.name} ${row.label}`;
                        const n = amount(row, "numerator");
                        const d = amount(row, "denominator");
                        const problem = c.error ?? c.check;
                        const describedBy = [
                          `${row.id}-context`,
                          row.isTotal && indicator.target !== null ? `target-${indicator.id}` : null,
                          problem ? `${row.id}-problem` : null,
                          c.flaggedBy ? `${c.flaggedBy}-problem` : null,
                          c.warning ? `${row.id}-warning` : null,
                        ]
                          .filter(Boolean)
                          .join(" ");
                        return [
                          <tr key={row.key} className={row.isTotal ? "total-row" : "option-row"}>
                            <th scope="row">{row.isTotal ? location.name : ""}</th>
                            <td>{row.label}</td>
                            {indicator.measure === "number" ? (
                              <td>{input(row, "value", c, name, describedBy)}</td>
                            ) : (
                              <>
                                <td>{input(row, "numerator", c, name, describedBy)}</td>
                                <td>{input(row, "denominator", c, name, describedBy)}</td>
                                <td className="num">{n !== null && d ? `${percent.format(n / d)} (${number.format(n)}/${number.format(d)})` : "—"}</td>
                              </>
                            )}
                            <td id={`${row.id}-context`} className="cell-context muted small">
                              {context(row)}
                              {c.queued && <span className="cell-waiting"> {t("offline.cellWaiting")}</span>}
                            </td>
                            <td>
                              <input
                                aria-label={`${name}, ${labels.comment}`}
                                className="comment-input"
                                data-col={`${indicator.id}-comment`}
                                value={c.comment}
                                disabled={!editable || !live}
                                onChange={(e) => update(row.key, "comment", e.target.value)}
                                onKeyDown={onEnter}
                              />
                            </td>
                            <td>
                              <button type="button" className="link-button" tabIndex={-1} onClick={() => void toggleHistory(row)} aria-expanded={!!history[row.key]}>
                                {history[row.key] ? labels.hideHistory : labels.history}
                              </button>
                            </td>
                          </tr>,
                          problem || c.warning ? (
                            <tr key={`${row.key}-message`} className="cell-message-row">
                              <td colSpan={columns}>
                                {problem && (
                                  <p id={`${row.id}-problem`} className="form-error" role="alert">
                                    {t("entry.cellProblem", { cell: row.label, problem: [c.error, c.check].filter(Boolean).join(" ") })}
                                  </p>
                                )}
                                {c.warning && (
                                  <p id={`${row.id}-warning`} className="form-warning">
                                    {c.warning}
                                  </p>
                                )}
                              </td>
                            </tr>
                          ) : null,
                          history[row.key] ? (
                            <tr key={`${row.key}-history`} className="history-row">
                              <td colSpan={columns}>
                                {history[row.key]?.length ? (
                                  <ul className="plain small">
                                    {history[row.key]?.map((line, i) => (
                                      <li key={i}>{line}</li>
                                    ))}
                                  </ul>
                                ) : (
                                  <span className="muted small">{labels.noHistory}</span>
                                )}
                              </td>
                            </tr>
                          ) : null,
                        ];
                      })}
                      {locationSums.length > 0 && (
                        <tr className="sum-row">
                          <td colSpan={columns}>
                            {locationSums.map((s) => (
                              <span key={s.key} className={s.ok ? "sum ok" : "sum mismatch"}>
                                {s.text}
                              </span>
                            ))}
                          </td>
                        </tr>
                      )}
                    </tbody>
                  );
                })}
              </table>
            </div>
          </section>
        );
      })}
      {editable && (
        <div className="save-bar">
          <button type="button" onClick={() => void save()} disabled={saving}>
            {saving ? labels.saving : labels.save}
          </button>
          {dirtyKeys.length > 0 && <span className="muted">{t("entry.unsaved", { count: dirtyKeys.length })}</span>}
          {message && (
            <span role="status" className={message.ok ? "saved-message" : "form-error"}>
              {message.text}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
