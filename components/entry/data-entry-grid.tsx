"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from "react";
import { createTranslator } from "use-intl/core";
import { encodeOptionKey } from "@/lib/disaggregation/option-key";
import type { FigureParts } from "@/lib/indicators/actual";
import { percentFormatter } from "@/lib/i18n/format";
import { problemMessage, warningMessage } from "@/lib/i18n/problem-message";
import { plainNumber } from "@/lib/validation/figure";
import { previousPeriod as periodBefore } from "@/lib/periods/period";
import type { Translator } from "@/lib/i18n/translator";
import { checkBreakdowns, checkTypedFigure, typedWarning } from "./cell-checks";
import { cellFromValue, cellKey, EMPTY_CELL, type CellState } from "./cell-state";
import type { CellHistoryInput, GridCellValue, GridIndicator, GridLabels, GridLocation, GridMessages, GridRowView, Part, Row } from "./grid-types";
import { LocationBlock } from "./location-block";
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

const figureOf = (v: GridCellValue): FigureParts => ({ value: v.value, numerator: v.numerator, denominator: v.denominator });

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
  /** The rows of each indicator at each place, by `indicatorId|locationCode`. */
  const blocks = useMemo(() => {
    const byBlock = new Map<string, Row[]>();
    for (const row of rows) {
      const block = `${row.indicator.id}|${row.location.code}`;
      const list = byBlock.get(block) ?? [];
      if (list.length === 0) byBlock.set(block, list);
      list.push(row);
    }
    return byBlock;
  }, [rows]);

  const dirtyKeys = Object.keys(cells).filter((key) => cells[key]?.dirty);
  useUnsavedChanges("grid", dirtyKeys.length);

  const update = useCallback(
    (key: string, field: Part | "comment", text: string) =>
      setCells((current) => ({ ...current, [key]: { ...(current[key] ?? EMPTY_CELL), [field]: text, dirty: true, queued: false, error: undefined, warning: undefined } })),
    [],
  );

  /**
   * The browser's checks of the cells of one indicator at one place: each typed figure, and the
   * breakdowns once complete (or all, when leaving the place). A breakdown that does not add up is
   * said once, under the place's total; its options point to that message.
   */
  const checkBlock = useCallback(
    (current: Record<string, CellState>, indicator: GridIndicator, locationCode: string, all: boolean): Record<string, CellState> => {
      const block = blocks.get(`${indicator.id}|${locationCode}`) ?? [];
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
    [blocks, t, messages.language],
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
  const leaveCell = useCallback(
    (row: Row) =>
      setCells((current) => {
        const typed = plain(current[row.key] ?? EMPTY_CELL);
        // The server's warning, said here already: the figure is far from the previous period's.
        const warning = typed.dirty ? typedWarning(row.indicator.measure, typed, earlier.get(row.key) ?? null, previousPeriod) : null;
        const withWarning = typed.dirty ? { ...typed, warning: warning ? warningMessage(t, messages.language, warning) : undefined } : typed;
        return checkBlock({ ...current, [row.key]: withWarning }, row.indicator, row.location.code, false);
      }),
    [plain, earlier, previousPeriod, t, messages.language, checkBlock],
  );
  const leavePlace = useCallback(
    (indicator: GridIndicator, location: GridLocation, event: FocusEvent<HTMLElement>) => {
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      setCells((current) => checkBlock(current, indicator, location.code, true));
    },
    [checkBlock],
  );

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

  const toggleHistory = useCallback(
    async (row: Row, shown: boolean) => {
      if (shown) {
        setHistory(({ [row.key]: _gone, ...rest }) => rest);
        return;
      }
      const lines = await loadCellHistory({ projectCode, indicatorId: row.indicator.id, period, locationCode: row.location.code, disaggregation: encodeOptionKey(row.options) });
      setHistory((current) => ({ ...current, [row.key]: lines }));
    },
    [loadCellHistory, projectCode, period],
  );

  // A figure typed before the grid's script ran (a slow connection) is in its field, which React
  // leaves as it is while it takes the page over, but not in the grid's state: it is taken up here
  // as typed, so that it is saved like any other. The fields are open from the first paint.
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const field of grid.current?.querySelectorAll<HTMLInputElement>("input[data-cell]") ?? []) {
      const { cell, part } = field.dataset;
      if (cell && (part === "value" || part === "numerator" || part === "denominator" || part === "comment") && field.value !== field.defaultValue) update(cell, part, field.value);
    }
  }, [update]);

  const view: GridRowView = useMemo(
    () => ({ t, number, percent, labels, previousPeriodLabel, editable, update, leaveCell, leavePlace, toggleHistory: (row, shown) => void toggleHistory(row, shown) }),
    [t, number, percent, labels, previousPeriodLabel, editable, update, leaveCell, leavePlace, toggleHistory],
  );

  /** An indicator's target for the period, for the whole project: beside its name, and read with each place's total. */
  const targetOf = (indicator: GridIndicator) =>
    indicator.target === null
      ? null
      : t("entry.targetOfPeriod", { period: periodLabel, value: indicator.measure === "number" ? number.format(indicator.target) : percent.format(indicator.target / 100) });

  return (
    <div className="entry-grid" ref={grid}>
      {editable && <p className="muted small">{labels.keyboard}</p>}
      {indicators.map((indicator) => {
        const target = targetOf(indicator);
        return (
          <section key={indicator.id} className="card" aria-labelledby={`indicator-${indicator.id}`}>
            <h2 id={`indicator-${indicator.id}`}>
              <span className="code">{indicator.code}</span> {indicator.name}
              {indicator.unit && indicator.unit !== "%" && <span className="muted"> ({indicator.unit})</span>}
            </h2>
            {target && (
              <p id={`target-${indicator.id}`} className="muted small">
                {target}
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
                {locations.map((location) => (
                  <LocationBlock
                    key={location.code}
                    indicator={indicator}
                    location={location}
                    rows={blocks.get(`${indicator.id}|${location.code}`) ?? []}
                    cells={cells}
                    earlier={earlier}
                    history={history}
                    view={view}
                  />
                ))}
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
