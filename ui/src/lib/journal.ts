// The transparency panel's view of the journal: files grouped by the application they belong to (each
// path once, with how many times it was read), requests in the order they were made.
import type { JournalEntry } from '../bindings/JournalEntry';

export type FileRead = Extract<JournalEntry, { kind: 'file_read' }>;
export type Request = Extract<JournalEntry, { kind: 'request' }>;

export type FileGroup = {
  app: string;
  files: { path: string; reads: number; bytes: number; error: string | null }[];
};

export function groupFiles(entries: JournalEntry[]): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  for (const e of entries) {
    if (e.kind !== 'file_read') continue;
    let group = groups.get(e.app);
    if (!group) {
      group = { app: e.app, files: [] };
      groups.set(e.app, group);
    }
    const seen = group.files.find((f) => f.path === e.path);
    if (seen) {
      seen.reads++;
      seen.bytes = Math.max(seen.bytes, e.bytes);
      seen.error = e.error;
    } else {
      group.files.push({ path: e.path, reads: 1, bytes: e.bytes, error: e.error });
    }
  }
  return [...groups.values()];
}

export function requests(entries: JournalEntry[]): Request[] {
  return entries.filter((e): e is Request => e.kind === 'request');
}
