// UI strings live in ../i18n/<lang>.json, never in components. The language is reactive state: switching
// it re-renders every string and updates <html lang>. Pack and directory texts arrive as `Text` maps and
// are picked with `tr`, with the same fallbacks as the core (English, then French). Both set the text in
// the typography of the language it is written in (French spaces, see typography.ts).
import fr from '../i18n/fr.json';
import en from '../i18n/en.json';
import type { Lang } from '../bindings/Lang';
import type { Text } from '../bindings/Text';
import { typeset } from './typography';

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

class I18n {
  lang = $state<Lang>('fr');

  /**
   * The string for `key` in the current language, with `{name}` placeholders filled in. The template is
   * typeset, not the values put in it (a path, an address or a town stay as they are).
   */
  t = (key: string, params: Record<string, string | number> = {}): string => {
    const own = lookup(catalogs[this.lang], key);
    const template = own !== undefined ? typeset(own, this.lang) : (lookup(catalogs.en, key) ?? key);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };

  /** The string for `key`, or `fallback` when the catalogs do not have it (an app id, a purpose). */
  tOr = (key: string, fallback: string): string =>
    lookup(catalogs[this.lang], key) !== undefined ? this.t(key) : fallback;

  /** A content text (pack, directory) in the current language, in the typography of the one it is in. */
  tr = (text: Text | null | undefined): string => {
    if (!text) return '';
    const lang = [this.lang, 'en', 'fr', ...Object.keys(text)].find((l) => text[l] !== undefined);
    return lang === undefined ? '' : typeset(text[lang] ?? '', lang);
  };

  set(lang: Lang) {
    this.lang = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

export const i18n = new I18n();
