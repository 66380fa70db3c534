"use client";

import { useState } from "react";

type ImportResult = { written: boolean; summary: string; problemCount: number; problems: { line: number; message: string }[] };
type Labels = { file: string; preview: string; commit: string; uploading: string; line: string; failed: string };

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

/** Preview first, then all rows or none. */
export function ImportPanel({ projectCode, labels }: { projectCode: string; labels: Labels }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [previewed, setPreviewed] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

  return (
    <div className="card import-panel">
      <label>
        {labels.file}
        <input
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
          {result.problems.length > 0 && (
            <ul className="problems">
              {result.problems.map((p, i) => (
                <li key={i}>
                  <strong>{labels.line.replace("{line}", String(p.line))}</strong>: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
