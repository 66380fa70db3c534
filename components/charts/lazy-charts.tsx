"use client";

import dynamic from "next/dynamic";

// The charts draw in the browser (they size themselves to the screen), so their library loads
// after the page, not with it: the title, description and numbers come first, in the HTML, and the
// page's first download stays small. The placeholders keep the charts' room so nothing moves.

export const SeriesChart = dynamic(() => import("./series-chart").then((m) => m.SeriesChart), {
  ssr: false,
  loading: () => <div className="chart-placeholder" style={{ height: 280 }} />,
});

export const HorizontalBarChart = dynamic(() => import("./bar-chart").then((m) => m.HorizontalBarChart), {
  ssr: false,
  loading: () => <div className="chart-placeholder" style={{ height: 150 }} />,
});
