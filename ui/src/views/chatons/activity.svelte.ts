// What the person last asked of the directory (a refresh or an import) and how it went. It outlives the
// panel that shows it: the panel moves when the first directory arrives, and the report must move with it.
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
  /** The refresh failed: why. */
  failure = $state<IpcError | null>(null);
  /** The last import: how many organizations it brought, or why it failed. */
  imported = $state<{ ok: true; organizations: number } | { ok: false; error: IpcError } | null>(null);
  /** The last export: where the file went, or why it failed. */
  exported = $state<{ ok: true; path: string } | { ok: false; error: IpcError } | null>(null);
  exporting = $state(false);

  constructor(private readonly onstatus: (status: DirectoryStatus) => void) {}

  get busy(): boolean {
    return this.running || this.importing || this.exporting;
  }

  private reset() {
    this.progress = null;
    this.report = null;
    this.failure = null;
    this.imported = null;
    this.exported = null;
  }

  // The buttons stay focusable while busy (see DirectoryPanel): one thing at a time is enforced here.
  async refresh() {
    if (this.busy) return;
    this.reset();
    this.running = true;
    try {
      const report = await api.directoryRefresh(null, (p) => (this.progress = p));
      this.running = false;
      this.report = report;
      this.onstatus(await api.directoryStatus());
    } catch (err) {
      this.failure = toIpcError(err);
    } finally {
      this.running = false;
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
        this.onstatus(status);
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
