// Names shared by the service worker (app/sw.ts) and the pages that talk to it.

/** The cache of the entry pages a manager opened while connected. */
export const ENTRY_PAGES_CACHE = "entry-pages";

/** The page shown, without a connection, in place of a page never opened on this device. */
export const OFFLINE_PAGE = "/offline";

/** localStorage: the language of the last person signed in, for the offline page. */
export const OFFLINE_LANGUAGE_KEY = "baseline-language";

/** localStorage: who opened the cached pages. */
export const OFFLINE_USER_KEY = "baseline-user";

/** The address of an entry page of a period: /projects/{code}/entry/{period}. */
export const ENTRY_PAGE = /^\/projects\/[^/]+\/entry\/[^/]+\/?$/;
