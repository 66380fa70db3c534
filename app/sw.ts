import { ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from "serwist";
import { ENTRY_PAGE, ENTRY_PAGES_CACHE, OFFLINE_PAGE } from "@/lib/offline/offline-names";

// The service worker, built by Serwist (app/serwist/[path]/route.ts) and served at /serwist/sw.js.
// It keeps the app's files (precached at install), the entry page of every period a manager opens
// while connected (refreshed at each visit, served from here without a connection), and a page that
// says what to do when a page never opened here is asked for offline. Everything else goes to the
// network as usual: the API is never cached, figures are sent by the page (components/offline/outbox.ts).

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** Keeps a page only as its person saw it: not the sign-in page an ended session was sent to. */
const onlyThePage: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // The page itself (opened, or asked for by the page once this worker runs), not the data of a
      // move within the app (RSC), which is kept by nobody: without a connection, Next.js loads the page.
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.method === "GET" && ENTRY_PAGE.test(url.pathname) && !url.searchParams.has("_rsc") && !request.headers.has("RSC"),
      // A slow field connection falls back to the kept page rather than leaving the manager waiting.
      handler: new NetworkFirst({
        cacheName: ENTRY_PAGES_CACHE,
        networkTimeoutSeconds: 8,
        matchOptions: { ignoreVary: true, ignoreSearch: true },
        plugins: [onlyThePage, new ExpirationPlugin({ maxEntries: 200 })],
      }),
    },
    { matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate", handler: new NetworkOnly() },
  ],
  fallbacks: { entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();
