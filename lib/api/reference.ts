/** A project or programme is addressed by its numeric id or its code: "5" or "RW-REINT-P4". */
export function parseReference(raw: string): string | number {
  const value = decodeURIComponent(raw);
  return /^[1-9]\d{0,15}$/.test(value) ? Number(value) : value;
}
