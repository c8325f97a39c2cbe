// A pretend Rust side for the views' tests and for screenshots of the built UI: realistic data (the two
// shipped packs, an audit of a home with Firefox + uBlock Origin, Chrome as the default browser and a
// Gmail account in Thunderbird, its journal) and a command handler to pass to `mockIPC`.
//
// The data files were produced by the real engine: `premiers-pas checklist show <pack> --json` and
// `premiers-pas audit --json --home <fixture home> --os linux --pack <pack> --lang <fr|en>` on the core's
// fixture homes (debian-firefox-ubo + chrome-mv2 + thunderbird-gmail-posteo), paths shown under
// /home/lucas; the QR codes were drawn with the qrcode crate.
import type { Answer } from '../bindings/Answer';
import type { AppConfig } from '../bindings/AppConfig';
import type { Audit } from '../bindings/Audit';
import type { AuditView } from '../bindings/AuditView';
import type { Change } from '../bindings/Change';
import type { IpcError } from '../bindings/IpcError';
import type { JournalEntry } from '../bindings/JournalEntry';
import type { LeftOutPack } from '../bindings/LeftOutPack';
import type { Lang } from '../bindings/Lang';
import type { Mode } from '../bindings/Mode';
import type { Notice } from '../bindings/Notice';
import type { OsFamily } from '../bindings/OsFamily';
import type { Pack } from '../bindings/Pack';
import type { PackAdded } from '../bindings/PackAdded';
import type { PackList } from '../bindings/PackList';
import type { PackSummary } from '../bindings/PackSummary';
import type { SessionStart } from '../bindings/SessionStart';
import type { Step } from '../bindings/Step';
import type { StepResult } from '../bindings/StepResult';
import type { SystemInfo } from '../bindings/SystemInfo';
import type { Takeaway } from '../bindings/Takeaway';
import { typeset } from '../lib/typography';
import auditData from './data/audit.json';
import packData from './data/packs.json';
import qrData from './data/qr.json';

/**
 * What Tauri itself answers for a call that never reaches a command: a plain string, not an IpcError (the
 * page reads it as `ipc.unexpected`, see lib/ipc.ts). A command it does not know…
 */
export function commandNotFound(cmd: string): string {
  return `Command ${cmd} not found`;
}

/** …and an argument missing or of the wrong type, before the command runs (tauri's `InvalidArgs`). */
export function invalidArgs(cmd: string, key: string, why = `command ${cmd} missing required key ${key}`): string {
  return `invalid args \`${key}\` for command \`${cmd}\`: ${why}`;
}

/** Whether `raw` is an address the app may hand to the browser: the core's one rule for web addresses
 *  (crates/core/src/weburl.rs): http or https, with a host, no user name or password, 2048 characters at
 *  most as written and once encoded. */
export function isWebUrl(raw: string): boolean {
  const text = raw.trim();
  if ([...text].length > 2048) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.href.length <= 2048
  );
}

/** What the shell's open_url answers, past the stand's refusal: nothing, or `url.refused` (the address,
 *  at most 200 characters of it, as the detail). */
export function openUrl(url: string): null {
  if (!isWebUrl(url)) {
    throw { code: 'url.refused', message: 'only web addresses (http or https) can be opened', detail: [...url].slice(0, 200).join('') };
  }
  return null;
}

const NO_AUDIT = { code: 'session.no_audit', message: 'no audit has run yet in this session' };

/** What the Rust side answers, at a stand, to a command that would open a file dialog. */
export const STAND_REFUSAL = { code: 'stand.not_allowed', message: "not at a stand: this would open the computer's files" };

export const system: SystemInfo = {
  os_family: 'linux',
  os_name: 'Debian GNU/Linux',
  os_version: '12',
  kernel_version: '6.1.0-28-amd64',
  desktop: 'GNOME',
  locale: 'fr-FR',
  lang: 'fr',
};

export const packs = packData as Pack[];
export const audit = auditData.audit as Audit;
const results = auditData.steps as Record<string, Record<Lang, StepResult[]>>;

export function pack(id: string): Pack {
  const found = packs.find((p) => p.id === id);
  if (!found) throw { code: 'checklist.unknown_pack', message: `no checklist pack with id \`${id}\`` };
  return found;
}

export function packSummaries(lang: Lang): PackSummary[] {
  return packs.map((p) => ({
    id: p.id,
    title: p.title[lang],
    description: p.description[lang],
    steps: p.steps.length,
    reviewed: p.reviewed,
    own: false,
  }));
}

/** A volunteer's own pack, as the list shows it (crates/core/tests/fixtures/packs/own/atelier-courriel.toml). */
export function ownPackSummary(lang: Lang): PackSummary {
  return {
    id: 'atelier-courriel',
    title: lang === 'fr' ? 'Atelier courriel' : 'Mail workshop',
    description:
      lang === 'fr'
        ? 'Une heure pour quitter une boîte aux lettres qui lit votre courrier.'
        : 'One hour to leave a mailbox that reads your mail.',
    steps: 2,
    reviewed: '2026-11-01',
    own: true,
  };
}

/** Where the volunteer's own packs are kept (the data folder's `packs/`). */
export const OWN_PACKS_DIR = '/home/lucas/.local/share/premiers-pas/packs';

/**
 * What the core answers for a pack file with typos: that fixture pack with `tittle`, an address without
 * `https://` and `how.defautl`, as `premiers-pas checklist validate --lang …` reports them.
 */
export function invalidPack(lang: Lang): IpcError {
  const file = '/home/lucas/Ateliers/atelier-courriel.toml';
  const lines =
    lang === 'fr'
      ? [
          `${file}:5:1: clé inconnue \`tittle\` — vouliez-vous dire \`title\`\u202f?`,
          `${file}:19:7: adresse invalide \`www.chatons.org\`\u202f: ce n’est pas une adresse web complète (https://…)`,
          `${file}:27:5: clé inconnue \`defautl\` — vouliez-vous dire \`default\`\u202f?`,
        ]
      : [
          `${file}:5:1: unknown key \`tittle\` — did you mean \`title\`?`,
          `${file}:19:7: invalid URL \`www.chatons.org\`: it is not a complete web address (https://…)`,
          `${file}:27:5: unknown key \`defautl\` — did you mean \`default\`?`,
        ];
  return { code: 'own_pack.invalid', message: invalidMessage(lang), detail: lines.join('\n') };
}

/** The core's message for a file that is not a valid pack, in the language asked for. */
function invalidMessage(lang: Lang): string {
  return lang === 'fr' ? 'ce fichier n’est pas un parcours valide' : 'this file is not a valid checklist pack';
}

/** A file of the own packs' folder that an older version wrote, left out at launch, said in `lang`. */
export function leftOutPack(lang: Lang): LeftOutPack {
  const file = `${OWN_PACKS_DIR}/vieil-atelier.toml`;
  const keys = '`id`, `title`, `description`, `reviewed`';
  const detail =
    lang === 'fr'
      ? `${file}:8:3: clé inconnue \`steps\` — possibles\u202f: ${keys}`
      : `${file}:8:3: unknown key \`steps\` — expected one of ${keys}`;
  return { file, error: { code: 'own_pack.invalid', message: invalidMessage(lang), detail } };
}

/** The step results of the fixture audit, before any answer. */
export function stepResults(packId: string, lang: Lang): StepResult[] {
  return structuredClone(results[packId][lang]);
}

/** A change since a previous audit at home: the default browser used to be to do, and still is; uBO moved. */
export const changesSinceLastTime: Change[] = [
  { step: 'ublock-origin', before: 'todo', after: 'partial' },
  { step: 'firefox', before: 'todo', after: 'done' },
];

const T0 = Date.UTC(2026, 10, 26, 9, 30, 12);

function appOf(path: string): string {
  if (path.includes('/.mozilla/')) return 'firefox';
  if (path.includes('google-chrome')) return 'chrome';
  if (path.includes('/.thunderbird/')) return 'thunderbird';
  return 'system';
}

/** What the audit read, as the journal records it. */
export const journalFiles: JournalEntry[] = audit.files_read.map((path, i) => ({
  kind: 'file_read',
  app: appOf(path),
  path,
  bytes: 400 + ((path.length * 97) % 9000),
  error: null,
  at_ms: T0 + i * 3,
}));

/** What an audit of this computer asks besides files, as the journal records it. */
export const journalLooked: JournalEntry[] = [
  {
    kind: 'looked',
    source: 'program',
    target: 'xdg-settings get default-web-browser',
    answer: 'firefox-esr.desktop',
    at_ms: T0 + 40,
  },
  { kind: 'looked', source: 'processes', target: 'browsers and mail programs open', answer: 'firefox', at_ms: T0 + 42 },
];

/** A directory refresh, for the transparency panel with network requests. */
export const journalRequests: JournalEntry[] = [
  {
    kind: 'request',
    purpose: 'directory',
    target: 'https://stats.chatons.org/chatons.properties',
    status: 200,
    bytes: 18_432,
    error: null,
    at_ms: T0 + 60_000,
    duration_ms: 240,
  },
  {
    kind: 'request',
    purpose: 'directory',
    target: 'https://www.zaclys.com/.well-known/chatonsinfos/zaclys.properties',
    status: 304,
    bytes: 0,
    error: null,
    at_ms: T0 + 61_200,
    duration_ms: 95,
  },
];

/** The QR code our Rust side draws for `text` (a fixed one for texts the fixtures do not know). */
export function qrSvg(text: string): string {
  const byUrl = qrData.by_url as Record<string, string>;
  return byUrl[text] ?? qrData.takeaway;
}

/** What the core says of a step at a stand, where every step is the visitor's to tell. */
export function visitorReason(answer: Answer | undefined, lang: Lang): string {
  const fr = lang === 'fr';
  if (answer === 'done') return fr ? 'Vous nous avez dit que c’est fait.' : 'You told us this is done.';
  if (answer === 'not_yet') return fr ? 'Vous nous avez dit que ce n’est pas encore fait.' : 'You told us this is not done yet.';
  return fr ? 'Dites-nous si c’est déjà fait chez vous.' : 'Tell us if you already do this at home.';
}

/** The pages that start a step on a phone, as the core picks them (`takeaway::first_pages`): every store
 *  page of the first app its codes suggest, else its first code, else its first link. */
function firstPages(step: Step): string[] {
  const first = step.qr[0];
  if (first) return first.app ? step.qr.filter((q) => q.app === first.app).map((q) => q.url) : [first.url];
  return step.links.slice(0, 1).map((l) => l.url);
}

/**
 * The take-home list, as the core writes it in every mode (`takeaway::text_with`): the pack's title, then
 * every step not done with the pages that start it, or its title alone when the list would be too long for
 * a code (`withoutPages`). The texts are set in the language's typography, as the core renders them.
 */
export function takeawayOf(packId: string, results: StepResult[], lang: Lang, withoutPages = false): Takeaway {
  const current = pack(packId);
  const left = current.steps.filter((s) => results.find((r) => r.id === s.id)?.status !== 'done');
  let text = typeset(current.title[lang], lang);
  if (left.length === 0) text += lang === 'fr' ? '\u202f: tout est fait, bravo\u202f!' : ': all done, well done!';
  else {
    text += lang === 'fr' ? ' — à faire\u202f:' : ' — to do:';
    for (const step of left) {
      text += `\n- ${typeset(step.title[lang], lang)}`;
      if (!withoutPages) for (const url of firstPages(step)) text += `\n${url}`;
    }
  }
  return { text, svg: qrData.takeaway, print_svg: qrData.takeaway, steps: left.length, without_pages: withoutPages };
}

/** The launch options of a plain start: no option given. */
export const noLaunchOptions: AppConfig = {
  mode: null,
  lang: null,
  pack: null,
  home: null,
  os: null,
  data_dir: null,
  directory_source: null,
  idle_seconds: 120,
};

export type BackendOptions = {
  /** Launch options, over `noLaunchOptions`. */
  config?: Partial<AppConfig>;
  system?: SystemInfo;
  /** The operating system the audit reports (the fixture home is a Linux one). */
  auditOs?: OsFamily;
  /** Home mode: progress exists from an earlier visit. */
  resume?: boolean;
  notice?: Notice | null;
  /** What every audit says about saving it (home: it could not be saved). */
  auditNotice?: Notice;
  /** What the first audit reports as changed since the previous one. */
  changes?: Change[];
  /** Journal entries besides the audit's file reads. */
  requests?: JournalEntry[];
  /** What the save dialog returns (null: cancelled). */
  savedPath?: string | null;
  /** Commands that fail, with their error: an IpcError the command gives, or a plain string when the
   *  call itself fails in Tauri (`commandNotFound`, `invalidArgs`). */
  failing?: Record<string, IpcError | string>;
  /** The volunteer added their own pack (`ownPackSummary`) before. */
  ownPack?: boolean;
  /** The take-home list is too long for a code with its pages: it keeps the titles (a long own pack). */
  takeawayWithoutPages?: boolean;
  /** An older version's pack file was left out at launch (`leftOutPack`, said in the language asked for). */
  leftOut?: boolean;
  /** What the "add a pack" dialog leads to: the own pack added (default), a cancel, or an invalid file. */
  addPack?: 'added' | 'cancelled' | 'invalid';
};

export type Call = { cmd: string; args: Record<string, unknown> };

/**
 * A stateful pretend backend: sessions, audits, answers (a manual step answered "done" turns done, as the
 * core's evaluation does), next_visitor forgetting everything. At a stand, as in the core, nothing is
 * audited (no audit, no file read) and every step is the visitor's to tell. It refuses what the shell
 * refuses (src-tauri/src/commands, crates/core/src/session.rs), with the same codes: a command that needs
 * a session before one has started, another journey than a stand when launched as one, an answer before
 * any audit where the computer is audited or for a step the pack does not have, an address that is not a
 * plain web one, and at a stand the file dialogs, printing and the browser.
 * Pass `backend.handle` to `mockIPC`.
 */
export function createBackend(options: BackendOptions = {}) {
  const calls: Call[] = [];
  const state = {
    /** The session's mode; null before the person chose one (no session yet). */
    mode: null as Mode | null,
    packId: 'premiers-pas',
    answers: {} as Record<string, Answer>,
    /** Audits of this session. */
    audits: 0,
    /** `options.changes` went with the first audit at home. */
    changesTold: false,
    journal: [] as JournalEntry[],
    ownPack: options.ownPack ?? false,
  };
  const launchedAsStand = options.config?.mode === 'stand';

  /** The commands that take the session fail without one (`AppState::with_session`). */
  function session(): Mode {
    if (state.mode === null) {
      throw { code: 'session.not_started', message: 'no session has started yet: choose how the app is used first' };
    }
    return state.mode;
  }

  /** What a visitor must not do at a stand, by launch option or by the journey chosen (`refuse_at_stand`). */
  function refuseAtStand() {
    if (launchedAsStand || state.mode === 'stand') throw STAND_REFUSAL;
  }

  function evaluate(lang: Lang): StepResult[] {
    const current = pack(state.packId);
    if (state.mode === 'stand') {
      return current.steps.map((step) => {
        const answer = state.answers[step.id];
        const status = answer === 'done' ? 'done' : answer === 'not_yet' ? 'todo' : 'manual';
        const result: StepResult = { id: step.id, status, reasons: [visitorReason(answer, lang)], evidence: [] };
        return answer ? { ...result, answer } : result;
      });
    }
    return stepResults(state.packId, lang).map((r) => {
      const answer = state.answers[r.id];
      const step = current.steps.find((s) => s.id === r.id);
      if (!answer || !step?.checks.includes('manual')) return r;
      const done = answer === 'done';
      const reason =
        lang === 'fr'
          ? done
            ? 'Vous nous avez dit que c’est fait.'
            : 'Vous nous avez dit que ce n’est pas encore fait.'
          : done
            ? 'You told us this is done.'
            : 'You told us this is not done yet.';
      return { ...r, status: done ? 'done' : 'todo', reasons: [reason], answer };
    });
  }

  /** The pack judged against the last audit (`Session::results`): none yet is an error, except at a stand,
   *  where the visitor's answers alone decide. */
  function results(lang: Lang): StepResult[] {
    if (session() !== 'stand' && state.audits === 0) throw NO_AUDIT;
    return evaluate(lang);
  }

  function firstTodo(steps: StepResult[]): string | null {
    return steps.find((s) => s.status !== 'done')?.id ?? null;
  }

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    system_info: () => options.system ?? system,
    app_config: () => ({ ...noLaunchOptions, ...options.config }),
    list_packs: (a): PackList => {
      const lang = a.lang as Lang;
      const own = state.ownPack ? [ownPackSummary(lang)] : [];
      return { packs: [...packSummaries(lang), ...own], left_out: options.leftOut ? [leftOutPack(lang)] : [] };
    },
    add_pack: (a): PackAdded | null => {
      refuseAtStand();
      if (options.addPack === 'cancelled') return null;
      if (options.addPack === 'invalid') throw invalidPack(a.lang as Lang);
      const replaced = state.ownPack;
      state.ownPack = true;
      return { id: 'atelier-courriel', replaced };
    },
    remove_pack: (a) => {
      refuseAtStand();
      if (a.id !== 'atelier-courriel' || !state.ownPack) {
        throw { code: 'own_pack.not_own', message: `\`${String(a.id)}\` is not one of your own packs` };
      }
      state.ownPack = false;
      return null;
    },
    start_session: (a): SessionStart => {
      const mode = a.mode as Mode;
      // Launched for a stand, the app stays one: a visitor must not reach a journey that keeps or audits.
      if (launchedAsStand && mode !== 'stand') {
        throw { code: 'session.mode_locked', message: 'this app was started for a stand and stays in stand mode' };
      }
      const packId = (a.pack as string | null) ?? options.config?.pack ?? 'premiers-pas';
      const chosen = pack(packId);
      // A start that fails (its first audit) leaves the person in the session they had.
      const before = { ...state, answers: { ...state.answers } };
      // A new session has no audit yet; only the answers saved at home outlive it.
      Object.assign(state, { mode, packId, audits: 0, answers: mode === 'home' ? state.answers : {} });
      try {
        return {
          mode,
          pack_id: packId,
          resume: mode === 'home' && (options.resume ?? false),
          notice: options.notice ?? null,
          persistent: mode === 'home',
          pack: chosen,
          // The first audit goes through run_audit's handler, so `failing.run_audit` applies to it too.
          audit: a.audit ? (handle('run_audit', { lang: a.audit }) as AuditView) : null,
        };
      } catch (err) {
        Object.assign(state, before);
        throw err;
      }
    },
    run_audit: (a): AuditView => {
      session();
      state.audits++;
      if (state.mode === 'stand') {
        const steps = evaluate(a.lang as Lang);
        return { audit: null, steps, changes: [], first_todo: firstTodo(steps), duration_ms: 0 };
      }
      state.journal.push(...journalFiles, ...journalLooked);
      const steps = evaluate(a.lang as Lang);
      const changes = state.mode === 'home' && !state.changesTold ? (options.changes ?? []) : [];
      if (state.mode === 'home') state.changesTold = true;
      return { audit: { ...audit, os: options.auditOs ?? audit.os }, steps, changes, first_todo: firstTodo(steps), duration_ms: 38, notice: options.auditNotice };
    },
    step_results: (a) => results(a.lang as Lang),
    set_answer: (a) => {
      const step = a.step as string;
      if (session() !== 'stand' && state.audits === 0) throw NO_AUDIT;
      if (!pack(state.packId).steps.some((s) => s.id === step)) {
        throw { code: 'session.unknown_step', message: `the pack \`${state.packId}\` has no step \`${step}\`` };
      }
      if (a.answer) state.answers[step] = a.answer as Answer;
      else delete state.answers[step];
      return evaluate(a.lang as Lang);
    },
    next_visitor: () => {
      if (session() === 'home') {
        throw { code: 'session.not_ephemeral', message: 'forgetting everything is only for a stand or a workshop, not at home' };
      }
      state.answers = {};
      state.audits = 0;
      state.journal = [];
      return null;
    },
    close_guard_ready: () => null,
    close_asked: () => null,
    /** The shell exits; here the app stays, and the call is recorded. */
    close_app: () => null,
    qr_svg: (a) => {
      if (a.text === '') throw { code: 'qr.empty', message: 'there is nothing to put in the QR code' };
      return qrSvg(a.text as string);
    },
    takeaway: (a) => takeawayOf(state.packId, results(a.lang as Lang), a.lang as Lang, options.takeawayWithoutPages),
    save_report: (a) => {
      refuseAtStand();
      // The report is written before the dialog asks where: it needs an audit.
      results(a.lang as Lang);
      return options.savedPath === undefined ? `/home/lucas/premiers-pas.${String(a.format)}` : options.savedPath;
    },
    print_page: () => {
      // The print dialog can print to a file, which opens the laptop's folders.
      refuseAtStand();
      return null;
    },
    set_fullscreen: () => null,
    set_zoom: (a) => Math.min(3, Math.max(0.5, Number.isFinite(a.scale) ? (a.scale as number) : 1)),
    open_url: (a) => {
      refuseAtStand();
      return openUrl(String(a.url));
    },
    journal: () => [...state.journal, ...(options.requests ?? [])],
  };

  function handle(cmd: string, args?: unknown): unknown {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const failure = options.failing?.[cmd];
    if (failure) throw failure;
    const handler = handlers[cmd];
    if (!handler) throw commandNotFound(cmd);
    return handler(a);
  }

  /** The commands this backend answers (the directory's are `DIRECTORY_COMMANDS`, of its own backend). */
  const commands = Object.keys(handlers);

  return { handle, calls, state, commands };
}
