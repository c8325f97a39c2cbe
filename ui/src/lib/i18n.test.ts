// Plural forms chosen by the languages' CLDR rules from the `count` param.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, LANGS, pluralCategory } from './i18n.svelte';

afterEach(() => i18n.set('fr'));

describe('plurals', () => {
  it('French: 0 and 1 are singular, 2 plural', () => {
    i18n.set('fr');
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(i18n.t('transparency.file_count', { count: 0 })).toBe('0\u00a0fichier');
    expect(i18n.t('transparency.file_count', { count: 1 })).toBe('1\u00a0fichier');
    expect(i18n.t('transparency.file_count', { count: 2 })).toBe('2\u00a0fichiers');
    expect(i18n.t('chatons.directory.counts.skipped', { count: 0 })).toBe('0\u00a0ignoré');
    expect(i18n.t('chatons.directory.counts.failed', { count: 1 })).toBe('1\u00a0illisible');
    expect(i18n.t('chatons.results.more', { count: 2 })).toBe('Afficher 2\u00a0hébergeurs de plus');
  });

  it('English: only 1 is singular', () => {
    i18n.set('en');
    expect(i18n.t('transparency.file_count', { count: 0 })).toBe('0\u00a0files');
    expect(i18n.t('transparency.file_count', { count: 1 })).toBe('1\u00a0file');
    expect(i18n.t('transparency.file_count', { count: 2 })).toBe('2\u00a0files');
    expect(i18n.t('chatons.town.suggestions', { count: 1 })).toMatch(/^1\u00a0town suggested;/);
  });

  it("the languages' rules are Intl.PluralRules' for every number the app counts, and decimals", () => {
    const numbers = [...Array.from({ length: 2100 }, (_, i) => i), 1e6, 2e6, 1e6 + 1, 3e6, 1e7, 1e9, 0.5, 1.5, 2.5];
    for (const lang of LANGS) {
      const rules = new Intl.PluralRules(lang);
      for (const n of [...numbers, ...numbers.map((x) => -x)]) expect(pluralCategory(lang, n), `${lang} ${n}`).toBe(rules.select(n));
    }
  });

  it('a category the catalog lacks falls back to _other (French millions are `many`)', () => {
    expect(pluralCategory('fr', 1_000_000)).toBe('many');
    expect(i18n.t('transparency.file_count', { count: 1_000_000 })).toBe('1000000\u00a0fichiers');
  });

  it('never leaves a count at the end of a line without its noun: a no-break space joins them', () => {
    expect(i18n.t('chatons.directory.hosts', { count: 11 })).toBe('11\u00a0hébergeurs');
    // Only the space after the count: the rest of the sentence may break where it likes.
    expect(i18n.t('chatons.directory.counts.unchanged', { count: 2 })).toBe('2\u00a0inchangés depuis la dernière fois');
  });

  it('leaves plain keys alone, with or without a count', () => {
    expect(i18n.t('chatons.results.count', { count: 1 })).toBe('Hébergeurs trouvés\u202f: 1.');
  });
});

describe('pack texts', () => {
  it('say which language they fell back to, so that the element showing one can carry it', () => {
    const both = { fr: 'Pourquoi ?', en: 'Why?' };
    const frOnly = { fr: 'Seulement en français ?' };
    i18n.set('en');
    expect(i18n.trLang(both)).toEqual({ text: 'Why?', lang: 'en' });
    expect(i18n.trLang(frOnly)).toEqual({ text: 'Seulement en français\u202f?', lang: 'fr' });
    expect(i18n.langOf(both)).toBeUndefined();
    expect(i18n.langOf(frOnly)).toBe('fr');
    expect(i18n.trLang(null)).toEqual({ text: '', lang: null });
    expect(i18n.langOf(null)).toBeUndefined();
    i18n.set('fr');
    expect(i18n.langOf(frOnly)).toBeUndefined();
    expect(i18n.langOf({ en: 'Only in English' })).toBe('en');
  });
});
