// Writes europe-50m.json: the Natural Earth 1:50m outlines (npm `world-atlas`) of the countries where
// nearly every CHATONS host is and of their neighbours, as TopoJSON. The rest of the world is drawn from
// the 1:110m file, much lighter, so a map of France is sharp and the bundled data stays small.
// Run from ui/: `node src/lib/geo/make-outlines.mjs` (again when world-atlas is updated).
//
// It keeps the chosen geometries and only the arcs they use, renumbered; arcs are delta-encoded one by
// one, so they are copied as they are.
import { readFileSync, writeFileSync } from 'node:fs';

// ISO 3166-1 numeric codes, as Natural Earth gives them.
export const DETAILED = [
  '250', '056', '756', '442', '492', // France (with its overseas departments), Belgium, Switzerland, Luxembourg, Monaco
  '276', '528', '380', '724', '620', '020', '040', '438', '674', '336', '470', // neighbours, Andorra to Malta
  '826', '372', '831', '832', '833', // United Kingdom, Ireland, Guernsey, Jersey, Isle of Man
  '208', '203', '616', '705', '191', '703', '348', // Denmark to Hungary
  '012', '788', '504', // Algeria, Tunisia, Morocco
];

const source = new URL('../../../node_modules/world-atlas/countries-50m.json', import.meta.url);
const target = new URL('./europe-50m.json', import.meta.url);
const topology = JSON.parse(readFileSync(source, 'utf8'));

const kept = topology.objects.countries.geometries.filter((g) => DETAILED.includes(g.id));
const renumber = new Map();
const arcs = [];
const remap = (index) => {
  const original = index < 0 ? ~index : index;
  if (!renumber.has(original)) {
    renumber.set(original, arcs.length);
    arcs.push(topology.arcs[original]);
  }
  const fresh = renumber.get(original);
  return index < 0 ? ~fresh : fresh;
};
const walk = (node) => (Array.isArray(node) ? node.map(walk) : remap(node));
const geometries = kept.map((g) => ({ type: g.type, id: g.id, properties: g.properties, arcs: walk(g.arcs) }));

const missing = DETAILED.filter((id) => !kept.some((g) => g.id === id));
if (missing.length > 0) throw new Error(`not in countries-50m: ${missing.join(', ')}`);

writeFileSync(
  target,
  JSON.stringify({
    type: 'Topology',
    // Natural Earth data is in the public domain; world-atlas is ISC-licensed (Mike Bostock).
    transform: topology.transform,
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  }),
);
console.log(`europe-50m.json: ${geometries.length} countries, ${arcs.length} of ${topology.arcs.length} arcs`);
