// The Content-Security-Policy of a page, with a fresh nonce per request that Next.js puts on its own
// scripts (proxy.ts). The other security headers, for every answer, are in next.config.js.

/** Its own scripts by nonce, nothing from elsewhere, never in a frame; `unsafe-eval` only in development, where React needs it. */
export function pagePolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Charts and bars set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (/serwist/sw.js) and the web app manifest: 'strict-dynamic' drops 'self' for scripts.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
