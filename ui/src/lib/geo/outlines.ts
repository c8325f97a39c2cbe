// Country outlines for the offline map, from Natural Earth through the `world-atlas` package: France, its
// neighbours and the rest of western Europe at 1:50m (europe-50m.json, cut from countries-50m by
// make-outlines.mjs), every other country at 1:110m. Both are bundled by Vite as modules of their own
// (JavaScript chunks loaded from the app like any other script), so nothing is fetched from a server and
// the content security policy needs no new source. They are loaded the first time a map is drawn, not at
// start-up, and decoded once.
import { geoBounds } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type CountryShape = {
  /** ISO 3166-1 numeric code, as Natural Earth gives it (absent for a few disputed areas). */
  id: string;
  feature: Feature<Geometry>;
  /** [[west, south], [east, north]] in degrees; west > east when it crosses the antimeridian. */
  bounds: [[number, number], [number, number]];
};

let loading: Promise<CountryShape[]> | null = null;

/** Every country, decoded once and kept for the session. */
export function loadCountries(): Promise<CountryShape[]> {
  loading ??= Promise.all([import('./europe-50m.json'), import('world-atlas/countries-110m.json')]).then(
    ([detailed, world]) =>
      mergeOutlines(decode(detailed.default as unknown as Topology), decode(world.default as unknown as Topology)),
  );
  return loading;
}

/** The detailed outlines, and the coarse ones of the countries they do not cover. */
export function mergeOutlines(detailed: CountryShape[], coarse: CountryShape[]): CountryShape[] {
  const covered = new Set(detailed.map((c) => c.id));
  return [...detailed, ...coarse.filter((c) => !covered.has(c.id))];
}

/** Turns a TopoJSON topology's `countries` into features with their bounds. */
export function decode(topology: Topology): CountryShape[] {
  const countries = topology.objects.countries as GeometryCollection;
  const collection = feature(topology, countries);
  return collection.features.map((f, i) => ({
    id: String(f.id ?? `x${i}`),
    feature: f as Feature<Geometry>,
    bounds: geoBounds(f) as [[number, number], [number, number]],
  }));
}
