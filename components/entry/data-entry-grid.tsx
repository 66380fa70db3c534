"use client";

import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { saveEntries, loadCellHistory } from "@/app/(app)/projects/[code]/entry/[period]/actions";
import { encodeOptionKey } from "@/lib/disaggregation/option-key";
import { cellFromValue, cellKey, EMPTY_CELL, typedNumber, type CellState } from "./cell-state";
import type { GridCellValue, GridIndicator, GridLabels, GridLocation } from "./grid-types";

type Props = {
  projectCode: string;
  period: string;
  locale: string;
  editable: boolean;
  indicators: GridIndicator[];
  locations: GridLocation[];
  values: GridCellValue[];
  labels: GridLabels;
};

type Row = { key: string; indicator: GridIndicator; location: GridLocation; options: Record<string, string>; label: string; isTotal: boolean };

/** Moves the focus to the same column in the next row, as Enter does in a spreadsheet. */
function focusBelow(event: KeyboardEvent<HTMLInputElement>) {
  const column = event.currentTarget.dataset.col;
  const inputs = [...document.querySelectorAll<HTMLInputElement>(`input[data-col="${column}"]:not([disabled])`)];
  inputs[inputs.indexOf(event.currentTarget) + 1]?.focus();
}

export function DataEntryGrid({ projectCode, period, locale, editable, indicators, locations, values, labels }: Props) {
  const initial = useMemo(() => {
    const cells: Record<string, CellState> = {};
    for (const v of values) cells[cellKey(v.indicatorId, v.locationCode, v.disaggregation)] = cellFromValue(v);
    return cells;
  }, [values]);
  const [cells, setCells] = useState<Record<string, CellState>>(initial);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [history, setHistory] = useState<Record<string, string[]>>({});
  const number = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }), [locale]);
  const percent = useMemo(() => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }), [locale]);

  const rows = useMemo(() => {
    const list: Row[] = [];
    for (const indicator of indicators) {
      for (const location of locations) {
        list.push({ key: cellKey(indicator.id, location.code, {}), indicator, location, options: {}, label: labels.total, isTotal: true });
        for (const dimension of indicator.dimensions) {
          for (const option of dimension.options) {
            const options = { [dimension.code]: option.code };
            list.push({ key: cellKey(indicator.id, location.code, options), indicator, location, options, label: `${dimension.name}: ${option.name}`, isTotal: false });
          }
        }
      }
    }
    return list;
  }, [indicators, locations, labels.total]);

  const cell = (key: string) => cells[key] ?? EMPTY_CELL;
  const dirtyKeys = Object.keys(cells).filter((key) => cells[key]?.dirty);

  const update = (key: string, field: "value" | "numerator" | "denominator" | "comment", text: string) =>
    setCells((current) => ({ ...current, [key]: { ...(current[key] ?? EMPTY_CELL), [field]: text, dirty: true, error: undefined, warning: undefined } }));

  const save = useCallback(async () => {
    const changed = rows.filter((row) => cells[row.key]?.dirty);
    if (changed.length === 0 || saving) return;
    setSaving(true);
    setMessage(null);
    try {
      const result = await saveEntries({
        projectCode,
        period,
        cells: changed.map((row) => {
          const c = cell(row.key);
          const figure = row.indicator.measure === "number" ? { value: c.value } : { numerator: c.numerator, denominator: c.denominator };
          return { key: row.key, indicatorId: row.indicator.id, locationCode: row.location.code, disaggregation: row.options, ...figure, comment: c.comment, version: c.version };
        }),
      });
      setCells((current) => {
        const next = { ...current };
        if (result.ok) {
          for (const saved of result.saved) next[saved.key] = cellFromValue(saved);
          for (const warning of result.warnings) next[warning.key] = { ...(next[warning.key] ?? EMPTY_CELL), warning: warning.message };
        } else {
          for (const conflict of result.conflicts) next[conflict.key] = conflict.current ? cellFromValue(conflict.current) : { ...EMPTY_CELL };
          for (const error of result.errors) {
            const existing = next[error.key] ?? EMPTY_CELL;
            next[error.key] = { ...existing, error: existing.error && existing.error !== error.message ? `${existing.error} ${error.message}` : error.message };
          }
        }
        return next;
      });
      setMessage({ ok: result.ok, text: result.message });
    } finally {
      setSaving(false);
    }
  }, [rows, cells, saving, projectCode, period]);

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

  const amount = (row: Row, part: "value" | "numerator" | "denominator") => typedNumber(cell(row.key)[part]);

  /** Per location and dimension: what the options add up to, beside the total. */
  const sums = (indicator: GridIndicator, location: GridLocation) =>
    indicator.dimensions.flatMap((dimension) => {
      const parts: ("value" | "numerator" | "denominator")[] = indicator.measure === "number" ? ["value"] : ["numerator", "denominator"];
      return parts.flatMap((part) => {
        const optionRows = rows.filter((r) => r.indicator.id === indicator.id && r.location.code === location.code && dimension.code in r.options);
        const entered = optionRows.map((r) => amount(r, part)).filter((n): n is number => n !== null);
        if (entered.length === 0) return [];
        const total = typedNumber(cell(cellKey(indicator.id, location.code, {}))[part]);
        const sum = entered.reduce((a, b) => a + b, 0);
        const name = parts.length > 1 ? `${dimension.name} (${part === "numerator" ? labels.numerator : labels.denominator})` : dimension.name;
        return [{ key: `${dimension.code}-${part}`, text: labels.sum.replace("{dimension}", name).replace("{sum}", number.format(sum)).replace("{total}", total === null ? "—" : number.format(total)), ok: total !== null && Math.abs(total - sum) < 1e-9 }];
      });
    });

  return (
    <div className="entry-grid">
      <p className="muted small">{labels.keyboard}</p>
      {indicators.map((indicator) => (
        <section key={indicator.id} className="card" aria-labelledby={`indicator-${indicator.id}`}>
          <h3 id={`indicator-${indicator.id}`}>
            <span className="code">{indicator.code}</span> {indicator.name}
            {indicator.unit && indicator.unit !== "%" && <span className="muted"> ({indicator.unit})</span>}
          </h3>
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
                  <tbody key={location.code} className="location-block">
                    {locationRows.map((row) => {
                      const c = cell(row.key);
                      const name = `${indicator.code} ${location.name} ${row.label}`;
                      const n = amount(row, "numerator");
                      const d = amount(row, "denominator");
                      return [
                        <tr key={row.key} className={row.isTotal ? "total-row" : "option-row"} aria-invalid={c.error ? true : undefined}>
                          <th scope="row">{row.isTotal ? location.name : ""}</th>
                          <td>{row.label}</td>
                          {indicator.measure === "number" ? (
                            <td>
                              <input
                                aria-label={`${name}, ${labels.value}`}
                                inputMode="numeric"
                                data-col={`${indicator.id}-value`}
                                value={c.value}
                                disabled={!editable}
                                onChange={(e) => update(row.key, "value", e.target.value)}
                                onKeyDown={onEnter}
                              />
                            </td>
                          ) : (
                            <>
                              <td>
                                <input
                                  aria-label={`${name}, ${labels.numerator}`}
                                  inputMode="decimal"
                                  data-col={`${indicator.id}-numerator`}
                                  value={c.numerator}
                                  disabled={!editable}
                                  onChange={(e) => update(row.key, "numerator", e.target.value)}
                                  onKeyDown={onEnter}
                                />
                              </td>
                              <td>
                                <input
                                  aria-label={`${name}, ${labels.denominator}`}
                                  inputMode="numeric"
                                  data-col={`${indicator.id}-denominator`}
                                  value={c.denominator}
                                  disabled={!editable}
                                  onChange={(e) => update(row.key, "denominator", e.target.value)}
                                  onKeyDown={onEnter}
                                />
                              </td>
                              <td className="num">{n !== null && d ? `${percent.format(n / d)} (${number.format(n)}/${number.format(d)})` : "—"}</td>
                            </>
                          )}
                          <td>
                            <input
                              aria-label={`${name}, ${labels.comment}`}
                              className="comment-input"
                              data-col={`${indicator.id}-comment`}
                              value={c.comment}
                              disabled={!editable}
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
                        c.error || c.warning ? (
                          <tr key={`${row.key}-message`} className="cell-message-row">
                            <td colSpan={indicator.measure === "number" ? 5 : 7}>
                              {c.error && (
                                <p className="form-error" role="alert">
                                  {row.label}: {c.error}
                                </p>
                              )}
                              {c.warning && <p className="form-warning">{c.warning}</p>}
                            </td>
                          </tr>
                        ) : null,
                        history[row.key] ? (
                          <tr key={`${row.key}-history`} className="history-row">
                            <td colSpan={indicator.measure === "number" ? 5 : 7}>
                              {history[row.key]?.length ? (
                                <ul className="plain small">
                                  {history[row.key]?.map((line, i) => <li key={i}>{line}</li>)}
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
                        <td colSpan={indicator.measure === "number" ? 5 : 7}>
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
      ))}
      {editable && (
        <div className="save-bar">
          <button type="button" onClick={() => void save()} disabled={saving}>
            {saving ? labels.saving : labels.save}
          </button>
          {dirtyKeys.length > 0 && <span className="muted">{labels.unsaved.replace("{count}", String(dirtyKeys.length))}</span>}
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
