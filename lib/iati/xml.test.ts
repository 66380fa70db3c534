import { describe, expect, it } from "vitest";
import { el, renderDocument } from "./xml";

describe("renderDocument", () => {
  it("escapes text and attributes, drops characters XML cannot carry, leaves out empty attributes", () => {
    const xml = renderDocument(el("a", { x: 'say "<hi>" & bye', y: null, n: 3 }, el("b", {}, "5 < 6 & \u0007ok"), el("c"), null, false));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a x="say &quot;&lt;hi&gt;&quot; &amp; bye" n="3">\n  <b>5 &lt; 6 &amp; ok</b>\n  <c/>\n</a>\n');
  });
  it("keeps a payload as text, never as markup", () => {
    expect(renderDocument(el("narrative", {}, "</narrative><script>alert(1)</script>"))).toContain("&lt;/narrative&gt;&lt;script&gt;");
  });
});
