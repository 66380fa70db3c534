"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Registry = { report: (source: string, count: number) => void; unsaved: number };

const GUARD = "baselineUnsavedGuard";

const UnsavedChanges = createContext<Registry>({ report: () => {}, unsaved: 0 });

export type LeaveLabels = { title: string; body: string; stay: string; leave: string };

/**
 * Keeps typed figures from being lost: while any form inside reports unsaved changes, leaving the
 * page asks first, whether by a link of the app (a dialog), the browser's back and forward buttons
 * (the same dialog) or a reload, a closed tab or a typed address (the browser's own question).
 */
export function UnsavedChangesGuard({ labels, children }: { labels: LeaveLabels; children: ReactNode }) {
  const router = useRouter();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const unsaved = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const [leaving, setLeaving] = useState<{ href: string } | { back: true } | null>(null);
  const dirty = useRef(false);
  const allowed = useRef(false);
  useEffect(() => {
    dirty.current = unsaved > 0;
  }, [unsaved]);
  const armed = unsaved > 0;

  const report = useCallback((source: string, count: number) => setCounts((current) => (current[source] === count ? current : { ...current, [source]: count })), []);

  // Armed once per stretch of unsaved work, not at each keystroke.
  useEffect(() => {
    if (!armed) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowed.current) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = "";
    };
    // Links of the app: caught before Next.js's own handler, so nothing navigates until the person says so.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search)) return;
      event.preventDefault();
      event.stopPropagation();
      setLeaving({ href: url.pathname + url.search + url.hash });
    };
    // Back and forward: a copy of this page's history entry, marked as ours, absorbs the first step
    // away; it is made once, however many times unsaved work starts again on the page.
    const guard = () => window.history.pushState({ ...window.history.state, [GUARD]: true }, "", window.location.href);
    if (!window.history.state?.[GUARD]) guard();
    const onPopState = (event: PopStateEvent) => {
      if (allowed.current || !dirty.current) return;
      event.stopImmediatePropagation();
      guard();
      setLeaving({ back: true });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPopState, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPopState, true);
    };
  }, [armed]);

  const leave = () => {
    const target = leaving;
    allowed.current = true;
    setLeaving(null);
    if (target && "href" in target) router.push(target.href);
    else window.history.go(-2);
  };

  const value = useMemo(() => ({ report, unsaved }), [report, unsaved]);
  return (
    <UnsavedChanges.Provider value={value}>
      {children}
      <ConfirmDialog
        open={leaving !== null}
        title={labels.title}
        confirmLabel={labels.leave}
        cancelLabel={labels.stay}
        onConfirm={leave}
        onCancel={() => setLeaving(null)}
        danger
      >
        <p>{labels.body.replace("{count}", String(unsaved))}</p>
      </ConfirmDialog>
    </UnsavedChanges.Provider>
  );
}

/** Reports how many unsaved changes a form holds, and reads how many the page holds in all. */
export function useUnsavedChanges(source: string, count: number): number {
  const { report, unsaved } = useContext(UnsavedChanges);
  useEffect(() => report(source, count), [report, source, count]);
  useEffect(() => () => report(source, 0), [report, source]);
  return unsaved;
}
