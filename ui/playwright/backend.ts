// The pretend Rust side: what each command answers for a scenario. Data only, typed against the generated
// bindings so that a change of a Rust type breaks this file's type check rather than the screenshots.
import type { AppConfig } from '../src/bindings/AppConfig';
import type { IpcError } from '../src/bindings/IpcError';
import type { SystemInfo } from '../src/bindings/SystemInfo';

/** What a browser scenario pretends: launch options and the computer. */
export type Scenario = {
  config?: Partial<AppConfig>;
  system?: Partial<SystemInfo>;
};

export const debian: SystemInfo = {
  os_family: 'linux',
  os_name: 'Debian GNU/Linux',
  os_version: '12',
  kernel_version: '6.1.0',
  desktop: 'GNOME',
  locale: 'fr-FR',
  lang: 'fr',
};

type RunCallback = (id: number, payload: unknown) => void;

export function answer(
  scenario: Scenario,
  cmd: string,
  _args: Record<string, unknown>,
  _runCallback: RunCallback,
): unknown {
  switch (cmd) {
    case 'system_info':
      return { ...debian, ...scenario.system };
    case 'app_config':
      return { mode: null, lang: null, ...scenario.config };
    default: {
      const error: IpcError = { code: 'ipc.unknown_command', message: `no mock for ${cmd}` };
      throw error;
    }
  }
}
