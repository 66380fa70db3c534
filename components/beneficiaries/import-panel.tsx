"use client";

import { useEffect, useRef, useState } from "react";
import type { FieldMatches } from "@/lib/beneficiaries/import-fields";
import type { ValueMapping } from "@/lib/beneficiaries/import-mapping";
import type { CodedField, ValueCounts } from "@/lib/beneficiaries/value-counts";
import { ImportMappingForm, type CodeChoice, type MappingLabels } from "./import-mapping-form";
import { ImportRows, type PreviewRow, type RowsLabels } from "./import-rows";

// An import in three steps: choose a file (CSV or XLSX, from Baseline's template, KoboToolbox, ODK
// or Excel) and check it; see and correct how its columns and values are read, and save that as a
// named mapping of the project; then import all rows, once the check finds nothing wrong.

type ImportAnswer = {
  written: boolean;
  summary: string;
  warning: string | null;
  counts: { rows: number };
  problemCount: number;
  problems: { line: number; message: string }[];
  rows: PreviewRow[];
  header: string[];
  sheets: string[];
  sheet: string | null;
  matches: FieldMatches;
  values: ValueMapping;
  valueCounts: ValueCounts;
  mapping: { id: number; name: string; used: boolean } | null;
};
export type SavedMapping = { id: number; name: string; matches: FieldMatches; values: ValueMapping };
export type ImportLabels = RowsLabels & {
  file: string;
  preview: string;
  commit: string;
  uploading: string;
  failed: string;
  sheet: string;
  mappingChoice: string;
  automatic: string;
  offered: string;
  useOffered: string;
  mappingName: string;
  saveMapping: string;
  mappingSaved: string;
  checkAgain: string;
};

/** The server's reason for refusing the request, in the user's language. */
class RefusedError extends Error {}

/** Sends to an API route with XMLHttpRequest, for the upload's progress; answers its JSON. */
function send<T>(
  method: string,
  url: string,
  body: Document | XMLHttpRequestBodyInit,
  onProgress: (fraction: number) => void,
  contentType?: string,
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    if (contentType) request.setRequestHeader("Content-Type", contentType);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      try {
        resolve({ status: request.status, body: JSON.parse(request.responseText) as T });
      } catch {
        reject(new Error(String(request.status)));
      }
    };
    request.onerror = () => reject(new Error("network"));
    request.send(body);
  });
}

export function ImportPanel({
  projectCode,
  columns,
  choices,
  saved: initiallySaved,
  labels,
  mappingLabels,
  language,
}: {
  projectCode: string;
  columns: readonly string[];
  choices: Record<CodedField, CodeChoice[]>;
  saved: SavedMapping[];
  labels: ImportLabels;
  mappingLabels: MappingLabels;
  language: string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(initiallySaved);
  // The mapping the file is read with: null reads it automatically; `savedId` when it is a saved one, unchanged.
  const [mapping, setMapping] = useState<{ matches: FieldMatches; values: ValueMapping } | null>(null);
  const [savedId, setSavedId] = useState<number | null>(null);
  const [name, setName] = useState("");
  const [note, setNote] = useState<string | null>(null);
  // Import is offered for the file and mapping last checked, with nothing wrong.
  const [checked, setChecked] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A file chosen while the page's script was still loading (a slow connection) raised no change
  // event that React heard: it is taken once the panel comes alive.
  useEffect(() => {
    const chosen = input.current?.files?.[0];
    if (chosen) setFile(chosen);
  }, []);
  const base = `/api/v1/projects/${encodeURIComponent(projectCode)}`;

  async function run(mode: "preview" | "commit") {
    if (!file) return;
    setError(null);
    setNote(null);
    setProgress(0);
    try {
      const query = new URLSearchParams({ mode, filename: file.name, ...(sheet ? { sheet } : {}), ...(savedId !== null && mapping !== null ? { mapping: String(savedId) } : {}) });
      const form = new FormData();
      form.append("file", file);
      if (mapping !== null && savedId === null) form.append("mapping", JSON.stringify(mapping));
      const { body } = await send<ImportAnswer & { detail?: string }>("POST", `${base}/beneficiaries/import?${query.toString()}`, form, setProgress);
      // A refused file comes with its counts and problems; any other refusal is a problem with a detail.
      if (typeof body.summary !== "string") throw new RefusedError(body.detail ?? labels.failed);
      setAnswer(body);
      if (mapping === null) setMapping({ matches: body.matches, values: body.values });
      else setMapping({ matches: mapping.matches, values: { ...body.values, ...mapping.values } });
      setChecked(mode === "preview" && body.problemCount === 0);
    } catch (failure) {
      setError(failure instanceof RefusedError ? failure.message : labels.failed);
    } finally {
      setProgress(null);
    }
  }

  function change(next: { matches: FieldMatches; values: ValueMapping }) {
    setMapping(next);
    setSavedId(null);
    setChecked(false);
  }

  function choose(id: string) {
    const chosen = saved.find((m) => String(m.id) === id);
    setChecked(false);
    if (!chosen) {
      setMapping(null);
      setSavedId(null);
      return;
    }
    setMapping({ matches: chosen.matches, values: chosen.values });
    setSavedId(chosen.id);
    setName(chosen.name);
  }

  async function save() {
    if (!mapping || !answer) return;
    setError(null);
    const same = saved.find((m) => m.name === name.trim());
    const body = JSON.stringify({ name: name.trim(), ...mapping, header: answer.header });
    try {
      const { status, body: reply } = await send<SavedMapping & { detail?: string }>(
        same ? "PUT" : "POST",
        same ? `${base}/import-mappings/${same.id}` : `${base}/import-mappings`,
        body,
        () => {},
        "application/json",
      );
      if (status >= 400) throw new RefusedError(reply.detail ?? labels.failed);
      setSaved([...saved.filter((m) => m.id !== reply.id), reply].sort((a, b) => a.name.localeCompare(b.name)));
      setSavedId(reply.id);
      setNote(labels.mappingSaved.replace("{name}", reply.name));
    } catch (failure) {
      setError(failure instanceof RefusedError ? failure.message : labels.failed);
    }
  }

  const busy = progress !== null;
  const offered = answer?.mapping && !answer.mapping.used && savedId === null ? answer.mapping : null;
  return (
    <div className="card import-panel">
      <label>
        {labels.file}
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setAnswer(null);
            setSheet(null);
            setChecked(false);
            // Another file is matched afresh, unless the manager chose a saved mapping for it.
            if (savedId === null) setMapping(null);
          }}
        />
      </label>
      {saved.length > 0 && (
        <label>
          {labels.mappingChoice}
          <select value={savedId === null ? "" : String(savedId)} onChange={(e) => choose(e.target.value)}>
            <option value="">{labels.automatic}</option>
            {saved.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {answer && answer.sheets.length > 1 && (
        <label>
          {labels.sheet}
          <select
            value={sheet ?? answer.sheet ?? ""}
            onChange={(e) => {
              setSheet(e.target.value);
              setChecked(false);
            }}
          >
            {answer.sheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      )}
      <div className="row-fields">
        <button type="button" disabled={!file || busy} onClick={() => void run("preview")}>
          {answer ? labels.checkAgain : labels.preview}
        </button>
        {checked && !answer?.written && (
          <button type="button" disabled={busy} onClick={() => void run("commit")}>
            {labels.commit}
          </button>
        )}
      </div>
      {busy && (
        <p>
          <progress value={progress} max={1} aria-label={labels.uploading} /> {labels.uploading}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div role="status">
        {answer && <p className={answer.problemCount > 0 ? "form-error" : "saved-message"}>{answer.summary}</p>}
        {answer?.warning && <p className="form-warning">{answer.warning}</p>}
        {note && <p className="saved-message">{note}</p>}
      </div>
      {offered && (
        <p className="form-warning">
          {labels.offered.replace("{name}", offered.name)}{" "}
          <button type="button" className="secondary" onClick={() => choose(String(offered.id))}>
            {labels.useOffered}
          </button>
        </p>
      )}
      {answer && mapping && !answer.written && (
        <>
          <ImportMappingForm
            header={answer.header}
            matches={mapping.matches}
            values={mapping.values}
            counts={answer.valueCounts}
            choices={choices}
            labels={mappingLabels}
            language={language}
            onMatches={(matches) => change({ ...mapping, matches })}
            onValues={(values) => change({ ...mapping, values })}
          />
          <div className="row-fields">
            <label>
              {labels.mappingName}
              <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="button" className="secondary" disabled={name.trim() === "" || busy} onClick={() => void save()}>
              {labels.saveMapping}
            </button>
          </div>
        </>
      )}
      {answer && !answer.written && <ImportRows rows={answer.rows} problems={answer.problems} total={answer.counts.rows} columns={columns} labels={labels} />}
    </div>
  );
}
