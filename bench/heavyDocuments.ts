/**
 * The heavy documents of test/support/heavyShapes.ts, each alone in a fresh workspace, measured in
 * the language server (initialized → indexed, then didOpen → its diagnostics; peak RSS of the
 * server process, its worker threads included) next to bare remark-parse of the same text in a
 * fresh process (the yardstick: what parsing the text costs at all). Part of `npm run bench:lsp`;
 * `node --import tsx bench/heavyDocuments.ts [NAME…]` runs it alone.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestClient, type DiagnosticLike } from '../test/protocol/support/client';
import { tempDir } from '../test/protocol/support/fixtures';
import { heavyShapes, type HeavyShape } from '../test/support/heavyShapes';

export interface HeavyMeasure {
  readonly shape: HeavyShape;
  readonly indexMs: number;
  readonly openMs: number;
  readonly rssMb: number;
  readonly diagnostics: number;
  /** The file-skipped message, when the document was not analysed. */
  readonly skipped: string | null;
  readonly parseMs: number;
  readonly parseRssMb: number;
}

function peakRss(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Bare remark-parse of one file in a fresh process (bench/runners/remarkParse.mjs). */
function remarkParse(file: string): Promise<{ ms: number; rssMb: number }> {
  const list = `${file}.list`;
  writeFileSync(list, `${file}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'runners/remarkParse.mjs'), list], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const usage = JSON.parse(out) as { ms: number; maxRssKb: number };
      resolve({ ms: usage.ms, rssMb: usage.maxRssKb / 1024 });
    });
  });
}

async function measureOne(shape: HeavyShape): Promise<HeavyMeasure> {
  const root = tempDir(`proofmark-heavy-${shape.name}-`);
  mkdirSync(path.join(root, '.git'));
  const file = path.join(root, shape.file);
  writeFileSync(file, shape.text);
  const parse = await remarkParse(file);

  // Pull diagnostics: the answer comes whether or not the list is empty (nothing is published for a clean file).
  const client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-heavy-storage-'), debounceMs: 0, pull: true });
  let t = performance.now();
  await client.ready([root]);
  const indexMs = performance.now() - t;
  t = performance.now();
  const uri = await client.open(file, shape.text);
  const report = await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri } });
  const openMs = performance.now() - t;
  const rssMb = peakRss(client.process.pid);
  await client.stop();
  const skipped = report.items.find((d) => d.code === 'file-skipped')?.message ?? null;
  return { shape, indexMs, openMs, rssMb, diagnostics: report.items.length, skipped, parseMs: parse.ms, parseRssMb: parse.rssMb };
}

export async function measureHeavyDocuments(names: readonly string[] = []): Promise<HeavyMeasure[]> {
  const shapes = heavyShapes().filter((s) => names.length === 0 || names.includes(s.name));
  const out: HeavyMeasure[] = [];
  for (const shape of shapes) out.push(await measureOne(shape));
  return out;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mb = (n: number): string => `${n.toFixed(0)} MB`;

export function heavyTable(measures: readonly HeavyMeasure[]): string {
  const header = ['shape', 'KB', 'server index', 'open → diagnostics', 'server peak RSS', 'diagnostics', 'remark-parse', 'remark-parse RSS', 'outcome'];
  const rows = measures.map((m) => [
    m.shape.description,
    (m.shape.text.length / 1024).toFixed(0),
    s(m.indexMs),
    s(m.openMs),
    mb(m.rssMb),
    String(m.diagnostics),
    s(m.parseMs),
    mb(m.parseRssMb),
    m.skipped === null ? 'analysed' : `skipped: ${m.skipped}`,
  ]);
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

if (require.main === module) {
  measureHeavyDocuments(process.argv.slice(2))
    .then((measures) => process.stdout.write(`\n## heavy documents (target: ≤ ~2 s and ≤ ~200 MB in the server, or file-skipped)\n${heavyTable(measures)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
