// Country outlines for the offline map: Natural Earth 1:50m through the `world-atlas` package. The
// TopoJSON file is bundled by Vite as a module of its own (a JavaScript chunk loaded from the app, like any
// other script), so nothing is fetched from a server and the content security policy needs no new source.
// It is loaded the first time a map is drawn, not at start-up, and decoded once.
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
  loading ??= import('world-atlas/countries-50m.json').then((module) => decode(module.default as unknown as Topology));
  return loading;
}

/** Turns the TopoJSON topology into features with their bounds (exported for tests with small data). */
export function decode(topology: Topology): CountryShape[] {
  const countries = topology.objects.countries as GeometryCollection;
  const collection = feature(topology, countries);
  return collection.features.map((f, i) => ({
    id: String(f.id ?? `x${i}`),
    feature: f as Feature<Geometry>,
    bounds: geoBounds(f) as [[number, number], [number, number]],
  }));
}
