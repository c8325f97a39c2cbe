// UI strings live in ../i18n/<lang>.json, never in components. The language is reactive state: switching
// it re-renders every string and updates <html lang>. Pack and directory texts arrive as `Text` maps and
// are picked with `tr`, with the same fallbacks as the core (English, then French). Both set the text in
// the typography of the language it is written in (French spaces, see typography.ts). A text that fell
// back is in another language than the page: the element showing it says so with `lang={i18n.langOf(…)}`,
// so that a screen reader reads it with the right voice.
//
// Plurals: a message that depends on a number is a set of keys `<key>_one`, `<key>_other` (and any other
// CLDR category a language needs), chosen by the language's plural rule from the `count` param:
// `t('transparency.file_count', { count: 1 })`. French puts 0 and 1 in `one`; a missing category falls
// back to `_other`.
import fr from '../i18n/fr.json';
import en from '../i18n/en.json';
import type { Lang } from '../bindings/Lang';
import type { Text } from '../bindings/Text';
import { typeset } from './typography';

/** The no-break space between a number and its noun. */
const NBSP = '\u00a0';

type Messages = { [key: string]: string | Messages };
const catalogs: Record<Lang, Messages> = { fr, en };

export const LANGS: Lang[] = ['fr', 'en'];

/** French when a locale starts with `fr`, English otherwise (the same rule as the core). */
export function langFromLocale(locale: string | null | undefined): Lang {
  const lower = (locale ?? '').trim().toLowerCase();
  return lower === 'fr' || /^fr[-_.]/.test(lower) ? 'fr' : 'en';
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The CLDR cardinal plural rules of the app's languages, for the numbers it counts with (never written in
 * compact or scientific form). They are the rules `Intl.PluralRules` applies, written out so that the
 * first screen (“3 sur 6 étapes”) does not load ICU's locale data into the page for one word; a test
 * checks them against `Intl.PluralRules`. A new language needs its rule here, or the map does not type.
 */
const PLURAL_RULES: Record<Lang, (n: number) => Intl.LDMLPluralRule> = {
  // one: i = 0,1 · many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 · other.
  fr: (n) => {
    const i = Math.trunc(Math.abs(n));
    if (i === 0 || i === 1) return 'one';
    return Number.isInteger(n) && i % 1_000_000 === 0 ? 'many' : 'other';
  },
  // one: i = 1 and v = 0 · other.
  en: (n) => (Math.abs(n) === 1 ? 'one' : 'other'),
};

/** The CLDR plural category of `count` in `lang` (`one`, `other`…). */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  return Number.isFinite(count) ? PLURAL_RULES[lang](count) : 'other';
}

/** `key` itself, or for a `count`, the plural form of `key` for that number. */
function find(messages: Messages, lang: Lang, key: string, count: unknown): string | undefined {
  const plain = lookup(messages, key);
  if (plain !== undefined || typeof count !== 'number') return plain;
  return lookup(messages, `${key}_${pluralCategory(lang, count)}`) ?? lookup(messages, `${key}_other`);
}

class I18n {
  lang = $state<Lang>('fr');

  /**
   * The string for `key` in the current language, with `{name}` placeholders filled in; a number `count`
   * picks the plural form (`key_one`, `key_other`). The template is typeset, not the values put in it (a
   * path, an address or a town stay as they are).
   */
  t = (key: string, params: Record<string, string | number> = {}): string => this.tIn(this.lang, key, params);

  /** `t` in a given language rather than the current one. */
  tIn = (lang: Lang, key: string, params: Record<string, string | number> = {}): string => {
    const own = find(catalogs[lang], lang, key, params.count);
    let template =
      own !== undefined ? typeset(own, lang) : (find(catalogs.en, 'en', key, params.count) ?? key);
    // A count is never left at the end of a line without its noun ("11 / hébergeurs").
    if (typeof params.count === 'number') template = template.replaceAll('{count} ', `{count}${NBSP}`);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };

  /** The string for `key`, or `fallback` when the catalogs do not have it (an app id, a purpose). */
  tOr = (key: string, fallback: string): string =>
    lookup(catalogs[this.lang], key) !== undefined ? this.t(key) : fallback;

  /** Whether the current language (or English) has a message for `key`. */
  has = (key: string): boolean => lookup(catalogs[this.lang], key) !== undefined || lookup(catalogs.en, key) !== undefined;

  /** A content text (pack, directory) in the current language, in the typography of the one it is in. */
  tr = (text: Text | null | undefined): string => this.trLang(text).text;

  /** `tr`, and the language the text shown is in (null: there is none). */
  trLang = (text: Text | null | undefined): { text: string; lang: string | null } => {
    if (!text) return { text: '', lang: null };
    const lang = [this.lang, 'en', 'fr', ...Object.keys(text)].find((l) => text[l] !== undefined);
    return lang === undefined ? { text: '', lang: null } : { text: typeset(text[lang] ?? '', lang), lang };
  };

  /** The `lang` attribute of an element showing `tr(text)`: the text's language where it is not the
   *  page's, nothing otherwise (the element takes the page's). */
  langOf = (text: Text | null | undefined): string | undefined => {
    const { lang } = this.trLang(text);
    return lang !== null && lang !== this.lang ? lang : undefined;
  };

  set(lang: Lang) {
    this.lang = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

export const i18n = new I18n();
