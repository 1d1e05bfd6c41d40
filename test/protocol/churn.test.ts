import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { generateWorkspace } from '../../bench/generateWorkspace';
import { SERVER, TestClient, uriOf, type DiagnosticLike } from './support/client';
import { tempDir } from './support/fixtures';

const T = { timeout: 240_000 };
const CLI = path.resolve(path.dirname(SERVER), 'cli.js');
const CREATED = 1;
const DELETED = 3;
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly related: readonly { readonly file: string; readonly line: number; readonly message: string }[];
}

/** One finding as a line of text, the same whether it came from the CLI (1-based) or the server (0-based). */
const key = (file: string, line: number, column: number, endLine: number, endColumn: number, severity: string, code: string, message: string, related: string[]): string => JSON.stringify([file, line, column, endLine, endColumn, severity, code, message, related.sort()]);

/** What a fresh `proofmark check --format json` says of the folder. */
function cliFindings(root: string): string[] {
  const run = spawnSync(process.execPath, [CLI, 'check', '--root', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(run.status === 0 || run.status === 1, `the CLI failed: ${run.stderr}`);
  const { findings } = JSON.parse(run.stdout) as { findings: CliFinding[] };
  return findings.map((f) => key(f.file, f.line, f.column, f.endLine, f.endColumn, f.severity, f.code, f.message, f.related.map((r) => `${r.file}:${r.line}:${r.message}`))).sort();
}

type Related = { location: { uri: string; range: DiagnosticLike['range'] }; message: string };

/** What the server last published for every file of the folder, in the same form. */
function serverFindings(client: TestClient, root: string): string[] {
  const relative = (uri: string): string => path.relative(root, decodeURIComponent(new URL(uri).pathname)).split(path.sep).join('/');
  const out: string[] = [];
  for (const [uri, list] of client.latestPublished()) {
    for (const d of list) {
      const related = ((d.relatedInformation ?? []) as Related[]).map((r) => `${relative(r.location.uri)}:${r.location.range.start.line + 1}:${r.message}`);
      out.push(key(relative(uri), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, SEVERITY[d.severity ?? 0] ?? '', String(d.code), d.message, related));
    }
  }
  return out.sort();
}

/** Per file, how many findings only one side reports, for a readable failure. */
function difference(server: string[], cli: string[]): { onlyServer: Record<string, number>; onlyCli: Record<string, number> } {
  const count = (list: string[], other: Set<string>): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const x of list) {
      if (other.has(x)) continue;
      const file = (JSON.parse(x) as string[])[0] ?? '';
      counts[file] = (counts[file] ?? 0) + 1;
    }
    return counts;
  };
  return { onlyServer: count(server, new Set(cli)), onlyCli: count(cli, new Set(server)) };
}

const clients: TestClient[] = [];
after(async () => {
  for (const client of clients) await client.stop();
});

describe('file-system churn while the server indexes', () => {
  it('ends with the diagnostics a fresh CLI check gives', T, async () => {
    const root = tempDir('proofmark-churn-');
    cpSync(generateWorkspace(300).root, root, { recursive: true });
    const initiatives = readdirSync(path.join(root, 'docs/initiatives')).flatMap((area) => readdirSync(path.join(root, 'docs/initiatives', area)).map((i) => `docs/initiatives/${area}/${i}`)).sort();
    const [a, b, c, d, e, f] = initiatives;
    assert.ok(a && b && c && d && e && f, 'enough initiatives');
    const filesOf = (folder: string): string[] => readdirSync(path.join(root, folder)).filter((n) => n.endsWith('.md')).sort();
    const outputsOf = (folder: string): string[] => filesOf(folder).filter((n) => /_phase\d+_/.test(n));
    const at = (p: string): string => path.join(root, p);

    const client = await TestClient.start({ roots: [root] });
    clients.push(client);
    const events = (changes: [string, number][]): Promise<void> => client.notify('workspace/didChangeWatchedFiles', { changes: changes.map(([p, type]) => ({ uri: uriOf(at(p)), type })) });

    // While the cold index runs: the editor reports each change as it happens.
    const gone = outputsOf(a).slice(0, 3).map((n) => `${a}/${n}`);
    for (const p of gone) rmSync(at(p));
    await events(gone.map((p) => [p, DELETED]));
    const source = readdirSync(at('src')).map((m) => `src/${m}`).flatMap((m) => readdirSync(at(m)).map((n) => `${m}/${n}`))[0];
    assert.ok(source);
    rmSync(at(source));
    await events([[source, DELETED]]);
    renameSync(at(b), at(`${b}_renamed`));
    await events([
      [b, DELETED],
      [`${b}_renamed`, CREATED],
    ]);
    const replaced = `${c}/${outputsOf(c)[0] ?? ''}`;
    rmSync(at(replaced));
    mkdirSync(at(replaced));
    writeFileSync(at(`${replaced}/TODO001_phase9_notes.md`), '**Status**: ✅ COMPLETED\n');
    await events([
      [replaced, DELETED],
      [replaced, CREATED],
    ]);
    symlinkSync('.', at(`${d}/loop`));
    symlinkSync('loop-b', at(`${d}/loop-a`));
    symlinkSync('loop-a', at(`${d}/loop-b`));
    await events([
      [`${d}/loop`, CREATED],
      [`${d}/loop-a`, CREATED],
      [`${d}/loop-b`, CREATED],
    ]);
    const recreated = gone[0] ?? '';
    writeFileSync(at(recreated), '# Notes\n\n**Status**: ✅ COMPLETED\n\nCovers FR1 and FR2, see `src/nowhere.ts`.\n');
    await events([[recreated, CREATED]]);
    if (readdirSync(at(e)).includes('notes')) {
      rmSync(at(`${e}/notes`), { recursive: true });
      await events([[`${e}/notes`, DELETED]]);
    }
    await client.ready([root]);

    // After the index: a TODO deleted, a file moved to another initiative, a folder renamed back.
    const todo = filesOf(f).find((n) => n.startsWith('TODO') && !n.includes('_phase'));
    assert.ok(todo);
    rmSync(at(`${f}/${todo}`));
    await events([[`${f}/${todo}`, DELETED]]);
    const moved = outputsOf(e)[0] ?? '';
    renameSync(at(`${e}/${moved}`), at(`${f}/${moved}`));
    await events([
      [`${e}/${moved}`, DELETED],
      [`${f}/${moved}`, CREATED],
    ]);
    renameSync(at(`${b}_renamed`), at(b));
    await events([
      [`${b}_renamed`, DELETED],
      [b, CREATED],
    ]);

    // While the folder is indexed again for a new configuration: a new document with a finding.
    const reindexed = client.mark();
    writeFileSync(at('.proofmark.json'), JSON.stringify({ severity: { 'phase-order': 'off' } }));
    await events([['.proofmark.json', CREATED]]);
    await client.waitFor<{ state: string }>('proofmark/indexStatus', (p) => p.state === 'indexing', reindexed);
    const added = `${f}/TODO001_phase7_notes.md`;
    writeFileSync(at(added), '# Notes\n\n**Status**: ✅ COMPLETED\n');
    await events([[added, CREATED]]);
    await client.ready([root], reindexed);

    // A request waits for every event before it; the diagnostics of those events are out before its answer.
    await client.request('proofmark/completionTree', {});
    const server = serverFindings(client, root);
    const cli = cliFindings(root);
    assert.ok(cli.length > 500, `a workspace with findings (${cli.length})`);
    assert.deepEqual(difference(server, cli), { onlyServer: {}, onlyCli: {} });
    assert.equal(server.length, cli.length);
  });

  // Issue 14 item 3, deterministically: the events above arrive while the cold index runs, which
  // wrote its own listing over what they did, so the symlink loop passed before 146a662. Here the
  // index is complete first; the event for a symlink to its own folder was then applied as a
  // folder, and every document of the initiative was indexed again under loop/ (a second
  // initiative in the tree; its diagnostics went out only after the answer, so the tree is asked).
  it('indexes a symlink loop reported after the index as the CLI lists it, once', T, async () => {
    const root = tempDir('proofmark-churn-loop-');
    cpSync(generateWorkspace(60).root, root, { recursive: true });
    const area = readdirSync(path.join(root, 'docs/initiatives')).sort()[0] ?? '';
    const initiative = `docs/initiatives/${area}/${readdirSync(path.join(root, 'docs/initiatives', area)).sort()[0] ?? ''}`;
    const at = (p: string): string => path.join(root, p);
    const client = await TestClient.start({ roots: [root] });
    clients.push(client);
    await client.ready([root]);
    const folders = async (): Promise<string[]> => (await client.request<{ initiatives: { initiative: { folder: string } }[] }>('proofmark/completionTree', {})).initiatives.map((i) => i.initiative.folder).sort();
    const before = await folders();
    assert.ok(before.includes(initiative), `${initiative} is an initiative of the tree: ${before.join(', ')}`);

    symlinkSync('.', at(`${initiative}/loop`));
    symlinkSync('loop-b', at(`${initiative}/loop-a`));
    symlinkSync('loop-a', at(`${initiative}/loop-b`));
    await client.notify('workspace/didChangeWatchedFiles', { changes: ['loop', 'loop-a', 'loop-b'].map((n) => ({ uri: uriOf(at(`${initiative}/${n}`)), type: CREATED })) });
    // The tree answers after the events (a request waits for them): the loop is no initiative of its own.
    assert.deepEqual(await folders(), before);

    const server = serverFindings(client, root);
    const cli = cliFindings(root);
    assert.ok(cli.some((x) => (JSON.parse(x) as string[])[0]?.startsWith(`${initiative}/`)), `the initiative has findings (${initiative})`);
    assert.deepEqual(difference(server, cli), { onlyServer: {}, onlyCli: {} });
  });
});
