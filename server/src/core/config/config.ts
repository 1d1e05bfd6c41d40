import { specLayoutsProblem } from './specLayouts';
import { FINDING_CODES, isFindingCode, type FindingCode } from '../findings/codes';
import { SEVERITIES, type Severity } from '../findings/finding';
import { isPatternConvention, statusFieldSource } from './compiled';
import { DEFAULT_CONVENTIONS, type Conventions } from './conventions';
import { readGlobList } from './globs';
import { compileLinear } from './pattern';

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
  /**
   * Globs of archives, backups, templates and agent prompt folders: still indexed (references to
   * them resolve), but their own references and claims are not checked unless `checkArchives`.
   */
  readonly archives: readonly string[];
  readonly checkArchives: boolean;
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

export const DEFAULT_ARCHIVES: readonly string[] = [
  '**/archive/**',
  '**/archives/**',
  '**/archived/**',
  '**/_archive/**',
  '**/_archived/**',
  '**/*[-_]archive/**',
  '**/*[-_]archived/**',
  '**/backup/**',
  '**/backups/**',
  '**/templates/**',
  '**/template/**',
  '**/.claude/!(specs)/**',
  '**/.claude/*.md',
  '**/.cursor/**',
  '**/.windsurf/**',
  '**/.github/prompts/**',
  '**/.github/instructions/**',
  '**/.specify/templates/**',
  '**/.kiro/steering/**',
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
  archives: DEFAULT_ARCHIVES,
  checkArchives: false,
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

/**
 * Why a configured pattern cannot be used, or null. A built-in default runs natively; any other
 * pattern must run on the linear-time engine (config/pattern.ts), so that no configuration can
 * stall the analysis with a catastrophic pattern.
 */
function patternProblem(key: string, value: unknown): string | null {
  if (typeof value !== 'string') return 'Expected a regular expression (a string); the default is used.';
  if (isPatternConvention(key) && value === DEFAULT_CONVENTIONS[key]) return null;
  const compiled = compileLinear(key === 'statusFieldLabel' ? statusFieldSource(value) : value);
  if (compiled.ok) return null;
  if (compiled.problem === 'invalid') return `Not a valid regular expression (${compiled.reason}); the default is used.`;
  return `Patterns from the configuration run on a backtracking-free engine, which cannot run this one: ${compiled.reason}. Lookahead, lookbehind and backreferences are not supported; the default is used.`;
}

/**
 * The templates folder as a root-relative path (`./` and trailing slashes dropped), or why it is
 * refused: the handoff generator reads from it, and nothing outside the workspace is read.
 */
function templatesFolder(value: unknown): string | { problem: string } {
  if (typeof value !== 'string' || value.trim().length === 0) return { problem: 'Expected a folder path relative to the workspace root.' };
  if (/^(?:[\\/]|[A-Za-z]:)/.test(value)) return { problem: `"${value}" is an absolute path; the templates folder must be relative to the workspace root.` };
  if (value.startsWith('~')) return { problem: `"${value}" starts with "~"; the templates folder must be relative to the workspace root.` };
  const segments = value.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { problem: `"${value}" climbs out with ".."; the templates folder must be inside the workspace root.` };
  if (segments.length === 0) return { problem: 'Expected a folder below the workspace root, not the root itself.' };
  return segments.join('/');
}

/** Names an output or requirement kind cannot take: an object's own built-ins (`constructor`, `__proto__`…). */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Why a list of kinds cannot be used, or null. */
function kindsProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && /^[A-Za-z_][\w]*$/.test(v))) return 'Expected a non-empty array of words.';
  const reserved = value.filter((v: string) => PROTOTYPE_NAMES.has(v));
  if (reserved.length > 0) return `${reserved.map((v) => `"${v}"`).join(', ')} cannot be a kind: JavaScript objects have a built-in member of that name. The default is used.`;
  return null;
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
  const known = new Set(['$schema', 'conventions', 'severity', 'ignore', 'evidenceWindow', 'maxFileSize', 'templates', 'archives', 'checkArchives']);
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
    const read = readGlobList(raw.ignore);
    if ('problem' in read) problems.push({ path: 'ignore', message: `${read.problem} Only the default folders are ignored.` });
    else ignore = [...DEFAULT_IGNORE, ...read.globs];
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
    // A whole number (0.5 would have become 0 and skipped every file), at most the cap.
    if (typeof raw.maxFileSize === 'number' && Number.isSafeInteger(raw.maxFileSize) && raw.maxFileSize > MAX_FILE_SIZE_CAP) {
      maxFileSize = MAX_FILE_SIZE_CAP;
      problems.push({ path: 'maxFileSize', message: `${raw.maxFileSize} bytes is over the cap of ${MAX_FILE_SIZE_CAP} bytes (8 MB); the cap is used.` });
    } else if (typeof raw.maxFileSize === 'number' && Number.isSafeInteger(raw.maxFileSize) && raw.maxFileSize >= 1) maxFileSize = raw.maxFileSize;
    else problems.push({ path: 'maxFileSize', message: `Expected a whole number of bytes, at least 1; got ${JSON.stringify(raw.maxFileSize)}. The default (${base.maxFileSize}) is used.` });
  }

  let templates = base.templates;
  if (raw.templates !== undefined) {
    const folder = templatesFolder(raw.templates);
    if (typeof folder === 'string') templates = folder;
    else problems.push({ path: 'templates', message: `${folder.problem} The built-in templates are used.` });
  }

  let archives = base.archives;
  if (raw.archives !== undefined) {
    const read = readGlobList(raw.archives);
    if ('problem' in read) problems.push({ path: 'archives', message: `${read.problem} The default archive folders are used.` });
    else archives = read.globs;
  }
  let checkArchives = base.checkArchives;
  if (raw.checkArchives !== undefined) {
    if (typeof raw.checkArchives === 'boolean') checkArchives = raw.checkArchives;
    else problems.push({ path: 'checkArchives', message: 'Expected true or false.' });
  }

  let conventions: Conventions = base.conventions;
  if (raw.conventions !== undefined) {
    if (!isRecord(raw.conventions)) problems.push({ path: 'conventions', message: 'Expected an object.' });
    else {
      const next: Record<string, unknown> = { ...base.conventions };
      for (const [key, value] of Object.entries(raw.conventions)) {
        // Own properties only: `constructor` or `__proto__` is no convention.
        const current = Object.hasOwn(DEFAULT_CONVENTIONS, key) ? (base.conventions as unknown as Record<string, unknown>)[key] : undefined;
        if (current === undefined) {
          problems.push({ path: `conventions.${key}`, message: `Unknown convention "${key}".` });
        } else if (key === 'specLayouts') {
          const problem = specLayoutsProblem(value);
          if (problem === null) next[key] = value;
          else problems.push({ path: `conventions.${key}`, message: `${problem} The built-in layouts are used.` });
        } else if (typeof current === 'string') {
          const problem = patternProblem(key, value);
          if (problem === null) next[key] = value;
          else problems.push({ path: `conventions.${key}`, message: problem });
        } else {
          const problem = kindsProblem(value);
          if (problem === null) next[key] = value;
          else problems.push({ path: `conventions.${key}`, message: problem });
        }
      }
      conventions = next as unknown as Conventions;
    }
  }

  return { config: { conventions, severity, ignore, evidenceWindow, maxFileSize, templates, archives, checkArchives }, problems };
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
