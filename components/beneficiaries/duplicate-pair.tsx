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

export type PairView = {
  id: number;
  title: string;
  reason: string;
  status: "open" | "merged" | "distinct";
  decided: string | null;
  first: PairRecord | null;
  second: PairRecord | null;
};

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
  /** Said of a row whose two values differ, beside the colour. */
  differs: string;
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
      <button type="submit" className={decision === "merge" ? undefined : "secondary"} aria-describedby={`pair-${pair.id}-title`}>
        {label}
      </button>
    </form>
  );
  return (
    <article className="card duplicate-pair" aria-labelledby={`pair-${pair.id}-title`} aria-describedby={`pair-${pair.id}-reason`} id={`pair-${pair.id}`}>
      <h3 id={`pair-${pair.id}-title`}>{pair.title}</h3>
      <p id={`pair-${pair.id}-reason`}>
        {pair.reason}
        {pair.decided && <span className="muted small"> · {pair.decided}</span>}
      </p>
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
            {ROWS.map((row) => {
              const differs = pair.first !== null && pair.second !== null && row !== "services" && pair.first[row] !== pair.second[row];
              return (
                <tr key={row} className={differs ? "differs" : undefined}>
                  <th scope="row">
                    {labels.rows[row]}
                    {differs && (
                      <span className="differs-mark">
                        {" "}
                        ≠<span className="visually-hidden"> {labels.differs}</span>
                      </span>
                    )}
                  </th>
                  <td>{cell(pair.first, row)}</td>
                  <td>{cell(pair.second, row)}</td>
                </tr>
              );
            })}
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
