/** The command line, parsed into what each subcommand needs; a mistake becomes a one-line reason. */

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArgs {
  readonly command: 'check';
  readonly root: string | null;
  readonly format: Format;
  readonly config: string | null;
  /** null: no limit on warnings. */
  readonly maxWarnings: number | null;
  readonly paths: readonly string[];
  /** Hidden: report wall time and peak memory on stderr, for the benchmark. */
  readonly stats: boolean;
}

export interface HandoffArgs {
  readonly command: 'handoff';
  readonly root: string | null;
  readonly todoFile: string;
  readonly phase: string;
  readonly dryRun: boolean;
  readonly skipExisting: boolean;
  /** Hidden: report wall time, CPU time and peak memory on stderr, for the benchmark. */
  readonly stats: boolean;
}

export type Command = CheckArgs | HandoffArgs | { readonly command: 'help' } | { readonly command: 'version' };

export type ParseResult = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

export const USAGE = `Usage:
  proofmark check [--root DIR] [--format text|json|sarif] [--config FILE] [--max-warnings N] [PATH...]
  proofmark handoff TODO_FILE --phase N [--dry-run] [--skip-existing] [--root DIR]
  proofmark --help | --version

check     Reports findings for the PATHs (files or folders; default: the whole root), as a check
          of the whole root would, reading only the documents their rules need.
  --root DIR          Workspace root for resolving references (default: the nearest ancestor
                      of the first PATH, or of the current folder, holding .git or .proofmark.json;
                      else the current folder, or the PATH's folder when it lies outside it).
  --format FORMAT     text (default), json or sarif.
  --config FILE       Configuration file to use instead of <root>/.proofmark.json.
  --max-warnings N    Fail when there are more than N warnings (default: no limit).
handoff   Creates the output files of a phase of a TODO.
  --phase N           The phase, as numbered in the TODO (e.g. 2 or 2.5).
  --dry-run           Print what would be written; write nothing.
  --skip-existing     Leave files that already exist untouched instead of failing.

Exit codes: 0 no errors and warnings within --max-warnings; 1 otherwise; 2 usage or I/O error.
`;

interface OptionSpec {
  readonly values: readonly string[];
  readonly flags: readonly string[];
}

interface Scanned {
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
  readonly positionals: string[];
}

/** Splits arguments into `--name value` / `--name=value` options, flags and positionals. */
function scan(argv: readonly string[], spec: OptionSpec): Scanned | string {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!arg.startsWith('--') || name === '') return `unknown option ${arg}`;
    if (spec.flags.includes(name)) {
      if (eq >= 0) return `option --${name} takes no value`;
      flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return `option --${name} needs a value`;
      if (values.has(name)) return `option --${name} given twice`;
      values.set(name, value);
    } else {
      return `unknown option --${name}`;
    }
  }
  return { values, flags, positionals };
}

function parseCheck(argv: readonly string[]): ParseResult {
  const scanned = scan(argv, { values: ['root', 'format', 'config', 'max-warnings'], flags: ['help', 'stats'] });
  if (typeof scanned === 'string') return { ok: false, error: scanned };
  if (scanned.flags.has('help')) return { ok: true, command: { command: 'help' } };
  const format = scanned.values.get('format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) return { ok: false, error: `unknown format "${format}" (expected text, json or sarif)` };
  let maxWarnings: number | null = null;
  const max = scanned.values.get('max-warnings');
  if (max !== undefined) {
    if (!/^\d+$/.test(max)) return { ok: false, error: `--max-warnings expects a whole number, got "${max}"` };
    maxWarnings = Number(max);
  }
  return {
    ok: true,
    command: {
      command: 'check',
      root: scanned.values.get('root') ?? null,
      format: format as Format,
      config: scanned.values.get('config') ?? null,
      maxWarnings,
      paths: scanned.positionals,
      stats: scanned.flags.has('stats'),
    },
  };
}

function parseHandoff(argv: readonly string[]): ParseResult {
  const scanned = scan(argv, { values: ['root', 'phase'], flags: ['help', 'dry-run', 'skip-existing', 'stats'] });
  if (typeof scanned === 'string') return { ok: false, error: scanned };
  if (scanned.flags.has('help')) return { ok: true, command: { command: 'help' } };
  const [todoFile, ...extra] = scanned.positionals;
  if (todoFile === undefined) return { ok: false, error: 'handoff needs a TODO file' };
  if (extra.length > 0) return { ok: false, error: `handoff takes one TODO file, got also "${extra.join(' ')}"` };
  const phase = scanned.values.get('phase');
  if (phase === undefined) return { ok: false, error: 'handoff needs --phase N' };
  if (!/^\d+(?:[._]\d+)?$/.test(phase)) return { ok: false, error: `--phase expects a phase number such as 2 or 2.5, got "${phase}"` };
  return {
    ok: true,
    command: {
      command: 'handoff',
      root: scanned.values.get('root') ?? null,
      todoFile,
      phase,
      dryRun: scanned.flags.has('dry-run'),
      skipExisting: scanned.flags.has('skip-existing'),
      stats: scanned.flags.has('stats'),
    },
  };
}

/** Parses the arguments after `proofmark`. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const [first, ...rest] = argv;
  if (first === undefined) return { ok: false, error: 'missing command (check or handoff)' };
  if (first === '--help' || first === '-h' || first === 'help') return { ok: true, command: { command: 'help' } };
  if (first === '--version') return { ok: true, command: { command: 'version' } };
  if (first === 'check') return parseCheck(rest);
  if (first === 'handoff') return parseHandoff(rest);
  return { ok: false, error: first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}" (expected check or handoff)` };
}
