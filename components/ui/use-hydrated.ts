import { useSyncExternalStore } from "react";

const nothingToWatch = () => () => {};

/**
 * False in the server's HTML and while the page's script takes it over; true after. Controls that
 * only work with the script (a button that adds a row, a select whose choice changes the form) stay
 * disabled until then: on a slow connection a click or a choice made earlier would be lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    nothingToWatch,
    () => true,
    () => false,
  );
}
