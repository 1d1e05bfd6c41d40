import { DEFAULT_CONFIG, parseConfig, parseConfigText, type ParsedConfig } from '../core/config/config';
import type { InitializationOptions } from '../protocol';

/** What the server was told at start: where it may cache, and the editor's settings. */
export interface ServerSettings {
  readonly storagePath: string | null;
  /** The editor settings, read as a `.proofmark.json` would be; a folder's own file wins. */
  readonly editor: ParsedConfig;
  /** Milliseconds to wait after a keystroke before re-analysing. */
  readonly debounceMs: number;
  /** Whether the editor trusts the workspace; untrusted, configured conventions and templates are ignored (see `folderConfig`). */
  readonly trusted: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `initializationOptions` of unknown shape; anything malformed becomes a default. */
export function readInitializationOptions(raw: unknown): ServerSettings {
  const options: InitializationOptions = isRecord(raw) ? raw : {};
  const storagePath = typeof options.storagePath === 'string' && options.storagePath.length > 0 ? options.storagePath : null;
  const debounce = typeof options.debounceMs === 'number' && options.debounceMs >= 0 && options.debounceMs < 60_000 ? options.debounceMs : 100;
  // Only an explicit `false` restricts: clients without a notion of trust (Neovim) trust the workspace.
  return { storagePath, editor: parseConfig(options.settings ?? null), debounceMs: debounce, trusted: options.trusted !== false };
}

export function withEditorSettings(settings: ServerSettings, raw: unknown): ServerSettings {
  return { ...settings, editor: parseConfig(raw ?? null) };
}

/**
 * A folder's configuration: its `.proofmark.json` over the editor settings, else the editor
 * settings. In an untrusted workspace the conventions (the patterns, which a hostile repository
 * could write to stall or mislead the analysis) and the templates folder are the built-in ones,
 * whoever set them, and their problems are not reported: they are not used.
 */
export function folderConfig(settings: ServerSettings, fileText: string | null): ParsedConfig {
  const parsed = fileText === null ? settings.editor : parseConfigText(fileText, settings.editor.config);
  if (settings.trusted) return parsed;
  return {
    config: { ...parsed.config, conventions: DEFAULT_CONFIG.conventions, templates: DEFAULT_CONFIG.templates },
    problems: parsed.problems.filter((p) => !RESTRICTED.some((key) => p.path === key || p.path.startsWith(`${key}.`))),
  };
}

/** The settings an untrusted workspace does not get to set. */
export const RESTRICTED = ['conventions', 'templates'] as const;

export function withTrust(settings: ServerSettings, trusted: boolean): ServerSettings {
  return { ...settings, trusted };
}
