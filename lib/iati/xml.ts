// A small XML writer: elements, attributes and text, escaped, indented. Enough for IATI files,
// without a dependency that would do more than this.

export type XmlAttributes = Record<string, string | number | null | undefined>;
export type XmlNode = { name: string; attributes: XmlAttributes; children: XmlChild[] };
export type XmlChild = XmlNode | string | null | undefined | false;

export function el(name: string, attributes: XmlAttributes = {}, ...children: (XmlChild | XmlChild[])[]): XmlNode {
  return { name, attributes, children: children.flat() };
}

// Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks).
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeText(text: string): string {
  return text.replace(INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

function render(node: XmlNode, depth: number): string {
  const indent = "  ".repeat(depth);
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join("");
  const children = node.children.filter((c): c is XmlNode | string => c !== null && c !== undefined && c !== false);
  if (children.length === 0) return `${indent}<${node.name}${attributes}/>`;
  if (children.every((c) => typeof c === "string")) return `${indent}<${node.name}${attributes}>${children.map((c) => escapeText(c as string)).join("")}</${node.name}>`;
  const inner = children.map((c) => (typeof c === "string" ? `${"  ".repeat(depth + 1)}${escapeText(c)}` : render(c, depth + 1))).join("\n");
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}

/** A whole document, UTF-8, with its declaration. */
export function renderDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, 0)}\n`;
}
