/**
 * The editor settings that mirror `.proofmark.json`. They are sent to the server as one object of
 * the same shape as that file; the server merges them under each folder's `.proofmark.json`.
 */
export const SETTINGS_SECTION = 'proofmark';

export const ENGINE_SETTING_KEYS = ['severity', 'ignore', 'evidenceWindow', 'maxFileSize', 'templates', 'archives', 'checkArchives', 'conventions'] as const;

/** Settings of the extension itself, read by the client only (the server never sees them). */
export const CLIENT_SETTING_KEYS = ['tree.followActiveEditor'] as const;

export type EngineSettingKey = (typeof ENGINE_SETTING_KEYS)[number];

/**
 * Reads the engine settings through `get` (a `WorkspaceConfiguration.get` in the extension). Unset
 * and null values are left out, so the engine's defaults apply (`templates: null` means "none").
 */
export function readEngineSettings(get: (key: EngineSettingKey) => unknown): Partial<Record<EngineSettingKey, unknown>> {
  const settings: Partial<Record<EngineSettingKey, unknown>> = {};
  for (const key of ENGINE_SETTING_KEYS) {
    const value = get(key);
    if (value !== undefined && value !== null) settings[key] = value;
  }
  return settings;
}

/** Settings only the editor has (not in `.proofmark.json`): what gets diagnostics. */
export const EDITOR_SETTING_KEYS = ['diagnostics.scope'] as const;

export type EditorSettingKey = (typeof EDITOR_SETTING_KEYS)[number];

/**
 * What the server is sent as the `proofmark` section: the engine settings, and
 * `diagnostics: { scope }` when the scope is set (the server splits it off; unset, its default applies).
 */
export function readServerSettings(get: (key: EngineSettingKey | EditorSettingKey) => unknown): Record<string, unknown> {
  const settings: Record<string, unknown> = readEngineSettings(get);
  const scope = get('diagnostics.scope');
  if (typeof scope === 'string') settings.diagnostics = { scope };
  return settings;
}
