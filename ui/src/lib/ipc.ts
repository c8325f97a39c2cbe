// The only door to the Rust side. Each wrapper names a command and its generated result type, so a change
// of a Rust type shows up here as a type error. Failures arrive as IpcError { code, message, detail }.
import { invoke } from '@tauri-apps/api/core';
import type { AppConfig } from '../bindings/AppConfig';
import type { IpcError } from '../bindings/IpcError';
import type { SystemInfo } from '../bindings/SystemInfo';

export function isIpcError(value: unknown): value is IpcError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** Any thrown value as an IpcError, so views handle one shape. */
export function toIpcError(value: unknown): IpcError {
  if (isIpcError(value)) return value;
  return { code: 'ipc.unexpected', message: String(value) };
}

export const api = {
  systemInfo: () => invoke<SystemInfo>('system_info'),
  appConfig: () => invoke<AppConfig>('app_config'),
};
