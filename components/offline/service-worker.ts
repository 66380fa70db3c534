import type { Language } from "@/lib/domain/codes";
import { ENTRY_PAGE, ENTRY_PAGES_CACHE, OFFLINE_LANGUAGE_KEY, OFFLINE_USER_KEY } from "@/lib/offline/offline-names";

/**
 * Starts the service worker (app/sw.ts, built by Serwist) that keeps the app's files and the entry
 * pages opened here, asks the browser to keep this site's storage, and forgets the pages another
 * person opened on this device: a cached page is theirs.
 */
export async function startServiceWorker(userId: number, language: Language): Promise<void> {
  localStorage.setItem(OFFLINE_LANGUAGE_KEY, language);
  if (localStorage.getItem(OFFLINE_USER_KEY) !== String(userId)) {
    await forgetEntryPages();
    localStorage.setItem(OFFLINE_USER_KEY, String(userId));
  }
  // Without it the browser may clear the change log when the disk fills up; asked once it is granted no more.
  if (navigator.storage?.persisted && !(await navigator.storage.persisted())) void navigator.storage.persist();
  if ("serviceWorker" in navigator) await navigator.serviceWorker.register("/serwist/sw.js", { scope: "/", type: "module" }).catch(() => undefined);
}

/** On signing out, or when someone else signs in here. */
export async function forgetEntryPages(): Promise<void> {
  if ("caches" in window) await caches.delete(ENTRY_PAGES_CACHE);
}

/**
 * Asks the service worker to keep the entry page being shown: the first visit happens before the
 * worker runs, and a move within the app loads no page it could see (Serwist's CACHE_URLS message).
 */
export async function keepEntryPage(): Promise<void> {
  if (!("serviceWorker" in navigator) || !ENTRY_PAGE.test(window.location.pathname) || !navigator.onLine) return;
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [window.location.pathname] } });
}
