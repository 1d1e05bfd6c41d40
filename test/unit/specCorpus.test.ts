import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { DEFAULT_SPEC_LAYOUTS, specPlacer } from '../../server/src/core/config/specLayouts';
import { loadProject } from '../../server/src/core/engine';
import { specViewOfInitiative, type SpecView } from '../../server/src/core/views/specContext';
import type { Workspace } from '../../server/src/core/workspace';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { EXTERNAL, externalRepos } from '../support/corpus';

/** What the views read of one spec folder. */
interface SpecCounts {
  readonly layout: string;
  readonly requirements: number;
  readonly criteria: number;
  readonly stories: number;
  readonly success: number;
  readonly tasks: number;
  readonly done: number;
}

function countsOf(view: SpecView): SpecCounts {
  const kind = (k: string): number => view.items.filter((i) => i.kind === k).length;
  return {
    layout: view.spec.layout,
    requirements: kind('requirement'),
    criteria: kind('criterion'),
    stories: kind('story'),
    success: kind('success'),
    tasks: view.taskList.length,
    done: view.taskList.filter((t) => t.checked).length,
  };
}

const repos = externalRepos();
const place = specPlacer(DEFAULT_SPEC_LAYOUTS);

/**
 * The corpus repository's files read directly (read-only), through the Workspace the server uses,
 * listing only the documents of spec folders: the counts depend on nothing else, and analysing every
 * document of the ten repositories would cost a minute.
 */
function specDocumentsOf(root: string): Workspace {
  const disk = new NodeWorkspace(root);
  return {
    list: async () => (await disk.list()).filter((p) => place(p) !== null),
    read: (p) => disk.read(p),
    stat: (p) => disk.stat(p),
  };
}

/**
 * Hand counts, made by reading each spec's requirements document and task list in the external
 * corpus (not by running Proofmark):
 * - Kiro `chrisns+AudioCap/.kiro/specs/mandatory-http-server`: requirements.md has two
 *   "### Requirement N – …" headings, with 2 and 3 numbered acceptance criteria; tasks.md has ten
 *   boxes (1, 1.1, 2, 2.1, 3, 3.1, 4, 4.1, 5, 6), every one `[x]`. Its "**User Story:**" lines are
 *   prose of a requirement, not stories.
 * - Kiro `chrisns+AudioCap/.kiro/specs/ci-pipeline`: five "### Requirement N" headings with five
 *   criteria each (25); tasks.md has 22 boxes (1–8 and 2.1 … 8.2), of which 7, 8 (`[-]`), 8.1 and
 *   8.2 are not checked: 18 done.
 * - spec-kit `schoolboyqueue+autospec/specs/003-command-timeout`: spec.md has three "### User
 *   Story N" headings, FR-001 … FR-010 and SC-001 … SC-005 as bold definitions; tasks.md lists
 *   T001 … T030 (none inside its one fenced block), all `[X]` but T009, T020, T025, T029.
 * - spec-kit `GiantCroissant-Lunar+lablab-bean/specs/001-inventory-system`: four user stories,
 *   FR-001 … FR-016, SC-001 … SC-008; tasks.md lists T001 … T045, none checked.
 */
const HAND_COUNTS: Record<string, SpecCounts> = {
  'chrisns+AudioCap/.kiro/specs/mandatory-http-server': { layout: 'kiro', requirements: 2, criteria: 5, stories: 0, success: 0, tasks: 10, done: 10 },
  'chrisns+AudioCap/.kiro/specs/ci-pipeline': { layout: 'kiro', requirements: 5, criteria: 25, stories: 0, success: 0, tasks: 22, done: 18 },
  'schoolboyqueue+autospec/specs/003-command-timeout': { layout: 'spec-kit', requirements: 10, criteria: 0, stories: 3, success: 5, tasks: 30, done: 26 },
  'GiantCroissant-Lunar+lablab-bean/specs/001-inventory-system': { layout: 'spec-kit', requirements: 16, criteria: 0, stories: 4, success: 8, tasks: 45, done: 0 },
};

describe('specs of the external corpus, as the views read them', { skip: repos.length === 0 ? 'the external corpus is not beside the project' : false }, () => {
  const found = new Map<string, SpecCounts>();
  before(async () => {
    const rows: string[] = [];
    for (const repo of repos) {
      const project = await loadProject({ workspace: specDocumentsOf(path.join(EXTERNAL, repo)) });
      const specs = project
        .initiatives()
        .initiatives.map((i) => specViewOfInitiative(project, i))
        .filter((v): v is SpecView => v !== null)
        .sort((a, b) => a.initiative.key.folder.localeCompare(b.initiative.key.folder));
      rows.push(`${repo}: ${specs.length} spec${specs.length === 1 ? '' : 's'}`);
      for (const view of specs) {
        const c = countsOf(view);
        found.set(`${repo}/${view.initiative.key.folder}`, c);
        rows.push(`  ${view.initiative.key.folder.padEnd(58)} ${c.layout.padEnd(8)} req ${String(c.requirements).padStart(3)}  crit ${String(c.criteria).padStart(3)}  stories ${String(c.stories).padStart(2)}  SC ${String(c.success).padStart(2)}  tasks ${String(c.done).padStart(3)}/${String(c.tasks).padEnd(3)}`);
      }
    }
    process.stdout.write(`specs per repository (requirements, criteria, stories, success criteria, tasks done/total):\n${rows.join('\n')}\n`);
  });

  for (const [spec, expected] of Object.entries(HAND_COUNTS)) {
    it(`reads ${spec} as counted by hand`, () => {
      assert.deepEqual(found.get(spec), expected);
    });
  }

  it('finds specs of both kinds', () => {
    const layouts = new Set([...found.values()].map((c) => c.layout));
    assert.ok(layouts.has('kiro') && layouts.has('spec-kit'), [...layouts].join(', '));
  });
});
