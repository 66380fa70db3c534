"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

// Next.js fetches the page behind every link that comes into view. On a phone over a slow
// connection that is a page's worth of data per link, and the browser's main thread parses each
// answer while the page is still starting: the programme page made ten such requests as it opened
// and spent several hundred milliseconds on them (Lighthouse's total blocking time). A link here
// fetches ahead only once the person shows they mean it: pointer over it, a finger on it, or the
// keyboard's focus on it (Next.js's "hover-triggered prefetch").

type Props = Omit<ComponentProps<typeof NextLink>, "prefetch">;

export function Link({ onMouseEnter, onTouchStart, onFocus, ...props }: Props) {
  const [intent, setIntent] = useState(false);
  // Each sign of intent opens the prefetch, then does what the caller asked of it, if anything.
  const showing =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      setIntent(true);
      handler?.(event);
    };
  return <NextLink {...props} prefetch={intent ? null : false} onMouseEnter={showing(onMouseEnter)} onTouchStart={showing(onTouchStart)} onFocus={showing(onFocus)} />;
}
