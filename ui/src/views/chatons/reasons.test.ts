// Every reason the crawler can give for a file has its sentence in both languages. The lists are typed by
// the generated bindings, so a reason added in Rust fails the type check here until it is listed, and
// then this test until both catalogs have its words.
import { describe, expect, it } from 'vitest';
import type { FailureReason } from '../../bindings/FailureReason';
import type { SkipReason } from '../../bindings/SkipReason';
import { i18n, LANGS } from '../../lib/i18n.svelte';

const failures = {
  http_status: true,
  timeout: true,
  connect: true,
  too_large: true,
  too_many_redirects: true,
  redirect_loop: true,
  redirect_scheme: true,
  redirect_local: true,
  local_name: true,
  unexpected_not_modified: true,
  network: true,
  server_not_answering: true,
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
    for (const lang of LANGS) {
      for (const reason of Object.keys(failures)) {
        const key = `chatons.directory.failure.${reason}`;
        expect(i18n.tIn(lang, key), `${lang}: ${key}`).not.toBe(key);
      }
      for (const reason of Object.keys(skips)) {
        const key = `chatons.directory.skip.${reason}`;
        expect(i18n.tIn(lang, key), `${lang}: ${key}`).not.toBe(key);
      }
    }
    expect(i18n.tIn('fr', 'chatons.directory.failure.server_not_answering')).toBe(
      'ce serveur ne répondait plus\u202f: fichier non demandé',
    );
  });
});
