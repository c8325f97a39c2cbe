// The CHATONS step's door to the Rust side: the directory commands of the IPC contract, typed with the
// generated bindings. Every other file of the step goes through `directory`, so the step has one place
// that names commands.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { DirectoryStatus } from '../../bindings/DirectoryStatus';
import type { Organization } from '../../bindings/Organization';
import type { Place } from '../../bindings/Place';
import type { RefreshProgress } from '../../bindings/RefreshProgress';
import type { RefreshReport } from '../../bindings/RefreshReport';
import type { SearchQuery } from '../../bindings/SearchQuery';
import type { SearchResults } from '../../bindings/SearchResults';
import type { Lang } from '../../bindings/Lang';

/** A service category as the reference data names it in one language. */
export type CategoryLabel = { id: string; label: string };

export const directory = {
  status: () => invoke<DirectoryStatus>('directory_status'),
  search: (query: SearchQuery) => invoke<SearchResults>('directory_search', { query }),
  organization: (id: string) => invoke<Organization>('directory_org', { id }),
  refresh: (onProgress: (progress: RefreshProgress) => void, source: string | null = null) => {
    const channel = new Channel<RefreshProgress>();
    channel.onmessage = onProgress;
    return invoke<RefreshReport>('directory_refresh', { source, onProgress: channel });
  },
  /** Asks for a prepared directory file (the dialog, titled in `lang`, is on the Rust side); null when cancelled. */
  importFile: (lang: Lang) => invoke<DirectoryStatus | null>('directory_import', { lang }),
  /** Asks where to save the directory for another computer; the path written, or null when cancelled. */
  exportFile: (lang: Lang) => invoke<string | null>('directory_export', { lang }),
  placeSuggest: (prefix: string, limit: number) => invoke<Place[]>('place_suggest', { prefix, limit }),
  categories: (lang: Lang) => invoke<CategoryLabel[]>('categories', { lang }),
  /** Opens an http(s) address in the default browser; the Rust side refuses anything else. */
  openUrl: (url: string) => invoke<void>('open_url', { url }),
};
