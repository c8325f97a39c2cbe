// Fails when the UI catalogs do not have exactly the same keys, or a value is empty or types a straight
// apostrophe (both languages use the typographic ’, as the core and the packs do), or a plural set is
// incomplete. A plural set is the keys `<base>_<category>` (category: a CLDR plural category, e.g. `one`,
// `other`); each language needs every category its `Intl.PluralRules` gives for whole numbers, except
// `many` and the like when `_other` can stand for them — at least `one` and `other` for French and English.
import { readFileSync } from 'node:fs';

const langs = ['fr', 'en'];
const categories = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralKey = new RegExp(`^(.+)_(${categories.join('|')})$`);
const flat = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flat(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );
const catalogs = Object.fromEntries(
  langs.map((l) => [l, new Map(flat(JSON.parse(readFileSync(new URL(`../src/i18n/${l}.json`, import.meta.url)))))]),
);

let problems = 0;
const problem = (text) => {
  console.error(`i18n: ${text}`);
  problems++;
};

// The keys, with each plural set counted once under its base name.
const bases = {};
const plurals = {};
for (const lang of langs) {
  bases[lang] = new Set();
  plurals[lang] = new Map();
  for (const [key, value] of catalogs[lang]) {
    if (typeof value !== 'string' || value.trim() === '') problem(`"${key}" in ${lang}.json is empty or not a string`);
    else if (value.includes("'")) problem(`"${key}" in ${lang}.json has a straight apostrophe: type ’ instead`);
    const m = pluralKey.exec(key);
    if (m) {
      if (!plurals[lang].has(m[1])) plurals[lang].set(m[1], new Set());
      plurals[lang].get(m[1]).add(m[2]);
      bases[lang].add(`${m[1]} (plural)`);
    } else {
      bases[lang].add(key);
    }
  }
}

for (const a of langs) {
  for (const key of bases[a]) {
    for (const b of langs) {
      if (!bases[b].has(key)) problem(`"${key}" is in ${a}.json but missing from ${b}.json`);
    }
  }
  // The categories a whole number can take in this language; `many` (French millions) falls back to `other`.
  const rules = new Intl.PluralRules(a);
  const needed = new Set(Array.from({ length: 200 }, (_, n) => rules.select(n)));
  needed.add('other');
  for (const [base, has] of plurals[a]) {
    if (bases[a].has(base)) problem(`"${base}" in ${a}.json is both a plain key and a plural set`);
    for (const category of needed) {
      if (!has.has(category)) problem(`plural "${base}" in ${a}.json has no "${base}_${category}"`);
    }
  }
}
if (problems > 0) process.exit(1);
const plural = [...plurals.fr.keys()].length;
console.log(`i18n: ${catalogs.fr.size} keys (${plural} plural sets), the same in ${langs.join(' and ')}`);
