// The Rust side as its source says it, for the tests that keep the pretend backends (fixtures.ts, the
// directory's fixtures.ts) to what it can really answer. Read from the workspace, as the Rust tests of the
// error codes read it (crates/core/tests/error_codes_scan): nothing to keep in step by hand. Node only.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace: ui/src/mocks/ is three folders down. (A path, not a URL: a test's `URL` is jsdom's.) */
export const WORKSPACE = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every file under `dir` (relative to the workspace) whose name ends with one of `endings`. */
export function filesUnder(dir: string, endings: string[]): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (endings.some((e) => entry.name.endsWith(e))) out.push(relative(WORKSPACE, path));
    }
  };
  walk(join(WORKSPACE, dir));
  return out.sort();
}

export function read(path: string): string {
  return readFileSync(join(WORKSPACE, path), 'utf8');
}

/** The text of the block that opens at the first `{` at or after `from`, braces balanced. */
function block(text: string, from: number): string {
  const start = text.indexOf('{', from);
  if (start < 0) throw new Error(`no block after byte ${from}`);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unbalanced braces after byte ${from}`);
}

/** A code is `domain.reason` in snake case (the core's `ErrorCode`). */
export const CODE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/** A Rust file without its test module, whose samples are no codes anything sends. */
function withoutTests(text: string): string {
  const at = text.indexOf('#[cfg(test)]\nmod tests');
  return at < 0 ? text : text.slice(0, at);
}

/**
 * Every error code the core and the shell can send: the `"domain.reason"` literals in the `fn code` of each
 * `impl ErrorCode for …` outside test modules (the rule of crates/core/tests/error_codes_scan).
 */
export function rustErrorCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of [...filesUnder('crates/core/src', ['.rs']), ...filesUnder('src-tauri/src', ['.rs'])]) {
    const text = withoutTests(read(file));
    for (let at = text.indexOf('impl ErrorCode for '); at >= 0; at = text.indexOf('impl ErrorCode for ', at + 1)) {
      const body = block(text, at);
      const code = block(body, body.indexOf('fn code('));
      for (const [, literal] of code.matchAll(/"([^"]*)"/g)) if (CODE.test(literal)) codes.add(literal);
    }
  }
  return codes;
}

/** The commands the page may call: the names in `generate_handler![…]` of src-tauri/src/lib.rs. */
export function shellCommands(): string[] {
  const lib = read('src-tauri/src/lib.rs');
  const list = /generate_handler!\[([^\]]*)\]/.exec(lib);
  if (!list) throw new Error('no generate_handler![…] in src-tauri/src/lib.rs');
  return list[1]
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path !== '')
    .map((path) => path.split('::').at(-1) as string);
}

/** The shell's commands (`#[tauri::command]` in src-tauri/src) that refuse to run at a stand: their body
 *  calls `refuse_at_stand`. */
export function refusedAtStand(): string[] {
  const refused: string[] = [];
  for (const file of filesUnder('src-tauri/src', ['.rs'])) {
    const text = withoutTests(read(file));
    for (const m of text.matchAll(/#\[tauri::command\]\s*pub (?:async )?fn (\w+)/g)) {
      if (block(text, m.index).includes('refuse_at_stand()')) refused.push(m[1]);
    }
  }
  return refused.sort();
}
