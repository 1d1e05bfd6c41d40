import { FINDING_CODES, isFindingCode, type FindingCode } from '../findings/codes';
import { SEVERITIES, type Severity } from '../findings/finding';
import { DEFAULT_CONVENTIONS, type Conventions } from './conventions';

export type SeveritySetting = Severity | 'off';

/** Everything a user can set in `.proofmark.json` (or the editor settings), with defaults filled in. */
export interface ProofmarkConfig {
  readonly conventions: Conventions;
  readonly severity: Readonly<Record<FindingCode, SeveritySetting>>;
  /** Globs (relative to the root) of files and folders never indexed. */
  readonly ignore: readonly string[];
  /** How far after a claim Proofmark looks for its evidence, in lines. */
  readonly evidenceWindow: { readonly field: number; readonly heading: number };
  /** Files larger than this many bytes are reported with `file-skipped` and not analysed. */
  readonly maxFileSize: number;
  /** A folder (relative to the root) holding templates that override the handoff generator's. */
  readonly templates: string | null;
}

export const CONFIG_FILE = '.proofmark.json';

/**
 * The largest maxFileSize a configuration may set. The repository chooses it, so without a cap a
 * `.proofmark.json` could make every process read and parse documents of any size (a 20 MB one
 * under a 64 MB limit ended the CLI with a heap out-of-memory abort).
 */
export const MAX_FILE_SIZE_CAP = 8 * 1024 * 1024;

export const DEFAULT_IGNORE: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/out/**',
  '**/.venv/**',
  '**/__pycache__/**',
];

export function defaultSeverities(): Record<FindingCode, SeveritySetting> {
  const result = {} as Record<FindingCode, SeveritySetting>;
  for (const code of Object.keys(FINDING_CODES) as FindingCode[]) result[code] = FINDING_CODES[code].severity;
  return result;
}

export const DEFAULT_CONFIG: ProofmarkConfig = {
  conventions: DEFAULT_CONVENTIONS,
  severity: defaultSeverities(),
  ignore: DEFAULT_IGNORE,
  evidenceWindow: { field: 30, heading: 40 },
  maxFileSize: 2 * 1024 * 1024,
  templates: null,
};

export interface ConfigProblem {
  /** A JSON path such as `severity.broken-reference`, or '' for the whole file. */
  readonly path: string;
  readonly message: string;
}

export interface ParsedConfig {
  readonly config: ProofmarkConfig;
  readonly problems: readonly ConfigProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeveritySetting(value: unknown): value is SeveritySetting {
  return value === 'off' || (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value));
}

function validRegex(source: string): string | null {
  try {
    new RegExp(source, 'u');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads a configuration value of unknown shape. Whatever is wrong is reported as a problem and
 * replaced by its default; nothing here throws.
 */
export function parseConfig(raw: unknown, base: ProofmarkConfig = DEFAULT_CONFIG): ParsedConfig {
  const problems: ConfigProblem[] = [];
  if (raw === undefined || raw === null) return { config: base, problems };
  if (!isRecord(raw)) {
    return { config: base, problems: [{ path: '', message: 'The configuration must be a JSON object.' }] };
  }
  const known = new Set(['$schema', 'conventions', 'severity', 'ignore', 'evidenceWindow', 'maxFileSize', 'templates']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) problems.push({ path: key, message: `Unknown setting "${key}"; it is ignored.` });
  }

  const severity = { ...base.severity };
  if (raw.severity !== undefined) {
    if (!isRecord(raw.severity)) problems.push({ path: 'severity', message: 'Expected an object mapping finding codes to off|hint|info|warning|error.' });
    else {
      for (const [code, value] of Object.entries(raw.severity)) {
        if (!isFindingCode(code)) problems.push({ path: `severity.${code}`, message: `Unknown finding code "${code}".` });
        else if (!isSeveritySetting(value)) problems.push({ path: `severity.${code}`, message: `Severity must be one of off, hint, info, warning, error; got ${JSON.stringify(value)}.` });
        else severity[code] = value;
      }
    }
  }

  let ignore = base.ignore;
  if (raw.ignore !== undefined) {
    if (!Array.isArray(raw.ignore) || !raw.ignore.every((g): g is string => typeof g === 'string')) {
      problems.push({ path: 'ignore', message: 'Expected an array of glob strings.' });
    } else ignore = [...DEFAULT_IGNORE, ...raw.ignore];
  }

  let evidenceWindow = base.evidenceWindow;
  if (raw.evidenceWindow !== undefined) {
    const w = raw.evidenceWindow;
    const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000;
    if (isRecord(w) && (w.field === undefined || ok(w.field)) && (w.heading === undefined || ok(w.heading))) {
      evidenceWindow = { field: ok(w.field) ? w.field : base.evidenceWindow.field, heading: ok(w.heading) ? w.heading : base.evidenceWindow.heading };
    } else if (ok(w)) evidenceWindow = { field: w, heading: w };
    else problems.push({ path: 'evidenceWindow', message: 'Expected a line count (0–1000) or {"field": n, "heading": n}.' });
  }

  let maxFileSize = base.maxFileSize;
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && raw.maxFileSize > MAX_FILE_SIZE_CAP) {
      maxFileSize = MAX_FILE_SIZE_CAP;
      problems.push({ path: 'maxFileSize', message: `${raw.maxFileSize} bytes is over the cap of ${MAX_FILE_SIZE_CAP} bytes (8 MB); the cap is used.` });
    } else if (typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0 && Number.isFinite(raw.maxFileSize)) maxFileSize = Math.floor(raw.maxFileSize);
    else problems.push({ path: 'maxFileSize', message: 'Expected a positive number of bytes.' });
  }

  let templates = base.templates;
  if (raw.templates !== undefined) {
    if (typeof raw.templates === 'string' && raw.templates.length > 0 && !raw.templates.split('/').includes('..')) templates = raw.templates.replace(/\/+$/, '');
    else problems.push({ path: 'templates', message: 'Expected a folder path relative to the workspace root.' });
  }

  let conventions: Conventions = base.conventions;
  if (raw.conventions !== undefined) {
    if (!isRecord(raw.conventions)) problems.push({ path: 'conventions', message: 'Expected an object.' });
    else {
      const next: Record<string, unknown> = { ...base.conventions };
      for (const [key, value] of Object.entries(raw.conventions)) {
        const current = (base.conventions as unknown as Record<string, unknown>)[key];
        if (current === undefined) {
          problems.push({ path: `conventions.${key}`, message: `Unknown convention "${key}".` });
        } else if (typeof current === 'string') {
          const error = typeof value === 'string' ? validRegex(value) : 'not a string';
          if (error === null) next[key] = value;
          else problems.push({ path: `conventions.${key}`, message: `Not a valid regular expression (${error}); the default is used.` });
        } else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && /^[A-Za-z_][\w]*$/.test(v))) {
          next[key] = value;
        } else {
          problems.push({ path: `conventions.${key}`, message: 'Expected a non-empty array of words.' });
        }
      }
      conventions = next as unknown as Conventions;
    }
  }

  return { config: { conventions, severity, ignore, evidenceWindow, maxFileSize, templates }, problems };
}

/** Parses the text of a `.proofmark.json`; a syntax error is a problem, never an exception. */
export function parseConfigText(text: string, base: ProofmarkConfig = DEFAULT_CONFIG, fileName: string = CONFIG_FILE): ParsedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { config: base, problems: [{ path: '', message: `${fileName} is not valid JSON (${reason}); the defaults are used.` }] };
  }
  return parseConfig(raw, base);
}
