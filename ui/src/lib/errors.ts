// An error from the Rust side in the person's language. Every code the Rust side can send has a sentence
// under `errors.<code>` in the catalogs (a Rust test keeps the two in step); an unknown code gets the
// generic sentence. The English `message` and the `detail` stay available, as text, behind "Details".
import type { IpcError } from '../bindings/IpcError';
import type { Lang } from '../bindings/Lang';
import { i18n } from './i18n.svelte';
import { toIpcError } from './ipc';

/** A code is `domain.reason` in snake case; anything else is not looked up (it would not be a key). */
const CODE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/** The localised sentence for an error (any thrown value), in `lang` (default: the current language). */
export function errorText(error: unknown, lang: Lang = i18n.lang): string {
  const { code } = toIpcError(error);
  const key = `errors.${code}`;
  return CODE.test(code) && i18n.has(key) ? i18n.tIn(lang, key) : i18n.tIn(lang, 'errors.generic');
}

/**
 * The language of an error's technical side: the Rust side writes it in English, except an own pack's
 * checker, whose lines come in the language the page asked for (undefined: the page's own).
 */
export function errorDetailsLang(error: unknown): 'en' | undefined {
  return toIpcError(error).code === 'own_pack.invalid' ? undefined : 'en';
}

/** The technical side of an error, for the "Details" disclosure: message, code, then the detail. */
export function errorDetails(error: unknown): string {
  const e: IpcError = toIpcError(error);
  return [`${e.message} (${e.code})`, e.detail].filter((line): line is string => !!line).join('\n');
}
