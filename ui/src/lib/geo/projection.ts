// Fits a map to what a person is looking at: their town and the nearest hosts, or, before they say where
// they live, France with Belgium, Switzerland and Luxembourg. A conformal conic projection centred on the
// view keeps shapes right at these latitudes (France's official maps use one). Only the countries that
// touch the view are drawn, clipped to the frame, with coordinates rounded to a tenth of a pixel: the
// whole map is a few dozen kilobytes of SVG drawn once per search.
import { geoConicConformal, geoPath, type GeoProjection } from 'd3-geo';
import type { CountryShape } from './outlines';

export type LonLat = { lon: number; lat: number };

export type MapView = {
  width: number;
  height: number;
  /** SVG path data per country touching the view. */
  countries: { id: string; d: string }[];
  /** Screen position of a point, or null when it falls outside the frame. */
  project: (p: LonLat) => [number, number] | null;
};

/** Metropolitan France, Belgium, Switzerland, Luxembourg. */
export const DEFAULT_FOCUS: LonLat[] = [
  { lon: -5.2, lat: 42.3 },
  { lon: 9.6, lat: 51.3 },
];

/** Half the smallest area shown around the focus, in degrees of latitude (about 180 km). */
const MIN_SPAN_DEG = 1.6;

export function fitProjection(focus: LonLat[], width: number, height: number, padding: number): GeoProjection {
  const points = focus.length > 0 ? focus : DEFAULT_FOCUS;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const centre: LonLat = {
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
    lon: (Math.min(...lons) + Math.max(...lons)) / 2,
  };
  // A small neighbourhood around the centre keeps a lone town from being zoomed in to a dot on a blank sheet.
  const widthFactor = 1 / Math.max(0.2, Math.cos((centre.lat * Math.PI) / 180));
  const frame: [number, number][] = [
    ...points.map((p): [number, number] => [p.lon, p.lat]),
    [centre.lon - MIN_SPAN_DEG * widthFactor, centre.lat - MIN_SPAN_DEG],
    [centre.lon + MIN_SPAN_DEG * widthFactor, centre.lat + MIN_SPAN_DEG],
  ];
  const south = Math.max(-80, centre.lat - 4);
  const north = Math.min(80, centre.lat + 4);
  return geoConicConformal()
    .rotate([-centre.lon, 0])
    .parallels([south, north])
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      { type: 'MultiPoint', coordinates: frame },
    );
}

/** The longitude/latitude box a projected frame covers, with a margin, for choosing countries to draw. */
function visibleBox(projection: GeoProjection, width: number, height: number): [[number, number], [number, number]] {
  const samples: [number, number][] = [];
  for (let i = 0; i <= 4; i++) {
    const x = (width * i) / 4;
    const y = (height * i) / 4;
    samples.push([x, 0], [x, height], [0, y], [width, y]);
  }
  const lonlats = samples.map((s) => projection.invert?.(s)).filter((p): p is [number, number] => !!p);
  const lons = lonlats.map((p) => p[0]);
  const lats = lonlats.map((p) => p[1]);
  const margin = 1;
  return [
    [Math.min(...lons) - margin, Math.min(...lats) - margin],
    [Math.max(...lons) + margin, Math.max(...lats) + margin],
  ];
}

function intersects(box: [[number, number], [number, number]], shape: CountryShape): boolean {
  const [[w, s], [e, n]] = shape.bounds;
  if (n < box[0][1] || s > box[1][1]) return false;
  if (w > e) return true; // crosses the antimeridian: keep it, the clip does the rest
  return !(e < box[0][0] || w > box[1][0]);
}

/** Projects the countries around `focus` into a width × height frame. */
export function drawMap(
  countries: CountryShape[],
  focus: LonLat[],
  width: number,
  height: number,
  padding = 36,
): MapView {
  const projection = fitProjection(focus, width, height, padding);
  const box = visibleBox(projection, width, height);
  projection.clipExtent([
    [-2, -2],
    [width + 2, height + 2],
  ]);
  const path = geoPath(projection).digits(1);
  const drawn = countries
    .filter((c) => intersects(box, c))
    .map((c) => ({ id: c.id, d: path(c.feature) ?? '' }))
    .filter((c) => c.d !== '');
  return {
    width,
    height,
    countries: drawn,
    project: (p) => {
      const xy = projection([p.lon, p.lat]);
      if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) return null;
      const [x, y] = xy;
      return x < 0 || y < 0 || x > width || y > height ? null : [x, y];
    },
  };
}

/**
 * Spreads markers that would sit on top of each other (several hosts in one city) on a small ring, so
 * each stays visible and can be pointed at. Returns positions in the input order.
 */
export function spreadMarkers(points: ([number, number] | null)[], minDistance: number): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = points.map((p) => (p ? [p[0], p[1]] : null));
  const groups: number[][] = [];
  out.forEach((p, i) => {
    if (!p) return;
    const group = groups.find((g) => {
      const q = out[g[0]];
      return q !== null && Math.hypot(q[0] - p[0], q[1] - p[1]) < minDistance;
    });
    if (group) group.push(i);
    else groups.push([i]);
  });
  for (const group of groups) {
    if (group.length < 2) continue;
    const first = out[group[0]];
    if (!first) continue;
    const [cx, cy] = first;
    const radius = (minDistance * group.length) / (2 * Math.PI) + minDistance / 2;
    group.forEach((index, k) => {
      const angle = (2 * Math.PI * k) / group.length - Math.PI / 2;
      out[index] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
    });
  }
  return out;
}

/** Where the town's name goes on the map: its anchor point and alignment, as SVG `<text>` takes them. */
export interface LabelPlace {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Places the town's name beside its pin (the pin's tip at `town`, its head 26 above) where it covers the
 * fewest markers: above, below, right or left, in that order of preference, and always inside the map.
 * The hosts nearest the town crowd around it, and they are what the person came for. `width` is the
 * label's estimated width; `markerRadius` that of a marker's disc.
 */
export function placeTownLabel(
  town: [number, number],
  width: number,
  markers: [number, number][],
  mapWidth: number,
  mapHeight: number,
  markerRadius = 13,
): LabelPlace {
  const [x, y] = town;
  const height = 18;
  // Each candidate as its box (left, top) and the text's anchor point (the baseline 4 above the bottom).
  const candidates: { left: number; top: number; anchor: LabelPlace['anchor'] }[] = [
    { left: x - width / 2, top: y - 62, anchor: 'middle' },
    { left: x - width / 2, top: y + 8, anchor: 'middle' },
    { left: x + 16, top: y - 35, anchor: 'start' },
    { left: x - 16 - width, top: y - 35, anchor: 'end' },
  ];
  const inside = (c: { left: number; top: number }) =>
    c.left >= 2 && c.top >= 2 && c.left + width <= mapWidth - 2 && c.top + height <= mapHeight - 2;
  const covered = (c: { left: number; top: number }) =>
    markers.filter(([mx, my]) => {
      const nx = Math.max(c.left, Math.min(mx, c.left + width));
      const ny = Math.max(c.top, Math.min(my, c.top + height));
      return Math.hypot(mx - nx, my - ny) < markerRadius;
    }).length;
  const usable = candidates.filter(inside);
  const pool = usable.length > 0 ? usable : candidates;
  let best = pool[0];
  for (const c of pool) if (covered(c) < covered(best)) best = c;
  const anchorX = best.anchor === 'middle' ? best.left + width / 2 : best.anchor === 'start' ? best.left : best.left + width;
  return { x: anchorX, y: best.top + height - 4, anchor: best.anchor };
}
