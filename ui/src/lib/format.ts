// Dates, sizes and times written the way each language writes them (Intl), and web addresses the way a
// person types them, so no format lives in a component or a catalog.
import type { Lang } from '../bindings/Lang';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "novembre 2026" / "November 2026" from a `YYYY-MM-DD` review date; the raw text if it is not one. */
export function monthYear(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** "12:04:31" in the local time zone. */
export function clockTime(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    new Date(ms),
  );
}

/** "1,2 ko" / "1.2 kB": bytes for people, in powers of 1000 like file managers. */
export function byteSize(bytes: number, lang: Lang): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit]}`;
}

/**
 * An address as a person types it from a slide, a handout or a card: no scheme, no "www.", no trailing slash
 * ("https://www.mozilla.org/firefox/new/" reads "mozilla.org/firefox/new"). Browsers add the rest.
 */
export function readableUrl(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
}

/**
 * "26 novembre 2026", "1er décembre 2026" (French writes the first of the month as an ordinal, which Intl
 * does not), "26 November 2026"; the day joined to its month by a no-break space, as in the reports.
 */
export function formatDate(ms: number, lang: Lang): string {
  const parts = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).formatToParts(new Date(ms));
  return parts
    .map((part, i) => {
      if (part.type === 'day' && lang === 'fr' && part.value === '1') return '1er';
      if (part.type === 'literal' && parts[i - 1]?.type === 'day') return part.value.replace(' ', '\u00a0');
      return part.value;
    })
    .join('');
}
