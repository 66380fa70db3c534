import { describe, expect, it } from "vitest";
import { afterNotWritten, afterWritten, chainToWaiting, countChanges, decideConflict, heldForConflicts, nextToSend, refused, sendAgain, type Change, type ChangeCell } from "./change-log";

// Phase IV's open quarter: returnees who started a business in Nyamagabe, total and sexes.
const cell = (key: string, value: string, baseVersion: number | null = null): ChangeCell => ({
  key,
  label: key,
  indicatorId: 7,
  locationCode: "RW-05-NYM",
  disaggregation: key.endsWith("female") ? { sex: "female" } : key.endsWith("male") ? { sex: "male" } : {},
  value,
  comment: "",
  baseVersion,
});
const TOTAL = "7|RW-05-NYM|";
const FEMALE = "7|RW-05-NYM|sex=female";
const MALE = "7|RW-05-NYM|sex=male";
const change = (id: string, createdAt: string, cells: ChangeCell[], extra: Partial<Change> = {}): Change => ({ id, userId: 3, projectCode: "RW-REINT-P4", period: "2026Q4", createdAt, cells, state: "waiting", ...extra });

describe("the order of sending", () => {
  it("sends the oldest waiting change first, whatever order the log was read in", () => {
    const first = change("b", "2026-12-01T08:00:00.000Z", [cell(TOTAL, "9")]);
    const second = change("a", "2026-12-01T08:05:00.000Z", [cell(MALE, "4")]);
    expect(nextToSend([second, first])?.id).toBe("b");
    expect(nextToSend([second, { ...first, state: "conflict" }])?.id).toBe("a");
    expect(nextToSend([{ ...first, state: "refused" }])).toBeUndefined();
  });

  it("chains a cell saved again to the change still waiting for it, and only to a waiting one of the same period", () => {
    const waiting = change("w1", "2026-12-01T08:00:00.000Z", [cell(TOTAL, "9", 2), cell(FEMALE, "5", 1)]);
    const elsewhere = change("w2", "2026-12-01T08:01:00.000Z", [cell(MALE, "4")], { period: "2026Q3" });
    const chained = chainToWaiting([cell(TOTAL, "10", 2), cell(MALE, "5")], [waiting, elsewhere], { projectCode: "RW-REINT-P4", period: "2026Q4" });
    expect(chained.map((c) => c.follows)).toEqual(["w1", undefined]);
    // The follower waits for the change it follows.
    const follower = change("f", "2026-12-01T08:02:00.000Z", chained);
    expect(nextToSend([follower, waiting])?.id).toBe("w1");
  });

  it("starts a follower from the version its predecessor wrote, or from none when it deleted the value", () => {
    const written = change("w1", "2026-12-01T08:00:00.000Z", [cell(TOTAL, "9", 2), cell(FEMALE, "", 1)]);
    const follower = change("f", "2026-12-01T08:02:00.000Z", [{ ...cell(TOTAL, "10", 2), follows: "w1" }, { ...cell(FEMALE, "6", 1), follows: "w1" }]);
    const [rebased] = afterWritten(written, [{ key: TOTAL, version: 3, value: 9, numerator: null, denominator: null, comment: null }], [follower]);
    expect(rebased?.cells.map((c) => [c.baseVersion, c.follows])).toEqual([
      [3, undefined],
      [null, undefined],
    ]);
    expect(nextToSend([rebased!])?.id).toBe("f");
  });

  it("starts a follower of a change not written from where that one started: the server asks it the same question", () => {
    const stale = change("w1", "2026-12-01T08:00:00.000Z", [cell(TOTAL, "9", 2)]);
    const follower = change("f", "2026-12-01T08:02:00.000Z", [{ ...cell(TOTAL, "10", 99), follows: "w1" }, cell(MALE, "4")]);
    const [unchained] = afterNotWritten(stale, [follower, change("x", "2026-12-01T08:03:00.000Z", [cell(FEMALE, "1")])]);
    expect(unchained?.cells[0]).toMatchObject({ baseVersion: 2 });
    expect(unchained?.cells[0]?.follows).toBeUndefined();
  });
});

describe("conflicts and refusals", () => {
  const stale = change("c", "2026-12-01T08:00:00.000Z", [cell(TOTAL, "6", 1), cell(FEMALE, "3", 1)]);
  const held = heldForConflicts(stale, [
    { index: 0, current: { version: 2, value: 8, numerator: null, denominator: null, comment: null }, changedBy: "Second demo programme manager", changedAt: "2026-12-01T09:00:00.000Z" },
  ]);

  it("holds a stale change with what the server holds, who wrote it and when; the other cells wait with it", () => {
    expect(held.state).toBe("conflict");
    expect(held.cells[0]?.conflict).toEqual({ current: { key: TOTAL, version: 2, value: 8, numerator: null, denominator: null, comment: null }, changedBy: "Second demo programme manager", changedAt: "2026-12-01T09:00:00.000Z" });
    expect(held.cells[1]?.conflict).toBeUndefined();
    expect(countChanges([held])).toEqual({ waiting: 1, conflicts: 1, refused: 0 });
  });

  it("keeps the manager's figure on top of the current version, or drops the cell for the current one", () => {
    const mine = decideConflict(held, TOTAL, "mine");
    expect(mine).toMatchObject({ state: "waiting", revision: 1 });
    expect(mine?.cells[0]).toMatchObject({ value: "6", baseVersion: 2 });
    expect(mine?.cells[0]?.conflict).toBeUndefined();
    const theirs = decideConflict(held, TOTAL, "current");
    expect(theirs?.cells.map((c) => c.key)).toEqual([FEMALE]);
    expect(decideConflict({ ...held, cells: [held.cells[0]!] }, TOTAL, "current")).toBeNull();
  });

  it("a deleted current value: the manager's figure is written as new", () => {
    const gone = heldForConflicts(stale, [{ index: 0, current: null, changedBy: null, changedAt: null }]);
    expect(decideConflict(gone, TOTAL, "mine")?.cells[0]?.baseVersion).toBeNull();
  });

  it("keeps a refused change with the server's reason, and sends it again as typed", () => {
    const kept = refused(stale, "Q4 2026 is submitted: it is read-only until it is returned.", [{ key: FEMALE, message: "Locked." }]);
    expect(kept).toMatchObject({ state: "refused", reason: "Q4 2026 is submitted: it is read-only until it is returned." });
    expect(kept.cells.map((c) => c.problem)).toEqual([undefined, "Locked."]);
    expect(countChanges([kept])).toEqual({ waiting: 0, conflicts: 0, refused: 2 });
    const again = sendAgain(kept);
    expect(again).toMatchObject({ state: "waiting", reason: undefined, revision: 1 });
    expect(again.cells.every((c) => c.problem === undefined)).toBe(true);
  });

  it("counts nothing in an empty log: all changes saved", () => {
    expect(countChanges([])).toEqual({ waiting: 0, conflicts: 0, refused: 0 });
  });
});
