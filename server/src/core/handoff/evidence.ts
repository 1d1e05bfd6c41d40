import type { Initiative } from '../model/initiative';
import type { RequirementCoverage } from '../rules/coverage';
import type { RuleContext } from '../rules/context';
import { initiativeEvidence } from '../rules/evidenceModel';

/**
 * Coverage as it stood before this phase (the evidence model's "before Phase N" scope): outputs and
 * per-phase documents of this phase and later ones are left out, so regenerating a phase never
 * reads its own files, and the statuses say what earlier phases proved. Status documents without a
 * phase still count.
 */
export function coverageBefore(ctx: RuleContext, initiative: Initiative, phase: string): readonly RequirementCoverage[] {
  return initiativeEvidence(ctx, initiative, phase).coverage;
}

/** One piece of evidence the engine found near a citation: a resolved path, or a kind at a line of a file. */
export interface FoundEvidence {
  readonly label: string;
  readonly path: string;
  readonly line: number | null;
  readonly kind: string | null;
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  'code-block': 'fenced output',
  'test-numbers': 'test counts',
  url: 'a URL',
  commit: 'a commit id',
  'inline-output': 'inline output',
};

/** Reads the strings of `Citation.evidence` back: `test-numbers at docs/x.md:12`, or a resolved path. */
export function parseEvidence(text: string): FoundEvidence {
  const m = /^(\S+) at (.+):(\d+)$/.exec(text);
  if (m) return { label: '', path: m[2] ?? '', line: Number(m[3]), kind: KIND_NAMES[m[1] ?? ''] ?? m[1] ?? null };
  return { label: '', path: text, line: null, kind: null };
}

/** Evidence numbered E1, E2 … across the whole table, each piece once, in row order. */
export class EvidenceCatalogue {
  private readonly numbers = new Map<string, number>();
  private readonly items: FoundEvidence[] = [];

  labelsFor(coverage: RequirementCoverage): string[] {
    const labels: string[] = [];
    for (const citation of coverage.citations) {
      for (const text of citation.evidence) {
        let n = this.numbers.get(text);
        if (n === undefined) {
          n = this.items.length + 1;
          this.numbers.set(text, n);
          this.items.push({ ...parseEvidence(text), label: `E${n}` });
        }
        const label = `E${n}`;
        if (!labels.includes(label)) labels.push(label);
      }
    }
    return labels;
  }

  get all(): readonly FoundEvidence[] {
    return this.items;
  }
}

/** A link target from one workspace folder to a workspace path, as Markdown previews resolve it. */
export function relativeLink(fromFolder: string, to: string): string {
  const from = fromFolder === '' ? [] : fromFolder.split('/');
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...target.slice(common)].join('/');
}
