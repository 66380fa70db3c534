import { createSerwistRoute } from "@serwist/turbopack";

// Builds the service worker (app/sw.ts) with esbuild when the app is built, with the list of the
// app's files to keep (Serwist's precache manifest), and serves it at /serwist/sw.js for scope "/".

/** Made once per build (the route is static): each build keeps its own offline page. */
const revision = crypto.randomUUID();

const serwist = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: "/offline", revision }],
});

export const { dynamic, dynamicParams, revalidate, generateStaticParams } = serwist;
export const GET = serwist.GET;
