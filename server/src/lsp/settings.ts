import { parseConfig, parseConfigText, type ParsedConfig } from '../core/config/config';
import type { InitializationOptions } from '../protocol';

/** What the server was told at start: where it may cache, and the editor's settings. */
export interface ServerSettings {
  readonly storagePath: string | null;
  /** The editor settings, read as a `.proofmark.json` would be; a folder's own file wins. */
  readonly editor: ParsedConfig;
  /** Milliseconds to wait after a keystroke before re-analysing. */
  readonly debounceMs: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `initializationOptions` of unknown shape; anything malformed becomes a default. */
export function readInitializationOptions(raw: unknown): ServerSettings {
  const options: InitializationOptions = isRecord(raw) ? raw : {};
  const storagePath = typeof options.storagePath === 'string' && options.storagePath.length > 0 ? options.storagePath : null;
  const debounce = typeof options.debounceMs === 'number' && options.debounceMs >= 0 && options.debounceMs < 60_000 ? options.debounceMs : 100;
  return { storagePath, editor: parseConfig(options.settings ?? null), debounceMs: debounce };
}

export function withEditorSettings(settings: ServerSettings, raw: unknown): ServerSettings {
  return { ...settings, editor: parseConfig(raw ?? null) };
}

/** A folder's configuration: its `.proofmark.json` over the editor settings, else the editor settings. */
export function folderConfig(settings: ServerSettings, fileText: string | null): ParsedConfig {
  return fileText === null ? settings.editor : parseConfigText(fileText, settings.editor.config);
}
