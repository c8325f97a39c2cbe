import { describe, expect, it } from 'vitest';
import { combineResults } from './search';
import { formatAge, formatKm, formatTook, placeDetail, placeQuery, whereLabel } from './format';
import { PLACES, sampleOrganizations, search } from './fixtures';

const DAY = 86_400_000;

describe('CHATONS step: words and numbers', () => {
  it('writes distances, ages and places the way a person reads them', () => {
    expect(formatKm(0.4, 'fr')).toBe('moins de 1\u00a0km');
    expect(formatKm(1234.4, 'fr')).toBe('1\u202f234\u00a0km');
    expect(formatKm(71.6, 'en')).toBe('72\u00a0km');
    const now = Date.UTC(2026, 10, 26);
    // Never cut across two lines.
    expect(formatAge(now - 6 * DAY, 'fr', now)).toBe('il\u00a0y\u00a0a\u00a06\u00a0jours');
    expect(formatAge(now - 3 * 3_600_000, 'en', now)).toBe('3\u00a0hours\u00a0ago');
    expect(formatAge(now - 400 * DAY, 'fr', now)).toBe('il\u00a0y\u00a0a\u00a013\u00a0mois');
    // Under a minute: "à l’instant", never "cette minute-ci"; a minute is a minute.
    expect(formatAge(now - 20_000, 'fr', now)).toBe('à\u00a0l’instant');
    expect(formatAge(now, 'en', now)).toBe('just\u00a0now');
    expect(formatAge(now - 60_000, 'fr', now)).toBe('il\u00a0y\u00a0a\u00a01\u00a0minute');
    // A refresh from a nearby server takes a fraction of a second: never "en 0 s".
    expect(formatTook(40, 'fr')).toBe('en moins d’une seconde');
    expect(formatTook(40, 'en')).toBe('in under a second');
    expect(formatTook(2_940, 'fr')).toBe('en 2,9\u00a0s');
    expect(formatTook(61_000, 'en')).toBe('in 61\u00a0s');
    const [, , stDenis93, stDenisRE] = PLACES;
    expect(placeDetail(stDenis93, 'fr')).toBe('Seine-Saint-Denis, Île-de-France');
    expect(placeDetail(stDenisRE, 'fr')).toBe('La Réunion');
    expect(placeQuery(stDenis93)).toBe('Saint-Denis (Seine-Saint-Denis)');
    expect(placeQuery(stDenisRE)).toBe('Saint-Denis (La Réunion)');
  });

  it('says where a host is even without coordinates', () => {
    const results = search(sampleOrganizations(), {
      category: null,
      near: null,
      registration: 'any',
      include_full: false,
      include_inactive: false,
      limit: null,
    });
    const byId = new Map(results.hits.map((h) => [h.org_id, h]));
    expect(whereLabel(byId.get('namur')!, 'fr')).toBe('Belgique');
    expect(whereLabel(byId.get('belgique-seulement')!, 'fr')).toBe('Belgique (ville non précisée)');
    // In the person's language, whatever the directory calls the country.
    expect(whereLabel(byId.get('namur')!, 'en')).toBe('Belgium');
    expect(whereLabel(byId.get('belgique-seulement')!, 'en')).toBe('Belgium (town not given)');
  });

  it('keeps only the hosts that offer every need, in the first answer’s order', () => {
    const orgs = sampleOrganizations();
    const ask = (category: string) =>
      search(orgs, { category, near: 'Lille', registration: 'any', include_full: false, include_inactive: false, limit: null });
    const both = combineResults([ask('mail'), ask('video-calls')]);
    expect(both.hits.map((h) => h.org_id)).toEqual(['lille-num']);
    expect(both.total).toBe(1);
    expect(both.hits[0].services.map((s) => s.category).sort()).toEqual(['mail', 'video-calls']);
    const mail = ask('mail');
    expect(combineResults([mail])).toBe(mail);
  });
});
