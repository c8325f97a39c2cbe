// The pretend backends answer the commands the shell registers, and only them: a command the shell drops
// or renames must not live on in the views' tests, and a new one must get its pretend answer.
import { describe, expect, it } from 'vitest';
import { DIRECTORY_COMMANDS, createDirectoryBackend } from '../views/chatons/fixtures';
import { commandNotFound, createBackend } from './fixtures';
import { shellCommands } from './rust';

describe('the pretend backends', () => {
  it('answer the commands of the shell’s generate_handler!, and no other', () => {
    const shell = shellCommands();
    // The list was read: the shell has a few dozen commands, each once.
    expect(shell.length).toBeGreaterThan(20);
    expect(new Set(shell).size).toBe(shell.length);
    expect(shell).toEqual(expect.arrayContaining(['system_info', 'start_session', 'directory_refresh', 'close_app']));

    const app = createBackend().commands;
    const directory = createDirectoryBackend().commands;
    const answered = new Set([...app, ...DIRECTORY_COMMANDS]);
    expect([...answered].filter((cmd) => !shell.includes(cmd)), 'answered, but not a command of the shell').toEqual([]);
    expect(shell.filter((cmd) => !answered.has(cmd)), 'commands of the shell no pretend backend answers').toEqual([]);
    // DIRECTORY_COMMANDS routes to the directory's backend: it answers each of them, and nothing the shell lacks.
    expect(DIRECTORY_COMMANDS.filter((cmd) => !directory.includes(cmd)), 'routed to the directory, which does not answer it').toEqual([]);
    expect(directory.filter((cmd) => !shell.includes(cmd)), 'answered by the directory, but not a command of the shell').toEqual([]);
  });

  it('reject a command they do not answer as Tauri does', () => {
    expect(() => createBackend().handle('no_such_command')).toThrow(commandNotFound('no_such_command'));
    expect(() => createDirectoryBackend().handle('no_such_command', {})).toThrow(commandNotFound('no_such_command'));
  });
});
