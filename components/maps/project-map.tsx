import { geoMercator, geoPath } from "d3-geo";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { placeLabels } from "@/lib/charts/map-labels";
import world from "world-atlas/countries-50m.json";

export type MapPoint = { code: string; name: string; latitude: number; longitude: number; value: number };

// Reading the world's boundaries is costly (tens of milliseconds): once per process, then each
// country's outline is kept.
let allCountries: FeatureCollection<Geometry> | null = null;
const outlines = new Map<string, Feature<Geometry> | null>();
function countryOutline(countryCode: string): Feature<Geometry> | null {
  if (!outlines.has(countryCode)) {
    const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
    allCountries ??= feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
    const numeric = countries.alpha2ToNumeric(countryCode);
    outlines.set(countryCode, allCountries.features.find((f) => String(f.id) === numeric) ?? null);
  }
  return outlines.get(countryCode) ?? null;
}

const WIDTH = 480;
const HEIGHT = 360;
const FONT_SIZE = 11;

/**
 * The project's country from the boundaries that ship with the app (no tiles from the internet), with
 * a bubble per place sized by its beneficiaries and labelled with its name and number, so it reads in
 * greyscale; a label with no room beside its bubble is left off, and the map's table names the place.
 * Drawn on the server as SVG: the browser gets no map data.
 */
export function ProjectMap({ countryCode, points, title, format }: { countryCode: string; points: MapPoint[]; title: string; format: (n: number) => string }) {
  const country = countryOutline(countryCode);
  if (!country) return null;
  const projection = geoMercator().fitExtent(
    [
      [16, 16],
      [WIDTH - 16, HEIGHT - 16],
    ],
    country,
  );
  const path = geoPath(projection);
  const max = Math.max(1, ...points.map((p) => p.value));
  const bubbles = points.flatMap((p) => {
    const xy = projection([p.longitude, p.latitude]);
    return xy ? [{ code: p.code, x: xy[0], y: xy[1], radius: 4 + Math.sqrt(p.value / max) * 22, text: `${p.name} ${format(p.value)}` }] : [];
  });
  const labels = placeLabels(bubbles, { width: WIDTH, height: HEIGHT }, FONT_SIZE);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} className="map">
      <path d={path(country) ?? ""} fill="#eef2f6" stroke="#55616f" strokeWidth={1} />
      {bubbles.map((b) => (
        <circle key={b.code} cx={b.x} cy={b.y} r={b.radius} fill="#0b5cad" fillOpacity={0.45} stroke="#0b5cad" />
      ))}
      {/* Labels after every bubble, so that none is drawn under a bubble; none covers another (lib/charts/map-labels). */}
      {bubbles.map((b, i) => {
        const box = labels[i];
        return box ? (
          <text key={b.code} x={box.left + 1} y={box.top + FONT_SIZE} fontSize={FONT_SIZE} fill="#1d2733">
            {b.text}
          </text>
        ) : null;
      })}
    </svg>
  );
}
