// The journey's data for this run: mode, pack, the audit and the step results. Every fact comes from the
// Rust side; this class only keeps the latest answer of each command and derives what views show.
import type { Answer } from '../bindings/Answer';
import type { Audit } from '../bindings/Audit';
import type { AuditView } from '../bindings/AuditView';
import type { Change } from '../bindings/Change';
import type { Lang } from '../bindings/Lang';
import type { Mode } from '../bindings/Mode';
import type { Notice } from '../bindings/Notice';
import type { Pack } from '../bindings/Pack';
import type { StepResult } from '../bindings/StepResult';
import { api } from './ipc';
import { nextStep } from './steps';

export class Session {
  mode = $state<Mode | null>(null);
  // Answers from Rust are replaced whole, never changed in place: kept as they came (`$state.raw`), not
  // wrapped in proxies that would track each of their fields as the screens read them.
  pack = $state.raw<Pack | null>(null);
  /** What the audit found; stays null at a stand, where the computer is not looked at. */
  audit = $state.raw<Audit | null>(null);
  results = $state.raw<StepResult[]>([]);
  /** What changed since the previous audit, as the first audit of this run saw it. */
  changes = $state.raw<Change[]>([]);
  resume = $state(false);
  notice = $state<Notice | null>(null);
  /** The language the results' sentences are written in. */
  resultsLang = $state<Lang | null>(null);
  #suggested = $state<string | null>(null);
  #judged = $state(false);
  #audited = false;
  #request = 0;
  /** The session's commands, one after another: an answer given while results are on their way in
   *  another language is never overwritten by those older results. */
  #queue: Promise<unknown> = Promise.resolve();

  #inTurn<T>(call: () => Promise<T>): Promise<T> {
    const turn = this.#queue.then(call, call);
    this.#queue = turn.catch(() => {});
    return turn;
  }

  /** The step to suggest: "Commencer par…". */
  firstTodo = $derived(nextStep(this.results, this.#suggested));
  resultsById = $derived(new Map(this.results.map((r) => [r.id, r])));
  done = $derived(this.results.filter((r) => r.status === 'done').length);

  /** Starts the journey; with `auditLang`, its first audit comes in the same answer (one wait, not two). */
  async start(mode: Mode, packId: string | null, auditLang: Lang | null = null) {
    const request = ++this.#request;
    const start = await this.#inTurn(() => api.startSession(mode, packId, auditLang));
    this.pack = start.pack;
    this.mode = start.mode;
    this.resume = start.resume;
    this.notice = start.notice;
    this.audit = null;
    this.results = [];
    this.resultsLang = null;
    this.changes = [];
    this.#suggested = null;
    this.#judged = false;
    this.#audited = false;
    if (start.audit && auditLang) this.#apply(start.audit, auditLang, request);
  }

  /** Runs detection and evaluation; later runs (check again, a language switch) keep the first changes. */
  async runAudit(lang: Lang) {
    const request = ++this.#request;
    this.#apply(await this.#inTurn(() => api.runAudit(lang)), lang, request);
  }

  #apply(view: AuditView, lang: Lang, request: number) {
    // Results asked later (a language switch, an answer given meanwhile) are newer than this audit's:
    // keep them, and take the rest of what the audit found.
    if (request === this.#request) {
      this.resultsLang = lang;
      this.results = view.steps;
    }
    this.audit = view.audit;
    this.#suggested = view.first_todo;
    if (!this.#audited) this.changes = view.changes;
    // "Could not be saved" lasts until an audit is saved again; a recovery notice stays.
    if (view.notice) this.notice = view.notice;
    else if (this.notice?.kind === 'not_saved') this.notice = null;
    this.#audited = true;
    this.#judged = true;
  }

  /** The computer was looked at (never at a stand). */
  get audited() {
    return this.audit !== null;
  }

  /** The steps have statuses: after an audit, or at a stand from the visitor's answers alone. */
  get judged() {
    return this.#judged;
  }

  /** At a stand every step is the visitor's to tell: none is judged by this computer. */
  get visitorsCall() {
    return this.mode === 'stand';
  }

  /** The same results in another language: judged again against the last audit, nothing read. */
  async translate(lang: Lang) {
    const request = ++this.#request;
    const results = await this.#inTurn(() => api.stepResults(lang));
    if (request !== this.#request) return;
    this.results = results;
    this.resultsLang = lang;
  }

  async answer(step: string, answer: Answer | null, lang: Lang) {
    const request = ++this.#request;
    const results = await this.#inTurn(() => api.setAnswer(step, answer, lang));
    if (request !== this.#request) return;
    this.results = results;
    this.resultsLang = lang;
  }

  /** Everything about the visit forgotten (the Rust side forgets its part in next_visitor). */
  clear() {
    this.audit = null;
    this.results = [];
    this.resultsLang = null;
    this.changes = [];
    this.resume = false;
    this.notice = null;
    this.#suggested = null;
    this.#judged = false;
    this.#audited = false;
  }
}
