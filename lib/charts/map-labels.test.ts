import { describe, expect, it } from "vitest";
import { labelBox, overlaps, placeLabels, type Box, type Bubble } from "./map-labels";

const MAP = { width: 480, height: 360 };
const FONT = 11;

function expectNoOverlap(boxes: (Box | null)[]) {
  const drawn = boxes.filter((b): b is Box => b !== null);
  for (const [i, a] of drawn.entries()) {
    for (const b of drawn.slice(i + 1)) expect(overlaps(a, b), `${JSON.stringify(a)} covers ${JSON.stringify(b)}`).toBe(false);
    expect(a.left >= 0 && a.top >= 0 && a.left + a.width <= MAP.width && a.top + a.height <= MAP.height).toBe(true);
  }
}

// The nine districts of Phase IV (db/seed/rwanda-places.ts), projected as the map does at about 200 px a degree.
const DISTRICTS = [
  ["Gisagara", -2.6, 29.83, 1300],
  ["Huye", -2.6, 29.74, 1250],
  ["Nyaruguru", -2.7, 29.55, 700],
  ["Nyamagabe", -2.45, 29.5, 640],
  ["Karongi", -2.08, 29.4, 520],
  ["Nyabihu", -1.65, 29.5, 380],
  ["Rubavu", -1.68, 29.33, 610],
  ["Rutsiro", -1.93, 29.33, 300],
  ["Musanze", -1.5, 29.63, 450],
] as const;
const districtBubbles: Bubble[] = DISTRICTS.map(([name, lat, lon, value]) => ({
  x: 16 + (lon - 28.86) * 200,
  y: 16 + (-1.05 - lat) * 200,
  radius: 4 + Math.sqrt(value / 1300) * 22,
  text: `${name} ${value.toLocaleString("en-GB")}`,
}));

describe("placeLabels", () => {
  it("names Huye and Gisagara, 18 px apart on the Phase IV map, without one label over the other", () => {
    const boxes = placeLabels(districtBubbles, MAP, FONT);
    expectNoOverlap(boxes);
    expect(boxes.every((b) => b !== null)).toBe(true);
    const [gisagara, huye] = boxes as Box[];
    expect(overlaps(gisagara!, huye!)).toBe(false);
  });

  it("keeps a label off its own bubble and, where it can, off the others", () => {
    const boxes = placeLabels(districtBubbles, MAP, FONT) as Box[];
    boxes.forEach((box, i) => {
      const b = districtBubbles[i]!;
      const nearestX = Math.max(box.left, Math.min(b.x, box.left + box.width));
      const nearestY = Math.max(box.top, Math.min(b.y, box.top + box.height));
      expect(Math.hypot(nearestX - b.x, nearestY - b.y)).toBeGreaterThanOrEqual(b.radius);
    });
  });

  it("leaves off a label that has no free spot, largest places first, and never lets labels cover one another", () => {
    // Twelve places on one spot: the first few labels fit around it, the rest are left to the table.
    const crowd: Bubble[] = Array.from({ length: 12 }, (_, i) => ({ x: 240, y: 180, radius: 4 + i, text: `Place ${i} 1,000` }));
    const boxes = placeLabels(crowd, MAP, FONT);
    expectNoOverlap(boxes);
    expect(boxes.filter((b) => b === null).length).toBeGreaterThan(0);
    expect(boxes[11]).not.toBeNull();
  });

  it("holds for any scatter of places", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 50; run++) {
      const bubbles = Array.from({ length: 3 + Math.floor(random() * 25) }, (_, i) => ({
        x: random() * MAP.width,
        y: random() * MAP.height,
        radius: 4 + random() * 22,
        text: `District ${i} ${Math.floor(random() * 99_999)}`,
      }));
      expectNoOverlap(placeLabels(bubbles, MAP, FONT));
    }
  });

  it("keeps a label inside the map near its edge", () => {
    const [box] = placeLabels([{ x: 470, y: 5, radius: 4, text: "Rubavu 610" }], MAP, FONT);
    expect(box).not.toBeNull();
    expect(box!.left + box!.width).toBeLessThanOrEqual(MAP.width);
    expect(box!.top).toBeGreaterThanOrEqual(0);
  });

  it("sizes a label from its text", () => {
    expect(labelBox("Huye 1,250", FONT).width).toBeGreaterThan(labelBox("Huye", FONT).width);
  });
});
