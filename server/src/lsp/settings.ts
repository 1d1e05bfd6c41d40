import { DEFAULT_CONFIG, parseConfig, parseConfigText, type ParsedConfig } from '../core/config/config';
import { DIAGNOSTICS_SCOPES, type DiagnosticsScope, type InitializationOptions } from '../protocol';

/** What the server was told at start: where it may cache, and the editor's settings. */
export interface ServerSettings {
  readonly storagePath: string | null;
  /** The editor settings, read as a `.proofmark.json` would be; a folder's own file wins. */
  readonly editor: ParsedConfig;
  /** Milliseconds to wait after a keystroke before re-analysing. */
  readonly debounceMs: number;
  /** Whether the editor trusts the workspace; untrusted, configured conventions and templates are ignored (see `folderConfig`). */
  readonly trusted: boolean;
  /** Which documents get diagnostics in the editor (`proofmark.diagnostics.scope`); the CLI always checks everything. */
  readonly scope: DiagnosticsScope;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const DEFAULT_SCOPE: DiagnosticsScope = 'openInitiatives';

/**
 * Splits the editor's `proofmark` section into what only the editor has (`diagnostics.scope`) and
 * the engine settings, which are read as a `.proofmark.json` would be. A scope that is not one of
 * the known values is the default.
 */
export function splitEditorSettings(raw: unknown): { engine: unknown; scope: DiagnosticsScope } {
  if (!isRecord(raw) || !('diagnostics' in raw)) return { engine: raw, scope: DEFAULT_SCOPE };
  const { diagnostics, ...engine } = raw;
  const scope = isRecord(diagnostics) ? diagnostics.scope : undefined;
  return { engine, scope: DIAGNOSTICS_SCOPES.find((s) => s === scope) ?? DEFAULT_SCOPE };
}

/** Reads `initializationOptions` of unknown shape; anything malformed becomes a default. */
export function readInitializationOptions(raw: unknown): ServerSettings {
  const options: InitializationOptions = isRecord(raw) ? raw : {};
  const storagePath = typeof options.storagePath === 'string' && options.storagePath.length > 0 ? options.storagePath : null;
  const debounce = typeof options.debounceMs === 'number' && options.debounceMs >= 0 && options.debounceMs < 60_000 ? options.debounceMs : 100;
  const { engine, scope } = splitEditorSettings(options.settings);
  // Only an explicit `false` restricts: clients without a notion of trust (Neovim) trust the workspace.
  return { storagePath, editor: parseConfig(engine ?? null), debounceMs: debounce, trusted: options.trusted !== false, scope };
}

export function withEditorSettings(settings: ServerSettings, raw: unknown): ServerSettings {
  const { engine, scope } = splitEditorSettings(raw);
  return { ...settings, editor: parseConfig(engine ?? null), scope };
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
