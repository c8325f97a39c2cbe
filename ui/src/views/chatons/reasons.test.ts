// Every reason the crawler can give for a file has its sentence in both languages. The lists are typed by
// the generated bindings, so a reason added in Rust fails the type check here until it is listed, and
// then this test until both catalogs have its words.
import { describe, expect, it } from 'vitest';
import type { FailureReason } from '../../bindings/FailureReason';
import type { SkipReason } from '../../bindings/SkipReason';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { i18n } from '../../lib/i18n.svelte';

// The catalogs themselves: `t` would fall back on English for a sentence missing in French.
const catalogs = { fr, en } as const;
const words = (lang: keyof typeof catalogs, group: 'failure' | 'skip'): Record<string, string> =>
  catalogs[lang].chatons.directory[group];

const failures = {
  http_status: true,
  timeout: true,
  connect: true,
  too_large: true,
  host_share: true,
  too_many_redirects: true,
  redirect_loop: true,
  redirect_scheme: true,
  redirect_local: true,
  local_name: true,
  unexpected_not_modified: true,
  network: true,
  server_not_answering: true,
  host_not_answering: true,
  out_of_time: true,
} satisfies Record<FailureReason, true>;

const skips = {
  duplicate: true,
  bad_url: true,
  subs_cap: true,
  depth: true,
  file_cap: true,
  local_address: true,
} satisfies Record<SkipReason, true>;

describe('refresh report: reasons', () => {
  it('says every reason a file failed or was skipped, in French and in English', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const reason of Object.keys(failures)) expect(words(lang, 'failure')[reason], `${lang}: ${reason}`).toBeTruthy();
      for (const reason of Object.keys(skips)) expect(words(lang, 'skip')[reason], `${lang}: ${reason}`).toBeTruthy();
    }
    expect(i18n.tIn('fr', 'chatons.directory.failure.server_not_answering')).toBe(
      'ce serveur ne répondait plus\u202f: fichier non demandé',
    );
  });
});
