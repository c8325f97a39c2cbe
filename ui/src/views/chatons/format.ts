// How the CHATONS step writes numbers, dates, places and the "where" of a host, in the current language.
// Country names come from the browser's own Intl data, so no list of names is shipped.
import type { Lang } from '../../bindings/Lang';
import type { Place } from '../../bindings/Place';
import type { SearchHit } from '../../bindings/SearchHit';
import { i18n } from '../../lib/i18n.svelte';

// Dates are written as everywhere else in the app.
export { formatDate } from '../../lib/format';

export function countryName(code: string | null | undefined, lang: Lang): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "Oise, Hauts-de-France" (Belgian and Swiss towns add their country), for telling towns of one name apart. */
export function placeDetail(place: Place, lang: Lang): string {
  const parts = [place.subregion, place.region].filter((p): p is string => !!p && p !== place.name);
  if (place.country !== 'FR' || parts.length === 0) parts.push(countryName(place.country, lang) ?? place.country);
  return [...new Set(parts)].join(', ');
}

/** The town as the search understands it without doubt: `Saint-Denis (Seine-Saint-Denis)`. */
export function placeQuery(place: Place): string {
  const qualifier = place.subregion ?? place.region ?? place.country;
  return `${place.name} (${qualifier})`;
}

export function formatKm(km: number, lang: Lang): string {
  if (km < 1) return i18n.tIn(lang, 'chatons.results.distance_under_1km');
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(km);
  return i18n.tIn(lang, 'chatons.results.distance', { km: n });
}

/** Where a host is, relative to the town asked for when there is one. */
export function whereLabel(hit: SearchHit, lang: Lang): string {
  // The person's language first: the directory's own name for the country is French.
  const country = countryName(hit.country_code, lang) ?? hit.country_name;
  if (hit.distance_km !== null) return formatKm(hit.distance_km, lang);
  if (hit.placement === 'country_only' && country) return i18n.tIn(lang, 'chatons.results.country_only', { country });
  if (hit.placement === 'located' && country) return country;
  return i18n.tIn(lang, 'chatons.results.unknown');
}

/** How long a refresh took: "en 2,9 s", or "en moins d’une seconde" rather than "en 0 s". */
export function formatTook(ms: number, lang: Lang): string {
  if (ms < 950) return i18n.tIn(lang, 'chatons.directory.took_under_second');
  const seconds = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(ms / 1000);
  return i18n.tIn(lang, 'chatons.directory.took_seconds', { seconds });
}

/** "à l’instant", "il y a 3 jours", "aujourd’hui", "il y a 2 heures": never cut across two lines. */
export function formatAge(ms: number, lang: Lang, now: number = Date.now()): string {
  return ageText(ms, lang, now).replace(/ /g, '\u00a0');
}

function ageText(ms: number, lang: Lang, now: number): string {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const minutes = Math.round((now - ms) / 60_000);
  if (minutes < 1) return i18n.tIn(lang, 'chatons.directory.just_now');
  if (minutes < 60) return rtf.format(-Math.max(0, minutes), 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 60) return rtf.format(-days, 'day');
  const months = Math.round(days / 30.4);
  if (months < 24) return rtf.format(-months, 'month');
  return rtf.format(-Math.round(days / 365.25), 'year');
}
