/** @type {import('next').NextConfig} */

// Security headers of every answer. Pages get their Content-Security-Policy, with a nonce per
// request, from proxy.ts (lib/security/page-policy.ts); API answers and files one that allows nothing.
const COMMON = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig = {
  // better-sqlite3 is a native addon: it must be required at run time, never bundled.
  // esbuild builds the service worker (app/serwist/[path]/route.ts) at build time: a native binary too.
  serverExternalPackages: ["better-sqlite3", "esbuild", "esbuild-wasm"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: COMMON },
      // Answers that are not pages (proxy.ts gives pages theirs): nothing runs, nothing frames them.
      // The API reference (/api/docs) is a page of its own and sets its own policy.
      ...["/api/:path((?!docs(?:/|$)).*)", "/icon.svg", "/_next/static/:path*", "/icons/:path*", "/manifest/:path*"].map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" }] })),
      // Icons never change under their name; a new one gets a new name.
      { source: "/icons/:path*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      // The tab's icon keeps its name across versions: kept a month, then checked again in the background.
      { source: "/icon.svg", headers: [{ key: "Cache-Control", value: "public, max-age=2592000, stale-while-revalidate=2592000" }] },
      // The service worker is asked for afresh so that a new version of the app is found at once.
      { source: "/serwist/:path*", headers: [{ key: "Cache-Control", value: "no-cache" }] },
      // HSTS only behind HTTPS (a proxy that terminates TLS says so): a plain-HTTP install stays reachable.
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] },
    ];
  },
};

module.exports = nextConfig;
