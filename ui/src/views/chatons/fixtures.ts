// A small directory and gazetteer answering the step's IPC commands like the Rust side does (same ranking
// rules, same shapes), for the tests and for looking at the step without the desktop shell. Not part of
// the app: only tests and the preview page import it.
import { mockIPC } from '@tauri-apps/api/mocks';
import { STAND_REFUSAL, commandNotFound, invalidArgs, openUrl, qrSvg } from '../../mocks/fixtures';
import type { DirectoryStatus } from '../../bindings/DirectoryStatus';
import type { IpcError } from '../../bindings/IpcError';
import type { Organization } from '../../bindings/Organization';
import type { Place } from '../../bindings/Place';
import type { PlaceResolution } from '../../bindings/PlaceResolution';
import type { RefreshProgress } from '../../bindings/RefreshProgress';
import type { RefreshReport } from '../../bindings/RefreshReport';
import type { SearchHit } from '../../bindings/SearchHit';
import type { SearchQuery } from '../../bindings/SearchQuery';
import type { SearchResults } from '../../bindings/SearchResults';
import type { Service } from '../../bindings/Service';

export const FETCHED_AT = Date.UTC(2026, 10, 20, 9, 30);
const SOURCE = 'https://framagit.org/chatons/chatonsinfos/-/raw/master/StatoolInfos/chatons.properties';

const place = (name: string, country: string, region: string | null, subregion: string | null, lat: number, lon: number, population: number): Place => ({
  name,
  country,
  region,
  subregion,
  point: { lat, lon },
  population,
});

export const PLACES: Place[] = [
  place('Compiègne', 'FR', 'Hauts-de-France', 'Oise', 49.41794, 2.82606, 44243),
  place('Compans', 'FR', 'Île-de-France', 'Seine-et-Marne', 48.99, 2.66, 800),
  place('Saint-Denis', 'FR', 'Île-de-France', 'Seine-Saint-Denis', 48.93564, 2.35387, 111135),
  place('Saint-Denis', 'RE', 'La Réunion', null, -20.88231, 55.4504, 145238),
  place('Saint-Dié-des-Vosges', 'FR', 'Grand Est', 'Vosges', 48.28, 6.95, 20000),
  place('Lyon', 'FR', 'Auvergne-Rhône-Alpes', 'Rhône', 45.74846, 4.84671, 522969),
  place('Lille', 'FR', 'Hauts-de-France', 'Nord', 50.63297, 3.05858, 234475),
  place('Namur', 'BE', 'Wallonie', 'Namur', 50.4669, 4.86746, 106284),
];

const CATEGORY_OF: Record<string, string> = {
  roundcube: 'mail',
  sogo: 'mail',
  nextcloud: 'cloud',
  etherpad: 'pads',
  'jitsi meet': 'video-calls',
  mattermost: 'chat',
};

export const CATEGORIES = {
  fr: [
    { id: 'mail', label: 'Courriel' },
    { id: 'cloud', label: 'Stockage en ligne' },
    { id: 'pads', label: 'Pads et documents' },
    { id: 'video-calls', label: 'Visioconférence' },
    { id: 'chat', label: 'Messagerie instantanée' },
    { id: 'other', label: 'Autres' },
  ],
  en: [
    { id: 'mail', label: 'Mail' },
    { id: 'cloud', label: 'Cloud storage' },
    { id: 'pads', label: 'Pads and documents' },
    { id: 'video-calls', label: 'Video calls' },
    { id: 'chat', label: 'Chat' },
    { id: 'other', label: 'Other' },
  ],
};

function service(id: string, name: string, software: string, registration: Service['registration'], extra: Partial<Service> = {}): Service {
  return {
    id,
    source_url: `https://example.org/${id}.properties`,
    name,
    description: null,
    website: `https://${id}.example.org/`,
    logo: null,
    software_name: software,
    software_website: null,
    registration,
    load: 'open',
    status: 'ok',
    start_date: null,
    end_date: null,
    host_country_name: null,
    host_country_code: null,
    freshness: { fetched_at_ms: FETCHED_AT, last_error: null },
    ...extra,
  };
}

function org(id: string, name: string, where: { lat: number; lon: number } | null, country: string | null, services: Service[], extra: Partial<Organization> = {}): Organization {
  return {
    id,
    source_url: `https://example.org/${id}.properties`,
    name,
    description: null,
    kind: 'association',
    website: `https://${id}.example.org/`,
    logo: null,
    contact_url: null,
    contact_email: null,
    status: 'active',
    membership: 'active',
    start_date: null,
    end_date: null,
    membership_end_date: null,
    country_name: country === 'FR' ? 'France' : country === 'BE' ? 'Belgique' : null,
    country_code: country,
    location: where,
    address: null,
    services,
    freshness: { fetched_at_ms: FETCHED_AT, last_error: null },
    ...extra,
  };
}

export function sampleOrganizations(): Organization[] {
  return [
    org('oise', 'Les Chatons de l’Oise', { lat: 49.42, lon: 2.83 }, 'FR', [
      service('courriel-oise', 'Courriel', 'Roundcube', ['member']),
      service('nuage-oise', 'Nuage', 'Nextcloud', ['member']),
    ], {
      description: 'Une association picarde.\nNous hébergeons vos courriels et vos fichiers.',
      address: '2 rue Solferino, 60200 Compiègne',
      contact_email: 'contact@oise.example.org',
      contact_url: 'https://oise.example.org/contact',
    }),
    org('paris-libre', 'Paris Libre', { lat: 48.8566, lon: 2.3522 }, 'FR', [
      service('mail-pl', 'Mail', 'SOGo', ['free']),
      service('pad-pl', 'Pads', 'Etherpad', ['none']),
    ]),
    org('lille-num', 'Lille Numérique', { lat: 50.63, lon: 3.06 }, 'FR', [
      service('mail-ln', 'Courriel', 'Roundcube', ['free', 'member']),
      service('visio-ln', 'Visio', 'Jitsi Meet', ['none']),
    ]),
    org('lyon-coop', 'Coopérative lyonnaise', { lat: 45.76, lon: 4.84 }, 'FR', [
      service('cloud-lc', 'Cloud', 'Nextcloud', ['client']),
    ], { kind: 'cooperative' }),
    org('namur', 'Chatons de Namur', { lat: 50.4669, lon: 4.8675 }, 'BE', [
      service('mail-nm', 'Courriel', 'Roundcube', ['free']),
    ]),
    org('belgique-seulement', 'Hébergeur belge sans adresse', null, 'BE', [
      service('mail-bs', 'Courriel', 'Roundcube', ['free']),
    ]),
    org('nulle-part', 'Hébergeur sans lieu', null, null, [
      service('mail-np', 'Courriel', 'Roundcube', ['free']),
    ]),
  ];
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dlat = (b.lat - a.lat) * rad;
  const dlon = (b.lon - a.lon) * rad;
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dlon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function suggest(prefix: string, limit: number): Place[] {
  const key = fold(prefix);
  return PLACES.filter((p) => fold(p.name).startsWith(key))
    .sort((a, b) => Number(fold(b.name) === key) - Number(fold(a.name) === key) || b.population - a.population)
    .slice(0, limit);
}

export function resolve(query: string): PlaceResolution {
  const coords = /^(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)$/.exec(query.trim());
  if (coords) return { kind: 'coordinates', point: { lat: Number(coords[1]), lon: Number(coords[2]) } };
  const qualified = /^(.*)\(([^)]*)\)$/.exec(query.trim());
  const name = qualified ? qualified[1] : query;
  const qualifier = qualified ? fold(qualified[2]) : null;
  let candidates = PLACES.filter((p) => fold(p.name) === fold(name));
  if (qualifier) {
    candidates = candidates.filter((p) => [p.region, p.subregion, p.country].some((s) => s && fold(s) === qualifier));
  }
  if (candidates.length === 1) return { kind: 'found', place: candidates[0] };
  if (candidates.length === 0) return { kind: 'not_found', query, suggestions: suggest(name, 5) };
  return { kind: 'ambiguous', query, candidates: [...candidates].sort((a, b) => b.population - a.population) };
}

export function search(orgs: Organization[], q: SearchQuery): SearchResults {
  const near = q.near ? resolve(q.near) : null;
  const point = near?.kind === 'found' ? near.place.point : near?.kind === 'coordinates' ? near.point : null;
  const country = near?.kind === 'found' ? near.place.country : null;
  const hits: SearchHit[] = [];
  for (const o of orgs) {
    const services = o.services
      .map((s) => ({ s, category: CATEGORY_OF[fold(s.software_name ?? '')] ?? 'other' }))
      .filter(({ s, category }) => {
        if (q.category && category !== q.category) return false;
        if (q.registration === 'open') return s.registration.some((r) => r === 'none' || r === 'free');
        if (q.registration === 'members') return s.registration.includes('member');
        if (q.registration === 'paid') return s.registration.includes('client');
        return true;
      })
      .map(({ s, category }) => ({
        id: s.id,
        name: s.name,
        website: s.website,
        software_name: s.software_name,
        category,
        registration: s.registration,
        load: s.load,
        status: s.status,
        available: s.load !== 'full',
      }));
    if (services.length === 0) continue;
    hits.push({
      org_id: o.id,
      name: o.name,
      website: o.website,
      country_code: o.country_code,
      country_name: o.country_name,
      location: o.location,
      placement: o.location ? 'located' : o.country_code ? 'country_only' : 'unknown',
      distance_km: point && o.location ? distanceKm(point, o.location) : null,
      active: true,
      stale: o.freshness.last_error !== null,
      services,
    });
  }
  const rank = (h: SearchHit) => (h.distance_km !== null ? 0 : h.placement === 'country_only' ? (h.country_code === country ? 1 : 2) : 3);
  hits.sort((a, b) =>
    point
      ? rank(a) - rank(b) || (a.distance_km ?? 0) - (b.distance_km ?? 0) || a.name.localeCompare(b.name)
      : a.name.localeCompare(b.name),
  );
  return { near, total: hits.length, hits, source: SOURCE, fetched_at_ms: FETCHED_AT };
}

export function availableStatus(orgs: Organization[]): DirectoryStatus {
  return {
    available: true,
    source: SOURCE,
    fetched_at_ms: FETCHED_AT,
    organizations: orgs.length,
    services: orgs.reduce((n, o) => n + o.services.length, 0),
    last_refresh: null,
    path: '/home/visitor/.local/share/premiers-pas/directory/snapshot.json',
    problem: null,
  };
}

export const EMPTY_STATUS: DirectoryStatus = {
  available: false,
  source: null,
  fetched_at_ms: null,
  organizations: 0,
  services: 0,
  last_refresh: null,
  path: null,
  problem: null,
};

export const SAMPLE_REPORT: RefreshReport = {
  source: SOURCE,
  started_at_ms: FETCHED_AT,
  duration_ms: 2900,
  counts: { fetched: 820, unchanged: 4, failed: 2, skipped: 1 },
  bytes_received: 2480312,
  stopped: false,
  organizations: 98,
  services: 712,
  files: [
    { url: SOURCE, role: 'federation', outcome: { status: 'fetched', bytes: 18200, latin1: false } },
    {
      url: 'https://lent.example.org/org.properties',
      role: 'organization',
      outcome: { status: 'failed', reason: 'timeout', message: 'not complete after 30 s', kept_previous: true },
    },
    {
      url: 'https://absent.example.org/org.properties',
      role: 'organization',
      outcome: { status: 'failed', reason: 'http_status', message: '404 Not Found', kept_previous: false },
    },
    { url: 'javascript:alert(1)', role: 'organization', outcome: { status: 'skipped', reason: 'bad_url', detail: 'subs.x: url_scheme' } },
  ],
  notes: [],
  rejected_values: [],
};

/** A refresh the person stopped: what was settled before the stop, nothing assembled. */
export const STOPPED_REPORT: RefreshReport = {
  ...SAMPLE_REPORT,
  duration_ms: 41200,
  counts: { fetched: 12, unchanged: 0, failed: 1, skipped: 0 },
  bytes_received: 38120,
  stopped: true,
  organizations: 0,
  services: 0,
  files: SAMPLE_REPORT.files.slice(0, 2),
};

export type Backend = {
  calls: { cmd: string; args: Record<string, unknown> }[];
  orgs: Organization[];
  status: DirectoryStatus;
  /** The progress channel of the refresh in flight, to send progress from a test. */
  progress: ((p: RefreshProgress) => void) | null;
  /** Ends the refresh in flight. */
  finishRefresh: ((outcome: { report: RefreshReport } | { error: unknown }) => void) | null;
  /** As the shell's next_visitor does first: stops the refresh in flight, if any, and resolves once it has
   *  ended (`AppState::stop_refresh_and_wait`). */
  stopRefreshAndWait: () => Promise<void>;
};

export type DirectoryBackendOptions = {
  orgs?: Organization[];
  status?: DirectoryStatus;
  /** `'manual'`: a refresh waits for `finishRefresh`; a report: it answers at once with it. */
  refresh?: 'manual' | RefreshReport;
  /** `'held'`: a refresh asked to stop goes on until `finishRefresh`, to see the page while it stops; by
   *  default it ends by itself a moment after the stop, as the shell's does. */
  stop?: 'held';
  /** What an import gives (null: the person cancelled); the sample directory by default. */
  importStatus?: DirectoryStatus | null;
  /** A stand: import and export are refused, as the Rust side does. */
  stand?: boolean;
  /** Commands that fail, with the error they throw (as `BackendOptions.failing`: a plain string is Tauri's). */
  failing?: Record<string, IpcError | string>;
};

/** The commands a mock IPC sends to this pretend directory; others are for the app's backend (qr_svg too,
 *  which the directory answers only for its step tested on its own). */
export const DIRECTORY_COMMANDS = [
  'directory_status',
  'directory_refresh',
  'cancel_refresh',
  'directory_search',
  'directory_org',
  'directory_import',
  'directory_export',
  'place_suggest',
  'categories',
  'open_url',
];

/**
 * A pretend backend for the directory commands, to plug into any mock IPC handler:
 * `if (DIRECTORY_COMMANDS.includes(cmd)) return directory.handle(cmd, args)`.
 */
export function createDirectoryBackend(options: DirectoryBackendOptions = {}): Backend & {
  handle: (cmd: string, payload: unknown) => unknown;
  commands: string[];
} {
  const orgs = options.orgs ?? sampleOrganizations();
  /** The refresh in flight has been asked to stop, and settles once it has ended. */
  let stopping: Promise<void> | null = null;
  /** Raises the stop flag of the refresh in flight, as the shell's `cancel_refresh` does, and answers at
   *  once whether one was running. The refresh notices the flag a moment later and ends by itself, with
   *  its own report saying it was stopped: never within the call that stopped it. */
  const stop = (): boolean => {
    const finish = backend.finishRefresh;
    if (!finish) return false;
    if (options.stop === 'held') return true;
    stopping ??= new Promise((ended) =>
      setTimeout(() => {
        if (backend.finishRefresh === finish) finish({ report: STOPPED_REPORT });
        ended();
      }, 0),
    );
    return true;
  };
  const backend: Backend = {
    calls: [],
    orgs,
    status: options.status ?? availableStatus(orgs),
    progress: null,
    finishRefresh: null,
    stopRefreshAndWait: async () => {
      if (stop()) await stopping;
    },
  };
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    directory_status: () => backend.status,
    categories: (args) => CATEGORIES[(args.lang as 'fr' | 'en') ?? 'fr'],
    place_suggest: (args) => suggest(String(args.prefix), Number(args.limit)),
    directory_search: (args) => {
      if (!backend.status.available) throw { code: 'directory.empty', message: 'there is no directory yet' };
      return search(backend.orgs, args.query as SearchQuery);
    },
    directory_org: (args) => {
      const found = backend.orgs.find((o) => o.id === args.id);
      if (!found) throw { code: 'directory.unknown_organization', message: `no organization has the id ${String(args.id)}` };
      return found;
    },
    open_url: (args) => {
      // As the shell does: at a stand nothing opens in the laptop's browser.
      if (options.stand) throw STAND_REFUSAL;
      return openUrl(String(args.url));
    },
    directory_import: (args) => {
      if (options.stand) throw STAND_REFUSAL;
      // Tauri reads the arguments before the command runs, and rejects a missing one with a plain string.
      if (args.lang === undefined) throw invalidArgs('directory_import', 'lang');
      if (args.lang !== 'fr' && args.lang !== 'en') {
        throw invalidArgs('directory_import', 'lang', `unknown variant \`${String(args.lang)}\`, expected \`fr\` or \`en\``);
      }
      const next = options.importStatus === undefined ? availableStatus(backend.orgs) : options.importStatus;
      if (next) backend.status = next;
      return next;
    },
    directory_export: () => {
      if (options.stand) throw STAND_REFUSAL;
      if (!backend.status.available) throw { code: 'directory.empty', message: 'there is no directory yet' };
      return '/media/cle-usb/annuaire-chatons.json';
    },
    directory_refresh: (args) => {
      // One refresh at a time: a second one would fetch every file twice.
      if (backend.finishRefresh) throw { code: 'directory.refresh_running', message: 'the directory is already being refreshed' };
      const channel = args.onProgress as { onmessage: (p: RefreshProgress) => void };
      backend.progress = (p) => channel.onmessage(p);
      if (options.refresh && options.refresh !== 'manual') {
        backend.status = { ...availableStatus(backend.orgs), fetched_at_ms: options.refresh.started_at_ms };
        return options.refresh;
      }
      return new Promise((resolvePromise, reject) => {
        backend.finishRefresh = (outcome) => {
          backend.finishRefresh = null;
          stopping = null;
          if ('report' in outcome) {
            // A stopped refresh keeps nothing: the directory stays as it was.
            if (!outcome.report.stopped) backend.status = availableStatus(backend.orgs);
            resolvePromise(outcome.report);
          } else reject(outcome.error);
        };
      });
    },
    cancel_refresh: () => stop(),
    // Not the directory's, but its step draws codes (a host's site at a stand): for the step on its own.
    qr_svg: (args) => qrSvg(String(args.text)),
  };
  const handle = (cmd: string, payload: unknown): unknown => {
    const args = (payload ?? {}) as Record<string, unknown>;
    backend.calls.push({ cmd, args });
    const failure = options.failing?.[cmd];
    if (failure) throw failure;
    const handler = handlers[cmd];
    if (!handler) throw commandNotFound(cmd);
    return handler(args);
  };
  /** The commands this backend answers: `DIRECTORY_COMMANDS`, and qr_svg for the step on its own. */
  const commands = Object.keys(handlers);
  return Object.assign(backend, { handle, commands });
}

/** Installs the mock IPC with only the directory commands. */
export function installBackend(options: DirectoryBackendOptions = {}): Backend {
  const backend = createDirectoryBackend(options);
  mockIPC((cmd, payload) => backend.handle(cmd, payload));
  return backend;
}
