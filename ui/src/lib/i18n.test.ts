// Plural forms chosen by Intl.PluralRules from the `count` param.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, pluralCategory } from './i18n.svelte';

afterEach(() => i18n.set('fr'));

describe('plurals', () => {
  it('French: 0 and 1 are singular, 2 plural', () => {
    i18n.set('fr');
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(i18n.t('transparency.file_count', { count: 0 })).toBe('0 fichier');
    expect(i18n.t('transparency.file_count', { count: 1 })).toBe('1 fichier');
    expect(i18n.t('transparency.file_count', { count: 2 })).toBe('2 fichiers');
    expect(i18n.t('chatons.directory.counts.skipped', { count: 0 })).toBe('0 ignoré');
    expect(i18n.t('chatons.directory.counts.failed', { count: 1 })).toBe('1 illisible');
    expect(i18n.t('chatons.results.more', { count: 2 })).toBe('Afficher 2 hébergeurs de plus');
  });

  it('English: only 1 is singular', () => {
    i18n.set('en');
    expect(i18n.t('transparency.file_count', { count: 0 })).toBe('0 files');
    expect(i18n.t('transparency.file_count', { count: 1 })).toBe('1 file');
    expect(i18n.t('transparency.file_count', { count: 2 })).toBe('2 files');
    expect(i18n.t('chatons.town.suggestions', { count: 1 })).toMatch(/^1 town suggested;/);
  });

  it('a category the catalog lacks falls back to _other (French millions are `many`)', () => {
    expect(pluralCategory('fr', 1_000_000)).toBe('many');
    expect(i18n.t('transparency.file_count', { count: 1_000_000 })).toBe('1000000 fichiers');
  });

  it('leaves plain keys alone, with or without a count', () => {
    expect(i18n.t('chatons.results.count', { count: 1 })).toBe('Hébergeurs trouvés\u202f: 1.');
  });
});
