import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { decode, loadCountries, type CountryShape } from './outlines';
import { DEFAULT_FOCUS, drawMap, placeTownLabel, spreadMarkers } from './projection';

const PARIS = { lon: 2.3522, lat: 48.8566 };
const COMPIEGNE = { lon: 2.826, lat: 49.418 };
const SYDNEY = { lon: 151.2, lat: -33.87 };

describe('offline map', () => {
  it('decodes the bundled Natural Earth outlines once', async () => {
    const first = await loadCountries();
    expect(first.length).toBeGreaterThan(170);
    const france = first.find((c) => c.id === '250');
    expect(france?.feature.properties?.name).toBe('France');
    expect(await loadCountries()).toBe(first);
  });

  it('has France and its neighbours at 1:50m, the rest of the world at 1:110m, each country once', async () => {
    const countries = await loadCountries();
    const ids = countries.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const count = (list: CountryShape[], id: string) =>
      JSON.stringify(list.find((c) => c.id === id)?.feature.geometry).split('],[').length;
    const points = (id: string) => count(countries, id);
    const coarse = decode((await import('world-atlas/countries-110m.json')).default as unknown as Topology);
    expect(points('250')).toBeGreaterThan(4 * count(coarse, '250')); // France, detailed
    expect(ids).toContain('492'); // Monaco: only in the detailed outlines
    expect(ids).toContain('124'); // Canada, for Québec, from the world file
    expect(points('124')).toBeLessThan(3000);
  });

  it('by default shows France and its French-speaking neighbours, and only the countries around', async () => {
    const countries = await loadCountries();
    const view = drawMap(countries, [], 560, 600);
    const ids = new Set(view.countries.map((c) => c.id));
    for (const id of ['250', '056', '756', '442']) expect(ids).toContain(id); // FR, BE, CH, LU
    expect(ids).not.toContain('036'); // Australia
    expect(view.countries.length).toBeLessThan(40);
    for (const p of DEFAULT_FOCUS) expect(view.project(p)).not.toBeNull();
    expect(view.project(SYDNEY)).toBeNull();
    // Paths are rounded to a tenth of a pixel: no long decimals.
    expect(view.countries.every((c) => !/\d\.\d{2}/.test(c.d))).toBe(true);
  });

  it('fits the town and the hosts around it, north up', async () => {
    const countries = await loadCountries();
    const view = drawMap(countries, [COMPIEGNE, PARIS], 560, 600);
    const c = view.project(COMPIEGNE);
    const p = view.project(PARIS);
    expect(c).not.toBeNull();
    expect(p).not.toBeNull();
    if (!c || !p) return;
    expect(p[1]).toBeGreaterThan(c[1]); // Paris is south of Compiègne: lower on the map
    expect(p[0]).toBeLessThan(c[0]); // and west
    // Zoomed in: the two towns are far further apart than on the map of the whole country.
    const wide = drawMap(countries, [], 560, 600);
    const [wc, wp] = [wide.project(COMPIEGNE), wide.project(PARIS)];
    if (!wc || !wp) throw new Error('the default view shows Paris and Compiègne');
    expect(Math.hypot(p[0] - c[0], p[1] - c[1])).toBeGreaterThan(2 * Math.hypot(wp[0] - wc[0], wp[1] - wc[1]));
    // A lone town is not zoomed in without limit.
    const alone = drawMap(countries, [COMPIEGNE], 560, 600);
    expect(alone.project(PARIS)).not.toBeNull();
  });

  it('spreads markers that would sit on one another', () => {
    const out = spreadMarkers([[100, 100], [101, 100], [300, 300], null], 26);
    expect(out[3]).toBeNull();
    expect(out[2]).toEqual([300, 300]);
    const [a, b] = [out[0], out[1]];
    expect(a && b && Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThanOrEqual(26);
  });
});

describe('the town label', () => {
  const MAP: [number, number] = [560, 520];

  it('goes above the pin when nothing is there', () => {
    const at = placeTownLabel([280, 260], 60, [[280, 290]], ...MAP);
    expect(at).toEqual({ x: 280, y: 212, anchor: 'middle' });
  });

  it('moves to the side with the fewest markers: the nearest hosts stay visible', () => {
    // Markers above and below the pin, none to its right.
    const crowd: [number, number][] = [[280, 210], [270, 215], [280, 280], [290, 275], [245, 238]];
    const at = placeTownLabel([280, 260], 60, crowd, ...MAP);
    expect(at.anchor).toBe('start');
    expect(at.x).toBeGreaterThan(280);
  });

  it('stays inside the map near an edge', () => {
    expect(placeTownLabel([280, 20], 60, [], ...MAP).y).toBeGreaterThan(20);
    expect(placeTownLabel([550, 260], 60, [], ...MAP).anchor).toBe('end');
  });
});
