// Several needs at once: one search per category, then the hosts that appear in every answer, in the
// order of the first (nearest first when a town is settled), with the services that matched each need.
import type { SearchResults } from '../../bindings/SearchResults';

export function combineResults(answers: SearchResults[]): SearchResults {
  const [first, ...others] = answers;
  if (!first) throw new Error('combineResults needs at least one answer');
  if (others.length === 0) return first;
  const byOrg = others.map((a) => new Map(a.hits.map((h) => [h.org_id, h])));
  const hits = first.hits
    .filter((hit) => byOrg.every((m) => m.has(hit.org_id)))
    .map((hit) => {
      const services = [...hit.services];
      for (const m of byOrg) {
        for (const s of m.get(hit.org_id)?.services ?? []) {
          if (!services.some((x) => x.id === s.id)) services.push(s);
        }
      }
      return { ...hit, services };
    });
  return { ...first, hits, total: hits.length };
}
