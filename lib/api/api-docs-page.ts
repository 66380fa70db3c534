// The readable API reference at /api/docs: Swagger UI (swagger-ui-dist, served from this app, no
// internet needed) drawing /api/v1/openapi.json. The page holds no inline script, so its policy
// allows scripts from this origin only.

/** The files of swagger-ui-dist the page loads, by the name they are served under /api/docs/. */
export const API_DOCS_ASSETS = {
  "swagger-ui.css": { file: "swagger-ui.css", type: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { file: "swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
} as const;

export type ApiDocsAsset = keyof typeof API_DOCS_ASSETS | "start.js";

/** Swagger UI's inline styles (style attributes) need 'unsafe-inline' for styles; scripts stay on this origin. */
export const API_DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The script that starts Swagger UI on the OpenAPI document; "Try it out" uses the reader's session cookie. */
export const API_DOCS_START = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", deepLinking: true, tryItOutEnabled: false, withCredentials: true });
});
`;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The page, in the reader's language for what Baseline writes around the reference. */
export function apiDocsPage(language: string, text: { title: string; back: string; raw: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<nav style="font-family: system-ui, sans-serif; padding: 0.8rem 1rem; border-bottom: 1px solid #d8dee5">
<a href="/settings">${escapeHtml(text.back)}</a> · <a href="/api/v1/openapi.json">${escapeHtml(text.raw)}</a>
</nav>
<main id="reference" aria-label="${escapeHtml(text.title)}"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>
`;
}
