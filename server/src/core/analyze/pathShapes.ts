/**
 * Which strings are citations of files or folders. The shapes and exclusions are the ones
 * measured on real planning documents (CONVENTIONS.md §4.2, and the external corpus): a string is
 * a citation only if a careful reader would take it for a path of this repository.
 */

/** File extensions of the documents and code that planning documents cite. */
const EXT = [
  'md|mdx|markdown|rst|adoc|txt|pdf|csv|tsv|log|html?|css|scss|sass|less',
  'py|pyi|ipynb|ts|tsx|js|jsx|mjs|cjs|vue|svelte|astro',
  'json|jsonc|jsonl|ya?ml|toml|ini|cfg|conf|env|properties|xml|plist|lock|mod|sum',
  'sql|prisma|graphql|gql|proto|sh|bash|zsh|fish|ps1|psm1|bat|cmd',
  'rb|go|rs|java|kt|kts|scala|groovy|gradle|swift|m|mm|c|h|cc|cpp|cxx|hpp|hh|cs|csproj|fs|fsproj|sln|vb|props|targets',
  'php|lua|dart|ex|exs|erl|hs|clj|cljs|elm|r|jl|pl|pm|zig|nim|wasm',
  'tf|tfvars|hcl|dockerfile|example|template|sample|tmpl|j2|frx|mdc|tex|bib',
  'pem|key|crt|png|jpe?g|gif|svg|webp|ico|mp3|mp4|wav',
].join('|');
const LINE_SUFFIX = '(?::\\d+(?:[-:]\\d+)?|#L\\d+(?:-L?\\d+)?)';

const FILE_SHAPE = new RegExp(`^@?(?:\\.{1,2}/)*(?:[\\w@.\\-\\[\\]+]+/)*[\\w@.\\-+]+\\.(?:${EXT})${LINE_SUFFIX}?$`, 'i');
const SPECIAL_SHAPE =
  /^@?(?:\.{1,2}\/)*(?:[\w@.-]+\/)*(?:Dockerfile(?:\.[\w.-]+)?|Makefile|Procfile|Gemfile|Podfile|Brewfile|Justfile|Rakefile|Vagrantfile|\.env(?:\.[\w.-]+)?|\.gitignore|\.dockerignore|requirements[\w.-]*\.txt|docker-compose[\w.-]*\.ya?ml)$/;
const DIR_SHAPE = /^@?(?:\.{1,2}\/)*[\w@.-]+(?:\/[\w@.-]+)*\/$|^@?(?:\.{1,2}\/)*[\w@.-]+(?:\/[\w@.-]+)+$/;
const STRIP_SUFFIX = new RegExp(`${LINE_SUFFIX}$`);
/** `@docs/x.md`, `@TODO001_phase1_notes.md`, `@backend/shared/` in prose. */
export const AT_REFERENCE = new RegExp(
  `(?<![\\w.\`/@$~%])@((?:\\.{1,2}/)*(?:[\\w.\\-]+/)*[\\w.\\-]+\\.(?:${EXT})|(?:[\\w.\\-]+/)+[\\w.\\-]*/?)(?:${LINE_SUFFIX})?(?![\\w/])`,
  'g',
);
/** A multi-segment path with an extension, written in prose without backticks. */
export const PROSE_PATH = new RegExp(
  `(?<![\\w/@.\\-\`\\[($~%\\\\])((?:\\.{1,2}/)*(?:[\\w.\\-]+/)+[\\w.\\-]+\\.(?:${EXT}))(?::\\d+(?:-\\d+)?)?(?![\\w/\\\\])`,
  'gi',
);

/**
 * A bare file name in prose (`Write server.js with …`); read only in checklist items, where it names
 * work done or to do. A name called like a function (`response.json()`, `calls.lock(|m| …)`) is a
 * method, not a file; a compiler's `Plugin.cs(12,5)` is a file and its line.
 */
export const BARE_NAME = new RegExp(`(?<![\\w/@.\\-\`\\[($~%\\\\])([\\w][\\w\\-]*(?:\\.[\\w\\-]+)*\\.(?:${EXT}))(?![\\w/\\\\]|\\.\\w|\\((?!\\d))`, 'gi');

/** A folder and a file pattern in prose (`contracts/I*.cs`, `tests/{a,b}_test.sh`); read only in checklist items. */
export const PROSE_PATTERN = /(?<![\w/@.\-`[($~%\\])(?:[\w.-]+\/){2,}[\w.-]*[*{][\w.,*{}-]*(?![\w/])/g;

export type PathShape = 'file' | 'directory';

/**
 * Folders that tools create (build output, caches, dependencies, test runners' reports): a citation of one of them is a
 * pattern or a location on someone's machine, not a file of the repository.
 */
const GENERATED_FOLDER = /^(?:\.?build|dist|out|target|obj|node_modules|vendor|coverage|\.?venv|__pycache__|\.cache|\.next|\.nuxt|tmp|temp|logs?|\.pytest_cache|\.mypy_cache|\.turbo|\.gradle|\.idea|\.vscode|DerivedData|Pods|test-results|playwright-report|allure-(?:results|report)|\.nyc_output|htmlcov|lcov-report)$/i;

/**
 * Folders that only tools create, wherever they lie (`web/node_modules/`, `app/__pycache__/`), and a
 * build configuration's output (`bin/Debug/`, `obj/Release/`, `target/debug/`): never tracked files.
 */
const GENERATED_ANYWHERE = /(?:^|\/)(?:node_modules|__pycache__|\.venv|\.pytest_cache|\.mypy_cache|\.next|\.nuxt|\.turbo|\.gradle|DerivedData|\.nyc_output|htmlcov|lcov-report|playwright-report|(?:bin|obj)\/(?:Debug|Release)|target\/(?:debug|release))\//;

/** A path inside a folder that tools create: its file is build output or a local cache, not a file of the repository to check. */
export function inGeneratedFolder(target: string): boolean {
  const path = target.replace(/^@/, '').replace(/^(?:\.\.?\/)+/, '');
  const first = path.split('/')[0] ?? '';
  return target.includes('/') && (GENERATED_FOLDER.test(first) || GENERATED_ANYWHERE.test(path));
}

/** Git branch prefixes: `feat/x`, `fix/y`, `release/1.2`. */
const BRANCH = /^(?:feat|feature|fix|bugfix|hotfix|release|chore|refactor|dependabot|renovate|origin|upstream|wip)\/[\w./-]+$/i;

/** Placeholder tokens: `YYYY-MM-DD`, `NNN-name`, `fm_XXX`, `<feature>`, `{name}`, `$VAR`, `...`. */
const PLACEHOLDER = /(?:^|[\W_])(?:Y{2,4}|M{2}|D{2}|H{2}|S{2}|N{2,}|X{2,}|x{3,}|HHMMSS|YYYYMMDD|TIMESTAMP|UUID)(?=$|[\W_])|\.{3}|…/;

/** Words that stand for a name to fill in, as a whole path segment (`NAME.md`, `ID/`); never README, TODO or LICENSE. */
const PLACEHOLDER_SEGMENT = /(?:^|\/)(?:NAME|ID|SLUG|FEATURE|FEATURE_NAME|COMPONENT|MODULE|VERSION|TOPIC|LANG|LOCALE|PROJECT|PROJECT_NAME|SPEC_NAME|TASK_ID)(?:\.\w+)?(?=$|\/)/;

/** Technology names written like files: `Node.js`, `Next.js`, `ASP.NET`, `socket.io`, also in `React/Next.js`. */
const TECH_NAME = /^(?:Node|Next|Nuxt|Vue|React|Express|Three|D3|Chart|Socket|Ember|Backbone|Angular|Alpine|Solid|Svelte|Deno|Bun|Nest|Fastify|Koa|Hapi|Meteor|Knockout|Moment|Day|Anime|Pixi|Babylon|Phaser|Tone|Paper|Fabric|Leaflet|Mapbox|Cytoscape|Sigma|Vis|Highlight|Prism|Marked|Mermaid)\.js$/i;

/**
 * Objects of a runtime or an API that code names a member of (`console.log`, `process.env`,
 * `this.props`, `vscode.env`): never the stem of a file a document cites with these extensions.
 */
const RUNTIME_OBJECT = 'console|process|window|document|globalThis|global|navigator|location|localStorage|sessionStorage|this|self|super|Math|JSON|Object|Reflect|Intl|os|sys|vscode|logger|logging|Deno|Bun|req|res|ctx|event|evt|e';
/**
 * Extensions that are also names of members (`.log`, `.env`, `.key`, `.lock`, `.props`): with a
 * runtime object before them they are member access, whereas `console.md` stays a document.
 */
const MEMBER_EXTENSION = 'log|env|key|lock|mod|sum|props|targets|properties|conf|cfg|example|template|sample|m|h|c|r|fs|cs|ex|pl|pm|ini';
const MEMBER_ACCESS = new RegExp(`^(?:${RUNTIME_OBJECT})\\.(?:${MEMBER_EXTENSION})$`);

/** Placeholders (`filename.md`, `path/to/x`), globs, commands, package specs and API routes are not citations. */
function excluded(value: string): boolean {
  if (/[{}<>*?$|"'()\s\\]/.test(value)) return true;
  if (MEMBER_ACCESS.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^[a-z][a-z0-9+.-]*:[^\s/]/i.test(value)) return true;
  if (/(^|\/)path\/to\//i.test(value) || /^(?:file|filename|your[-_]?file|example|foo|bar|my[-_]?file)\.\w+$/i.test(value)) return true;
  if (PLACEHOLDER.test(value) || /X{3,}|N{3,}(?![a-z])/.test(value)) return true;
  // A capitalised placeholder word as a segment among lowercase ones: `presets/_parts/NAME.md`, `docs/FEATURE/spec.md`.
  if (/[a-z]/.test(value) && PLACEHOLDER_SEGMENT.test(value)) return true;
  // Generated identifiers (storage objects, uploads): `471c37fa_5e4390c2.pdf`, `files/<uuid>/raw/…`.
  if (/(?:^|[\W_])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?=$|[\W_])/i.test(value)) return true;
  // Absolute paths of someone's machine (`/Users/…`, `~/…`, `C:\…`) and API routes (`/health`, `/api/v2/upload`).
  if (/^~|^[A-Za-z]:[\\/]/.test(value)) return true;
  if (value.startsWith('/') && !value.startsWith('/docs/')) return true;
  // Package specs and action refs: `@radix-ui/react-label`, `pkg@1.2.3`, `actions/checkout@v4`.
  if (/^@[\w.-]+\/[\w.-]+(?:@[\w.^~-]+)?$/.test(value) && !/\.(?:md|ts|js|json)$/.test(value)) return true;
  if (/^[\w.-]+(?:\/[\w.-]+)*@[\w.^~-]+$/.test(value)) return true;
  if (BRANCH.test(value) && !/\.\w{1,6}$/.test(value)) return true;
  if (value.split('/').some((segment) => TECH_NAME.test(segment))) return true;
  // `spec.md/plan.md` is "the spec or the plan", not a folder named spec.md.
  if (/\.(?:md|mdx|txt|json|ya?ml|toml|ts|tsx|js|jsx|py|go|rs|cs|sh)\/(?!$)/i.test(value.replace(/^\.{1,2}\//, ''))) return true;
  // Import aliases: `@/components/x`, `~/utils` (tsconfig paths, Jest moduleNameMapper).
  if (/^[@~]\//.test(value)) return true;
  // A bare suffix such as `.spec.md` or `.after-tasks.md` names a kind of file, not one file.
  if (/^\.[\w-]+\.\w+$/.test(value) && !/^\.env\./.test(value)) return true;
  // A namespace or project name: `LablabBean.Plugins.Reporting.Html`, `System.Text.Json` (its file ends in a lowercase `.csproj`, `.dll`).
  if (/^[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*){2,}$/.test(value)) return true;
  // MIME types: `application/pdf`, `text/html`.
  if (/^(?:application|text|image|audio|video|multipart|font)\/[\w.+-]+$/i.test(value)) return true;
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

/**
 * A glob or brace pattern that names files in a folder (`contracts/I*.cs`,
 * `tests/{a,b}_test.sh`): the folder it names, or null when the pattern has no fixed folder.
 */
export function patternFolder(value: string): string | null {
  const v = value.trim().replace(/^@/, '');
  if (!/[*{]/.test(v) || /\s/.test(v) || !v.includes('/')) return null;
  const segments = v.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (/[*{}?[\]]/.test(s)) break;
    fixed.push(s);
  }
  if (fixed.length < 2 || fixed.length < segments.length - 1) return null;
  const folder = fixed.join('/');
  return pathShape(`${folder}/`) === 'directory' ? folder : null;
}
