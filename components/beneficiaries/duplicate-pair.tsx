// One pair of the duplicate queue: the two records side by side, why they look alike, and the
// decisions a manager may take on it (each a form of its own, so that it works before the page's
// script has loaded).

export type PairRecord = {
  ref: string;
  household: string;
  sex: string;
  birthYear: string;
  group: string;
  place: string;
  householdSize: string;
  services: string[];
};

export type PairView = { id: number; reason: string; status: "open" | "merged" | "distinct"; decided: string | null; first: PairRecord | null; second: PairRecord | null };

export type PairLabels = {
  rows: { ref: string; household: string; sex: string; birthYear: string; group: string; place: string; householdSize: string; services: string };
  first: string;
  second: string;
  kept: string;
  removed: string;
  merge: string;
  distinct: string;
  undo: string;
  caption: string;
};

const ROWS = ["ref", "household", "sex", "birthYear", "group", "place", "householdSize", "services"] as const;

export function DuplicatePair({ pair, labels, projectCode, action }: { pair: PairView; labels: PairLabels; projectCode: string; action: (form: FormData) => Promise<void> }) {
  const merged = pair.status === "merged";
  const cell = (record: PairRecord | null, row: (typeof ROWS)[number]) => {
    if (!record) return "—";
    if (row === "services") return record.services.length === 0 ? "—" : record.services.join(", ");
    return record[row] || "—";
  };
  const decide = (decision: "merge" | "distinct" | "undo", label: string) => (
    <form action={action}>
      <input type="hidden" name="projectCode" value={projectCode} />
      <input type="hidden" name="pairId" value={pair.id} />
      <input type="hidden" name="decision" value={decision} />
      <button type="submit" className={decision === "merge" ? undefined : "secondary"}>
        {label}
      </button>
    </form>
  );
  return (
    <article className="card duplicate-pair" aria-labelledby={`pair-${pair.id}-reason`} id={`pair-${pair.id}`}>
      <h3 id={`pair-${pair.id}-reason`}>{pair.reason}</h3>
      {pair.decided && <p className="muted small">{pair.decided}</p>}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{labels.caption}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{merged ? labels.kept : labels.first}</th>
              <th scope="col">{merged ? labels.removed : labels.second}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} className={pair.first && pair.second && row !== "services" && pair.first[row] !== pair.second[row] ? "differs" : undefined}>
                <th scope="row">{labels.rows[row]}</th>
                <td>{cell(pair.first, row)}</td>
                <td>{cell(pair.second, row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row-fields">
        {pair.status === "open" && decide("merge", labels.merge)}
        {pair.status === "open" && decide("distinct", labels.distinct)}
        {merged && decide("undo", labels.undo)}
      </div>
    </article>
  );
}
