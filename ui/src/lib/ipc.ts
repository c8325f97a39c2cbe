// The only door to the Rust side. Each wrapper names a command and its generated result type, so a change
// of a Rust type shows up here as a type error. Failures arrive as IpcError { code, message, detail }.
import { invoke } from '@tauri-apps/api/core';
import type { AppConfig } from '../bindings/AppConfig';
import type { Answer } from '../bindings/Answer';
import type { Audit } from '../bindings/Audit';
import type { Change } from '../bindings/Change';
import type { IpcError } from '../bindings/IpcError';
import type { JournalEntry } from '../bindings/JournalEntry';
import type { Lang } from '../bindings/Lang';
import type { Mode } from '../bindings/Mode';
import type { Notice } from '../bindings/Notice';
import type { Pack } from '../bindings/Pack';
import type { StepResult } from '../bindings/StepResult';
import type { SystemInfo } from '../bindings/SystemInfo';

export function isIpcError(value: unknown): value is IpcError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** Any thrown value as an IpcError, so views handle one shape. */
export function toIpcError(value: unknown): IpcError {
  if (isIpcError(value)) return value;
  return { code: 'ipc.unexpected', message: String(value) };
}

export type SessionView = {
  mode: Mode;
  pack_id: string;
  resume: boolean;
  notice: Notice | null;
  persistent: boolean;
};
export type AuditView = {
  audit: Audit;
  steps: StepResult[];
  changes: Change[];
  first_todo: string | null;
  duration_ms: number;
};
export type PackSummary = { id: string; title: string; description: string; steps: number; reviewed: string };
export type Takeaway = { text: string; svg: string; steps: number };
export type ReportFormat = 'html' | 'markdown' | 'json';

export const api = {
  systemInfo: () => invoke<SystemInfo>('system_info'),
  appConfig: () => invoke<AppConfig>('app_config'),
  listPacks: (lang: Lang) => invoke<PackSummary[]>('list_packs', { lang }),
  getPack: (id: string) => invoke<Pack>('get_pack', { id }),
  startSession: (mode: Mode, pack: string | null) => invoke<SessionView>('start_session', { mode, pack }),
  runAudit: (lang: Lang) => invoke<AuditView>('run_audit', { lang }),
  setAnswer: (step: string, answer: Answer | null, lang: Lang) =>
    invoke<StepResult[]>('set_answer', { step, answer, lang }),
  nextVisitor: () => invoke<void>('next_visitor'),
  qrSvg: (text: string) => invoke<string>('qr_svg', { text }),
  takeaway: (lang: Lang) => invoke<Takeaway>('takeaway', { lang }),
  report: (format: ReportFormat, lang: Lang) => invoke<string>('report', { format, lang }),
  saveReport: (format: ReportFormat, lang: Lang) => invoke<string | null>('save_report', { format, lang }),
  printPage: () => invoke<void>('print_page'),
  openUrl: (url: string) => invoke<void>('open_url', { url }),
  journal: () => invoke<JournalEntry[]>('journal'),
};
