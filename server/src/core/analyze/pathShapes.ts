/**
 * Which strings are citations of files or folders. The shapes and exclusions are the ones
 * measured on real planning documents (CONVENTIONS.md §4.2).
 */
const EXT =
  'md|mdx|py|pyi|ts|tsx|js|jsx|mjs|cjs|json|jsonl|ya?ml|toml|sql|sh|bash|zsh|txt|env|ini|cfg|conf|html|css|scss|lock|csv|ipynb|pdf|log|example|template|sample|xml|dockerfile|tf|rb|go|rs|java|pem|key|crt|png|jpg|gif|svg';
const LINE_SUFFIX = '(?::\\d+(?:[-:]\\d+)?|#L\\d+(?:-L?\\d+)?)';

const FILE_SHAPE = new RegExp(`^@?(?:\\.{1,2}/)*(?:[\\w@.\\-\\[\\]]+/)*[\\w@.\\-]+\\.(?:${EXT})${LINE_SUFFIX}?$`, 'i');
const SPECIAL_SHAPE =
  /^@?(?:\.{1,2}\/)*(?:[\w@.-]+\/)*(?:Dockerfile(?:\.[\w.-]+)?|Makefile|Procfile|\.env(?:\.[\w.-]+)?|\.gitignore|requirements[\w.-]*\.txt|docker-compose[\w.-]*\.ya?ml)$/;
const DIR_SHAPE = /^@?(?:\.{1,2}\/)*[\w@.-]+(?:\/[\w@.-]+)*\/$|^@?(?:\.{1,2}\/)*[\w@.-]+(?:\/[\w@.-]+)+$/;
const STRIP_SUFFIX = new RegExp(`${LINE_SUFFIX}$`);
/** `@docs/x.md`, `@TODO001_phase1_notes.md`, `@backend/shared/` in prose. */
export const AT_REFERENCE = new RegExp(
  `(?<![\\w.\`/@])@((?:\\.{1,2}/)*(?:[\\w.\\-]+/)*[\\w.\\-]+\\.(?:${EXT})|(?:[\\w.\\-]+/)+[\\w.\\-]*/?)(?:${LINE_SUFFIX})?(?![\\w/])`,
  'g',
);
/** A multi-segment path with an extension, written in prose without backticks. */
export const PROSE_PATH = new RegExp(
  `(?<![\\w/@.\\-\`\\[(])((?:\\.{1,2}/)*(?:[\\w.\\-]+/)+[\\w.\\-]+\\.(?:${EXT}))(?::\\d+(?:-\\d+)?)?(?![\\w/])`,
  'gi',
);

export type PathShape = 'file' | 'directory';

/** Placeholders (`filename.md`, `path/to/x`), globs, commands and API routes are not citations. */
function excluded(value: string): boolean {
  if (/[{}<>*$|"'()\s]/.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return true;
  if (/(^|\/)path\/to\//i.test(value) || /^(?:file|filename|your[-_]?file|example)\.\w+$/i.test(value)) return true;
  if (/\.{3}/.test(value)) return true;
  // API routes (`/health`, `/api/v2/upload`) start with a slash and have no extension.
  if (value.startsWith('/') && !/\.\w+$/.test(value) && !value.startsWith('/docs/')) return true;
  // npm scopes: `@radix-ui/react-label`.
  if (/^@[\w.-]+\/[\w.-]+$/.test(value) && !/\.\w{1,5}$/.test(value)) return true;
  return false;
}

/** The shape of a code span's content when it cites a path, else null. */
export function pathShape(value: string): PathShape | null {
  const v = value.trim();
  if (v.length === 0 || v.length > 300 || excluded(v)) return null;
  if (FILE_SHAPE.test(v) || SPECIAL_SHAPE.test(v)) return 'file';
  if (DIR_SHAPE.test(v)) {
    // `a/b` without an extension is a directory only if it looks like one (not `and/or`, `n/a`, `1/2`).
    const body = v.replace(/^@/, '').replace(/\/$/, '');
    if (/^\d+(?:\/\d+)+$/.test(body)) return null;
    if (!v.endsWith('/') && body.split('/').some((s) => s.length < 2)) return null;
    return 'directory';
  }
  return null;
}

/** `@docs/a.md:12` → `docs/a.md`. Strips the editor `@`, line suffixes, anchors, a trailing `/`. */
export function normaliseTarget(raw: string): string {
  let t = raw.trim();
  if (t.startsWith('@')) t = t.slice(1);
  t = t.replace(STRIP_SUFFIX, '');
  const hash = t.search(/[?#]/);
  if (hash >= 0) t = t.slice(0, hash);
  t = t.replace(/\/+$/, '');
  try {
    t = decodeURIComponent(t);
  } catch {
    // Keep the text as written when it is not valid percent-encoding.
  }
  return t;
}

/** Words of a command (`python scripts/x.py --flag`) that are paths. */
export function pathsInCommand(value: string): { text: string; offset: number }[] {
  const result: { text: string; offset: number }[] = [];
  const word = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = word.exec(value))) {
    const token = m[0];
    if (token.includes('/') && pathShape(token) === 'file') result.push({ text: token, offset: m.index });
  }
  return result;
}
