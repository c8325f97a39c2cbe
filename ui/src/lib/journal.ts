// The transparency panel's view of the journal: files grouped by the application they belong to (each
// path once, with how many times it was read), requests in the order they were made, in runs of the same
// purpose (one directory refresh is hundreds of files: it reads as one line, its files behind it), and
// what was asked besides files, each question once with its last answer.
import type { JournalEntry } from '../bindings/JournalEntry';

export type FileRead = Extract<JournalEntry, { kind: 'file_read' }>;
export type Request = Extract<JournalEntry, { kind: 'request' }>;
export type Looked = Extract<JournalEntry, { kind: 'looked' }>;

/** What was asked besides files, each question once (an audit run again asks again) in the order first
 *  asked, with its last answer. */
export function looked(entries: JournalEntry[]): Looked[] {
  const asked = new Map<string, Looked>();
  for (const e of entries) {
    if (e.kind !== 'looked') continue;
    const key = `${e.source}\u0000${e.target}`;
    asked.set(key, e);
  }
  return [...asked.values()];
}

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

/** Requests made one after another for the same purpose (a directory refresh, a mail check). */
export type RequestRun = {
  purpose: string;
  requests: Request[];
  /** Bytes received in all. */
  bytes: number;
  /** Requests that failed. */
  failed: number;
  firstMs: number;
  lastMs: number;
};

export function requestRuns(entries: JournalEntry[]): RequestRun[] {
  const runs: RequestRun[] = [];
  for (const r of requests(entries)) {
    let run = runs.at(-1);
    if (!run || run.purpose !== r.purpose) {
      run = { purpose: r.purpose, requests: [], bytes: 0, failed: 0, firstMs: r.at_ms, lastMs: r.at_ms };
      runs.push(run);
    }
    run.requests.push(r);
    run.bytes += r.bytes;
    if (r.error) run.failed++;
    run.firstMs = Math.min(run.firstMs, r.at_ms);
    run.lastMs = Math.max(run.lastMs, r.at_ms);
  }
  return runs;
}
