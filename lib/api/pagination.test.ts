import { describe, expect, it } from "vitest";
import { pageOf, readPage } from "./pagination";

describe("pages of a list", () => {
  const url = new URL("http://x/api/v1/projects?limit=2");
  it("gives the items of a page and the address of the next one, null on the last", () => {
    const page = readPage(url, 100)!;
    expect(pageOf(url, [1, 2, 3, 4, 5], page)).toEqual({ data: [1, 2], next: "/api/v1/projects?limit=2&offset=2" });
    const last = new URL("http://x/api/v1/projects?limit=2&offset=4");
    expect(pageOf(last, [1, 2, 3, 4, 5], readPage(last, 100)!)).toEqual({ data: [5], next: null });
    expect(pageOf(new URL("http://x/a"), [1, 2, 3], readPage(new URL("http://x/a"), null)!)).toEqual({ data: [1, 2, 3], next: null });
  });
  it("refuses a limit outside 1 to 1,000 or a negative offset", () => {
    for (const q of ["limit=0", "limit=1001", "limit=x", "offset=-1"]) expect(readPage(new URL(`http://x/a?${q}`), 100)).toBeNull();
  });
});
