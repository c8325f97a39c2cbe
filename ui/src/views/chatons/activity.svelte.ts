// What the person last asked of the directory (a refresh or an import) and how it went. It outlives the
// panel that shows it: the panel moves when the first directory arrives, and the report must move with it;
// and it outlives the CHATONS step itself, one for the whole run: a person who leaves the step during a
// refresh finds it still going when they come back, and cannot start a second one alongside.
//
// A refresh can be stopped: on a slow network it can take minutes, and the directory already kept stays
// usable meanwhile. A stop is not a failure: the person asked for it, and nothing was lost.
import type { DirectoryStatus } from '../../bindings/DirectoryStatus';
import type { IpcError } from '../../bindings/IpcError';
import type { RefreshProgress } from '../../bindings/RefreshProgress';
import type { RefreshReport } from '../../bindings/RefreshReport';
import { api, toIpcError } from '../../lib/ipc';
import { i18n } from '../../lib/i18n.svelte';

export class DirectoryActivity {
  running = $state(false);
  importing = $state(false);
  progress = $state<RefreshProgress | null>(null);
  report = $state<RefreshReport | null>(null);
  /** The person stopped the refresh: what it had done (nothing was kept). */
  stopped = $state<RefreshReport | null>(null);
  /** A stop was asked for and the refresh has not returned yet. */
  stopping = $state(false);
  /** The refresh failed: why. */
  failure = $state<IpcError | null>(null);
  /** The last import: how many organizations it brought, or why it failed. */
  imported = $state<{ ok: true; organizations: number } | { ok: false; error: IpcError } | null>(null);
  /** The last export: where the file went, or why it failed. */
  exported = $state<{ ok: true; path: string } | { ok: false; error: IpcError } | null>(null);
  exporting = $state(false);

  /** Who shows the directory's state now (the CHATONS step on screen, if any). */
  onstatus: ((status: DirectoryStatus) => void) | null = null;
  /** Bumped by `forget`: what was asked before it reports to nobody. */
  #epoch = 0;

  /** The next visitor: nothing of the last one's refresh, import or export stays on screen. A refresh
   *  still running is stopped by the shell's next_visitor (which returns once it has ended), and its
   *  answer reports to nobody; the button is free again as soon as it returns. */
  forget() {
    this.#epoch++;
    this.reset();
  }

  get busy(): boolean {
    return this.running || this.importing || this.exporting;
  }

  private reset() {
    this.progress = null;
    this.report = null;
    this.stopped = null;
    this.failure = null;
    this.imported = null;
    this.exported = null;
  }

  // The buttons stay focusable while busy (see DirectoryPanel): one thing at a time is enforced here.
  async refresh() {
    if (this.busy) return;
    this.reset();
    this.running = true;
    const epoch = this.#epoch;
    const current = () => epoch === this.#epoch;
    try {
      const report = await api.directoryRefresh((p) => {
        if (current()) this.progress = p;
      });
      if (!current()) return;
      this.running = false;
      if (report.stopped) {
        // The directory in use is the one already shown: no new status to fetch.
        this.stopped = report;
        return;
      }
      this.report = report;
      const status = await api.directoryStatus();
      if (current()) this.onstatus?.(status);
    } catch (err) {
      if (current()) this.failure = toIpcError(err);
    } finally {
      this.running = false;
      this.stopping = false;
    }
  }

  /** Stops the running refresh; it ends promptly, with a report that says so. */
  async stop() {
    if (!this.running || this.stopping) return;
    this.stopping = true;
    try {
      await api.cancelRefresh();
    } catch {
      // The refresh goes on and says how it ended; the button can be pressed again.
      this.stopping = false;
    }
  }

  async importFile() {
    if (this.busy) return;
    this.reset();
    this.importing = true;
    try {
      const status = await api.directoryImport(i18n.lang);
      if (status) {
        this.imported = { ok: true, organizations: status.organizations };
        this.onstatus?.(status);
      }
    } catch (err) {
      this.imported = { ok: false, error: toIpcError(err) };
    } finally {
      this.importing = false;
    }
  }

  async exportFile() {
    if (this.busy) return;
    this.reset();
    this.exporting = true;
    try {
      const path = await api.directoryExport(i18n.lang);
      if (path) this.exported = { ok: true, path };
    } catch (err) {
      this.exported = { ok: false, error: toIpcError(err) };
    } finally {
      this.exporting = false;
    }
  }
}

/** The one directory activity of this run. */
export const directoryActivity = new DirectoryActivity();
