// Where each place's label goes on a map of bubbles, so that no label covers another. Labels are
// placed largest place first, each at the first free spot around its bubble (above, below, right,
// left, then the diagonals), preferring spots that cover no other bubble either; a label with no free
// spot inside the map is left off, and its place stays named in the map's table.

export type Bubble = { x: number; y: number; radius: number; text: string };
export type Box = { left: number; top: number; width: number; height: number };

/** A label's size from its text, with room to spare: the server draws it without measuring fonts. */
export function labelBox(text: string, fontSize: number): { width: number; height: number } {
  return { width: Math.ceil(text.length * fontSize * 0.62) + 2, height: Math.ceil(fontSize * 1.25) };
}

const GAP = 3;

function spots(b: Bubble, size: { width: number; height: number }): Box[] {
  const { width, height } = size;
  const r = b.radius + GAP;
  const d = b.radius * Math.SQRT1_2 + GAP;
  const at = (left: number, top: number): Box => ({ left, top, width, height });
  return [
    at(b.x - width / 2, b.y - r - height),
    at(b.x - width / 2, b.y + r),
    at(b.x + r, b.y - height / 2),
    at(b.x - r - width, b.y - height / 2),
    at(b.x + d, b.y - d - height),
    at(b.x - d - width, b.y - d - height),
    at(b.x + d, b.y + d),
    at(b.x - d - width, b.y + d),
  ];
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

function coversBubble(box: Box, b: Bubble): boolean {
  const nearestX = Math.max(box.left, Math.min(b.x, box.left + box.width));
  const nearestY = Math.max(box.top, Math.min(b.y, box.top + box.height));
  return (nearestX - b.x) ** 2 + (nearestY - b.y) ** 2 < b.radius ** 2;
}

/** Each bubble's label box (in the bubbles' order), or null where no spot is free. */
export function placeLabels(bubbles: readonly Bubble[], map: { width: number; height: number }, fontSize: number): (Box | null)[] {
  const order = bubbles.map((_, i) => i).sort((a, b) => bubbles[b]!.radius - bubbles[a]!.radius || a - b);
  const placed: Box[] = [];
  const result: (Box | null)[] = bubbles.map(() => null);
  for (const i of order) {
    const bubble = bubbles[i]!;
    const free = spots(bubble, labelBox(bubble.text, fontSize)).filter(
      (box) => box.left >= 0 && box.top >= 0 && box.left + box.width <= map.width && box.top + box.height <= map.height && !placed.some((p) => overlaps(p, box)),
    );
    const clear = free.find((box) => !bubbles.some((other, j) => j !== i && coversBubble(box, other)));
    const box = clear ?? free[0] ?? null;
    if (box) placed.push(box);
    result[i] = box;
  }
  return result;
}
