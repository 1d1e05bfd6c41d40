import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadProject } from '../../../server/src/core/engine';
import { initiativeOfTodo, planHandoff } from '../../../server/src/core/handoff/plan';
import type { HandoffOptions, HandoffResult } from '../../../server/src/core/handoff/types';
import { MemoryWorkspace } from '../../../server/src/core/memoryWorkspace';
import type { Project } from '../../../server/src/core/project/project';
import type { Workspace } from '../../../server/src/core/workspace';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace';

/** Fixed clock: generated files carry the date, and golden files must not change with it. */
export const NOW = new Date('2026-11-29T09:30:00Z');
export const EXAMPLE = path.resolve(__dirname, '../../../examples/orbit');
export const GOLDEN = __dirname;

/**
 * A TODO whose phases name no Expected Outputs and whose boxes sit under the task headings
 * themselves (no Progress Checklist), with a PRD. Copied plan text carries a done marker, a
 * percentage of success and a fractional count, which the generated files must not turn into claims.
 */
export const NO_EXPECTED_OUTPUTS: Record<string, string> = {
  'plan/PRD002.md': `# PRD002: Tiny Importer

## Success Metrics

- **Import Success Rate**: >99% of rows imported on the first run
- **Import Time**: under 5 minutes for a 10 MB file

## Functional Requirements

### FR1: CSV Parsing
- Quoted fields and embedded newlines are read as one field

### FR2: Row Validation
- Invalid rows are reported with their line number

## Acceptance Criteria

### AC1: Import a File
- ✅ A 10 MB export imports without manual edits
`,
  'plan/TODO002.md': `# TODO002: Tiny Importer

## Phase 1: Parser

Read the exports the finance team sends every month, exactly as they are.

More prose that is not part of the goal.

### Tasks

#### T1.1: Read the CSV
- Parse the header row with the column names
- [x] Header row parsed
- [ ] Quoted fields ✅ COMPLETED for the sample file
  - [ ] Embedded newlines

#### T1.2: Validate Rows
- Reject a row when a required column is empty
- [ ] Rejection keeps a 95% success rate on the sample
- [ ] Report 44.1/45 tests as they stand

## Phase 2: Loader

### Prerequisites
- \`TODO002_phase1_notes.md\`
- \`missing/spec.md\`

### Tasks

#### T2.1: Bulk Insert
- [ ] Insert in batches of 500 rows
`,
};

/**
 * No PRD; Expected Outputs with a folder, a bare name that lives in a phase sub-folder, and an
 * output that exists under a drifted name; a Progress Checklist whose groups mostly match no task.
 */
export const NO_PRD: Record<string, string> = {
  'work/TODO005.md': `# TODO005: Docs Site

## Phase 1: Build

### Context for Claude
Stand the site up from the existing Markdown; nothing is published yet.

### Tasks

#### T1.1: Static Generator
- Pick a generator that reads the existing Markdown

#### T1.2: Theme
- Apply the brand colours

### Expected Outputs
- \`phase1/TODO005_phase1_notes.md\`
- \`TODO005_phase1_decisions.md\`
- \`TODO005_phase1_handoff.md\`

### Progress Checklist
- [ ] Item written straight under the checklist heading

#### Hosting
- [x] Bucket created
- [ ] CDN in front of the bucket

#### Static Generator
- [ ] Generator chosen
`,
  'work/phase1/TODO005_phase1_decisions.md': '# Decisions\n\nWritten by hand.\n',
  'work/@TODO005_phase1_handoff.md': '# Handoff\n\nWritten by hand under a drifted name.\n',
};

export async function memoryProject(files: Record<string, string>): Promise<{ project: Project; workspace: MemoryWorkspace }> {
  const workspace = new MemoryWorkspace(files);
  return { project: await loadProject({ workspace }), workspace };
}

export async function exampleProject(): Promise<Project> {
  return loadProject({ workspace: new NodeWorkspace(EXAMPLE) });
}

/** Plans a handoff the way the CLI does: the TODO's text passed along, the clock fixed. */
export async function plan(project: Project, workspace: Workspace, todo: string, phase: string, extra: Partial<HandoffOptions> = {}): Promise<HandoffResult> {
  const key = initiativeOfTodo(project, todo);
  if (!key) throw new Error(`${todo} is no initiative's TODO`);
  const bytes = await workspace.read(todo);
  const todoText = bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  return planHandoff(project, key, phase, { now: NOW, todoText, ...extra });
}

export function exampleText(name: string): string {
  return readFileSync(path.join(EXAMPLE, name), 'utf8');
}
