"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps } from "react";

// The time series draws in the browser (it sizes itself to the screen and answers the pointer), so
// its library loads after the page, and only once the chart comes near the screen: a phone that
// opens a dashboard downloads and runs none of it for charts it never scrolls to. The title,
// description and numbers are in the HTML; the placeholder keeps the chart's room so nothing moves.

const HEIGHT = 280;
const placeholder = () => <div className="chart-placeholder" style={{ height: HEIGHT }} />;

const DrawnSeriesChart = dynamic(() => import("./series-chart").then((m) => m.SeriesChart), { ssr: false, loading: placeholder });

export function SeriesChart(props: ComponentProps<typeof DrawnSeriesChart>) {
  const room = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = room.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setNear(true);
        observer.disconnect();
      }
    }, { rootMargin: "200px 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return near ? <DrawnSeriesChart {...props} /> : <div ref={room} className="chart-placeholder" style={{ height: HEIGHT }} />;
}
