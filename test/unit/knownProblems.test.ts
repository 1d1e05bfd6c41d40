import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EXTERNAL, externalRepos } from '../support/corpus';
import { checkCorpus, type CorpusFinding } from '../precision/findings';

/** A problem found by reading an external repository (../shared/corpus/external/known-problems.json). */
interface KnownProblem {
  readonly repo: string;
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly note: string;
}

/** The codes that report each kind of listed problem. */
const CODES_OF_KIND: Readonly<Record<string, readonly string[]>> = {
  'task-done-file-missing': ['task-done-file-missing'],
  'requirement-uncovered': ['requirement-uncovered'],
  'requirement-unknown': ['requirement-unknown'],
  // A plan with every box open while what it makes exists is reported as its output existing unchecked.
  'status-conflict-across-docs': ['status-conflict', 'phase-done-checklist-open', 'output-exists-unchecked'],
  'phase-done-tasks-open': ['phase-done-checklist-open', 'status-conflict'],
  'parent-done-children-open': ['phase-done-checklist-open'],
  'unresolved-marker': ['unresolved-marker'],
  'claim-without-evidence': ['claim-without-evidence', 'claim-contradicted'],
  'numbers-inconsistent': ['numbers-inconsistent'],
};

/** At or next to the listed line: within this many lines, at the finding or one of its related locations. */
const NEAR = 3;

function at(file: string, line: number, location: { file: string; line: number }): boolean {
  return location.file === file && Math.abs(location.line - line) <= NEAR;
}

function reported(problem: KnownProblem, findings: readonly CorpusFinding[]): boolean {
  const codes = CODES_OF_KIND[problem.kind] ?? [];
  return findings.some((f) => {
    if (!codes.includes(f.code)) return false;
    if (at(problem.file, problem.line, f)) return true;
    return f.related.some((r) => {
      const i = r.lastIndexOf(':');
      return at(problem.file, problem.line, { file: r.slice(0, i), line: Number(r.slice(i + 1)) });
    });
  });
}

const repos = externalRepos();
const problems = repos.length === 0 ? [] : (JSON.parse(readFileSync(path.join(EXTERNAL, 'known-problems.json'), 'utf8')) as KnownProblem[]);

/** Recall per kind, printed per kind and repository (the figure the issues ask for). */
function recall(): Map<string, { found: number; listed: number; missed: string[] }> {
  const byRepo = new Map<string, CorpusFinding[]>();
  for (const repo of repos) byRepo.set(repo.replace('+', '/'), checkCorpus({ name: `external/${repo}`, source: path.join(EXTERNAL, repo) }));
  const perKind = new Map<string, { found: number; listed: number; missed: string[] }>();
  const rows: string[] = [];
  for (const kind of Object.keys(CODES_OF_KIND)) {
    const tally = { found: 0, listed: 0, missed: [] as string[] };
    for (const repo of byRepo.keys()) {
      const listed = problems.filter((p) => p.kind === kind && p.repo === repo);
      if (listed.length === 0) continue;
      const found = listed.filter((p) => reported(p, byRepo.get(repo) ?? []));
      rows.push(`  ${kind.padEnd(28)} ${repo.padEnd(36)} ${found.length}/${listed.length}`);
      tally.found += found.length;
      tally.listed += listed.length;
      tally.missed.push(...listed.filter((p) => !found.includes(p)).map((p) => `${p.repo} ${p.file}:${p.line}`));
    }
    perKind.set(kind, tally);
  }
  const total = [...perKind].map(([kind, t]) => `  ${kind.padEnd(28)} ${'(all repositories)'.padEnd(36)} ${t.found}/${t.listed}`);
  process.stdout.write(`known problems reported, per kind and repository:\n${rows.join('\n')}\n${total.join('\n')}\n`);
  return perKind;
}

describe('known problems of the external corpus', { skip: repos.length === 0 ? 'the external corpus is not beside the project' : false }, () => {
  const perKind = recall();
  const share = (kind: string): number => {
    const t = perKind.get(kind);
    return t && t.listed > 0 ? t.found / t.listed : 1;
  };

  for (const kind of ['requirement-uncovered', 'phase-done-tasks-open', 'parent-done-children-open', 'unresolved-marker']) {
    it(`reports at least 85% of the listed ${kind} problems`, () => {
      assert.ok(share(kind) >= 0.85, `missed: ${perKind.get(kind)?.missed.join(', ')}`);
    });
  }

  it('reports at least 85% of the listed problems of the spec issue kinds together', () => {
    const kinds = ['task-done-file-missing', 'requirement-uncovered', 'requirement-unknown', 'status-conflict-across-docs', 'phase-done-tasks-open', 'parent-done-children-open', 'unresolved-marker'];
    const found = kinds.reduce((n, k) => n + (perKind.get(k)?.found ?? 0), 0);
    const listed = kinds.reduce((n, k) => n + (perKind.get(k)?.listed ?? 0), 0);
    process.stdout.write(`spec issue kinds together: ${found}/${listed}\n`);
    assert.ok(found >= 0.85 * listed, `${found}/${listed}; missed: ${kinds.flatMap((k) => perKind.get(k)?.missed ?? []).join(', ')}`);
  });

  it("reports at least 80% of the listed problems of the status and claim issue's kinds together", () => {
    const kinds = ['claim-without-evidence', 'numbers-inconsistent', 'phase-done-tasks-open'];
    const found = kinds.reduce((n, k) => n + (perKind.get(k)?.found ?? 0), 0);
    const listed = kinds.reduce((n, k) => n + (perKind.get(k)?.listed ?? 0), 0);
    process.stdout.write(`status and claim issue kinds together: ${found}/${listed}\n`);
    assert.ok(found >= 0.8 * listed, `${found}/${listed}; missed: ${kinds.flatMap((k) => perKind.get(k)?.missed ?? []).join(', ')}`);
  });

  it('reports at least 80% of the listed task-done-file-missing problems under that code', () => {
    assert.ok(share('task-done-file-missing') >= 0.8, `missed: ${perKind.get('task-done-file-missing')?.missed.join(', ')}`);
  });
});
