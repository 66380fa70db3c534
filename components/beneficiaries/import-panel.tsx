"use client";

import { Fragment, useEffect, useRef, useState } from "react";

type PreviewRow = { line: number; values: string[]; problems: string[]; columns: string[] };
type ImportResult = {
  written: boolean;
  summary: string;
  warning: string | null;
  counts: { rows: number };
  problemCount: number;
  problems: { line: number; message: string }[];
  rows: PreviewRow[];
};
type Labels = { file: string; preview: string; commit: string; uploading: string; line: string; failed: string; rowsTitle: string; rowsShown: string; rowProblems: string; otherRows: string };

/** The server's reason for refusing the request, in the user's language. */
class RefusedError extends Error {}

/** Sends the file to the import route with XMLHttpRequest, for its upload progress. */
function send(url: string, file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("Content-Type", "text/csv");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      let body: (Partial<ImportResult> & { detail?: string }) | null = null;
      try {
        body = JSON.parse(request.responseText) as Partial<ImportResult> & { detail?: string };
      } catch {
        reject(new Error(String(request.status)));
        return;
      }
      // A refused file comes with its counts and problems; any other refusal is a problem with a detail.
      if (typeof body.summary === "string") resolve(body as ImportResult);
      else reject(new RefusedError(body.detail ?? String(request.status)));
    };
    request.onerror = () => reject(new Error("network"));
    request.send(file);
  });
}

/** The problems of rows after the first shown ones, one entry per row. */
function otherRows(result: ImportResult): [number, string[]][] {
  const shown = new Set(result.rows.map((r) => r.line));
  const byLine = new Map<number, string[]>();
  for (const p of result.problems) if (!shown.has(p.line)) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.message]);
  return [...byLine];
}

/** Preview first, then all rows or none. */
export function ImportPanel({ projectCode, columns, labels }: { projectCode: string; columns: readonly string[]; labels: Labels }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [previewed, setPreviewed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // A file chosen while the page's script was still loading (a slow connection) raised no change
  // event that React heard: it is taken once the panel comes alive.
  useEffect(() => {
    const chosen = input.current?.files?.[0];
    if (chosen) setFile(chosen);
  }, []);

  async function run(mode: "preview" | "commit") {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const url = `/api/v1/projects/${encodeURIComponent(projectCode)}/beneficiaries/import?mode=${mode}&filename=${encodeURIComponent(file.name)}`;
      const answer = await send(url, file, setProgress);
      setResult(answer);
      setPreviewed(mode === "preview" && answer.problemCount === 0);
    } catch (failure) {
      setError(failure instanceof RefusedError ? failure.message : labels.failed);
    } finally {
      setProgress(null);
    }
  }

  const lineLabel = (line: number) => labels.line.replace("{line}", String(line));
  const others = result ? otherRows(result) : [];
  return (
    <div className="card import-panel">
      <label>
        {labels.file}
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setResult(null);
            setPreviewed(false);
          }}
        />
      </label>
      <div className="row-fields">
        <button type="button" disabled={!file || progress !== null} onClick={() => void run("preview")}>
          {labels.preview}
        </button>
        {previewed && !result?.written && (
          <button type="button" disabled={progress !== null} onClick={() => void run("commit")}>
            {labels.commit}
          </button>
        )}
      </div>
      {progress !== null && (
        <p>
          <progress value={progress} max={1} aria-label={labels.uploading} /> {labels.uploading}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {result && (
        <div role="status">
          <p className={result.problemCount > 0 ? "form-error" : "saved-message"}>{result.summary}</p>
          {result.warning && <p className="form-warning">{result.warning}</p>}
        </div>
      )}
      {result && !result.written && result.rows.length > 0 && (
        <>
          <h2>{labels.rowsTitle}</h2>
          {result.counts.rows > result.rows.length && (
            <p className="muted small">{labels.rowsShown.replace("{shown}", String(result.rows.length)).replace("{total}", String(result.counts.rows))}</p>
          )}
          <div className="table-scroll">
            <table className="import-rows stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      <code>{c}</code>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <Fragment key={row.line}>
                    <tr className={row.problems.length > 0 ? "has-problems" : undefined}>
                      <th scope="row">{row.line}</th>
                      {row.values.map((value, i) => (
                        <td key={i} data-label={columns[i]} className={row.columns.includes(columns[i] ?? "") ? "cell-problem" : undefined}>
                          {value}
                        </td>
                      ))}
                    </tr>
                    {row.problems.length > 0 && (
                      <tr className="has-problems problem-row">
                        <td colSpan={columns.length + 1} aria-label={labels.rowProblems}>
                          <ul className="row-problems">
                            {row.problems.map((message, i) => (
                              <li key={i}>{message}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {others.length > 0 && (
        <>
          <h2>{labels.otherRows}</h2>
          <ul className="problems">
            {others.map(([line, messages]) => (
              <li key={line}>
                <strong>{lineLabel(line)}</strong>
                <ul className="row-problems">
                  {messages.map((message, i) => (
                    <li key={i}>{message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
