// The pretend backends fail only as the Rust side can: every error code they or a test's mock IPC throw is
// one the core or the shell sends. A code nothing sends would test a path the app can never take, and a
// call that fails in Tauri itself (before any command runs) comes as a plain string, not as a code.
import { describe, expect, it } from 'vitest';
import { CODE, filesUnder, read, rustErrorCodes } from './rust';

/** The files that stand in for the Rust side: the fixtures, the browser scenarios, and every test that
 *  answers IPC calls itself. */
function standIns(): string[] {
  const sources = [
    ...filesUnder('ui/src', ['.ts']),
    ...filesUnder('ui/playwright', ['.ts', '.mjs']),
    ...filesUnder('ui/preview', ['.ts']),
  ];
  // This file writes an invented code on purpose, to check the scan finds one.
  const self = 'ui/src/mocks/codes.test.ts';
  return sources.filter((file) => file !== self && /mockIPC|createBackend|installBackend|createDirectoryBackend|failing:/.test(read(file)));
}

/** The error codes written in `text`: each `code: '…'` whose value has a dot (a keyboard event's
 *  `code: 'KeyP'` is no error code). */
function codesIn(text: string): string[] {
  return [...text.matchAll(/\bcode: *(['"`])([^'"`]*)\1/g)].map((m) => m[2]).filter((value) => value.includes('.'));
}

describe('the pretend backends', () => {
  it('throw only error codes the Rust side sends', () => {
    const rust = rustErrorCodes();
    const invented: string[] = [];
    let seen = 0;
    for (const file of standIns()) {
      for (const code of codesIn(read(file))) {
        seen++;
        if (!CODE.test(code) || !rust.has(code)) invented.push(`${file}: ${code}`);
      }
    }
    expect(invented, 'codes no Rust `impl ErrorCode` sends (a call that fails in Tauri itself is a plain string)').toEqual([]);
    // The scans found what they look for: not an empty pass.
    expect(seen).toBeGreaterThan(20);
    expect(standIns()).toEqual(expect.arrayContaining(['ui/src/mocks/fixtures.ts', 'ui/src/views/chatons/fixtures.ts', 'ui/src/App.test.ts']));
  });

  it('read the codes from the core and the shell', () => {
    const rust = rustErrorCodes();
    const known = ['checklist.unknown_pack', 'session.no_audit', 'session.mode_locked', 'stand.not_allowed', 'url.refused'];
    for (const code of [...known, 'directory.refresh_running', 'own_pack.invalid']) expect(rust, code).toContain(code);
    // A test module's sample is no code, nor is the UI's own name for a plain-string failure.
    expect(rust).not.toContain('sample.read');
    expect(rust).not.toContain('ipc.unexpected');
    expect(codesIn(`throw { code: 'audit.failed', message: 'x' }; new KeyboardEvent('keydown', { code: 'KeyP' });`)).toEqual(['audit.failed']);
  });
});
