// Fails when the UI catalogs do not have exactly the same keys, or a value is empty.
import { readFileSync } from 'node:fs';

const langs = ['fr', 'en'];
const flat = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flat(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );
const catalogs = Object.fromEntries(
  langs.map((l) => [l, new Map(flat(JSON.parse(readFileSync(new URL(`../src/i18n/${l}.json`, import.meta.url)))))]),
);

let problems = 0;
for (const a of langs) {
  for (const [key, value] of catalogs[a]) {
    for (const b of langs) {
      if (!catalogs[b].has(key)) {
        console.error(`i18n: "${key}" is in ${a}.json but missing from ${b}.json`);
        problems++;
      }
    }
    if (typeof value !== 'string' || value.trim() === '') {
      console.error(`i18n: "${key}" in ${a}.json is empty or not a string`);
      problems++;
    }
  }
}
if (problems > 0) process.exit(1);
console.log(`i18n: ${catalogs.fr.size} keys, the same in ${langs.join(' and ')}`);
