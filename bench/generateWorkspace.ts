import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AREAS, block, bullets, checklist, fill, paragraph, Random, sentence, sourceFiles, status, TOPICS } from './documentText';

/**
 * A deterministic workspace of planning documents for the benchmark: initiatives with a PRD, a
 * TODO of 3–8 phases, the four outputs of each started phase, and loose notes, sized like the
 * real corpus (median near 9 KB). Same seed and count, same bytes; a finished tree is reused.
 */
export interface GeneratedWorkspace {
  readonly root: string;
  readonly markdownFiles: number;
  readonly markdownBytes: number;
}

const GENERATOR_VERSION = 4;
const OUTPUT_KINDS = ['notes', 'decisions', 'handoff', 'testing_summary'];

interface Writer {
  readonly root: string;
  readonly limit: number;
  files: number;
  bytes: number;
}

function write(w: Writer, rel: string, text: string): boolean {
  if (w.files >= w.limit) return false;
  const full = path.join(w.root, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  w.files++;
  w.bytes += Buffer.byteLength(text);
  return true;
}

function prd(r: Random, id: string, title: string, frs: number, src: readonly string[]): string {
  const parts = [`# PRD${id}: ${title}\n\n## Overview\n\n${paragraph(r)}\n\n## Functional Requirements\n`];
  for (let k = 1; k <= frs; k++) parts.push(`### FR${k}: ${sentence(r).slice(4, 40)}\n\n${paragraph(r, 2)}\n\n- **FR${k}.1**: ${sentence(r)}\n- **FR${k}.2**: ${sentence(r)}\n`);
  parts.push('## Non-Functional Requirements\n');
  for (let k = 1; k <= 3; k++) parts.push(`### NFR${k}: ${sentence(r).slice(4, 36)}\n\n${paragraph(r, 2)}\n`);
  parts.push('## Acceptance Criteria\n');
  for (let k = 1; k <= 3; k++) parts.push(`### AC${k}: ${sentence(r).slice(4, 36)}\n\n- ✅ ${sentence(r)}\n- ✅ ${sentence(r)}\n`);
  parts.push(`## Success Metrics\n\n- **Upload Reliability**: >${r.int(90, 99)}% success rate\n- **Median Latency**: <${r.int(50, 900)} ms\n`);
  return fill(r, parts.join('\n'), r.size(9000), src);
}

function phaseSection(r: Random, id: string, n: number, title: string, state: 'done' | 'current' | 'todo'): string {
  const share = state === 'done' ? (r.chance(0.9) ? 1 : 0.85) : state === 'current' ? 0.5 : 0;
  const outputs = OUTPUT_KINDS.map((k) => `- Save ${k.replace('_', ' ')} to: \`TODO${id}_phase${n}_${k}.md\``).join('\n');
  const tasks = Array.from({ length: r.int(2, 4) }, (_, k) => `#### T${n}.${k + 1}: ${sentence(r).slice(4, 40)}\n\n${paragraph(r, 2)}\n`).join('\n');
  const groups = Array.from({ length: r.int(2, 4) }, () => `#### ${sentence(r).slice(4, 30)}${state === 'done' ? ' [✅ COMPLETED]' : ''}\n${checklist(r, share)}\n`).join('\n');
  const prereq = n > 1 ? `- Files to read: \`TODO${id}_phase${n - 1}_notes.md\`, \`TODO${id}_phase${n - 1}_handoff.md\`` : `- Files to read: \`PRD${id}.md\``;
  return [
    `## Phase ${n}: ${title}`,
    `### Prerequisites\n${prereq}`,
    `### Context for Claude\n**IMPORTANT**: This is a new session for Phase ${n}. ${paragraph(r, 2)}`,
    `### Tasks\n\n${tasks}`,
    `### Expected Outputs${state === 'done' ? ' [✅ COMPLETED]' : ''}\n${outputs}`,
    `### Progress Checklist\n\n${groups}\n#### Documentation\n- [${state === 'done' ? 'x' : ' '}] Save \`TODO${id}_phase${n}_notes.md\` with the decisions made`,
    '---',
  ].join('\n\n');
}

function todo(r: Random, id: string, title: string, titles: readonly string[], current: number): string {
  const state = (n: number): 'done' | 'current' | 'todo' => (n < current ? 'done' : n === current ? 'current' : 'todo');
  const marker = (n: number): string => (state(n) === 'done' ? `${status(r, true)} - ` : state(n) === 'current' ? '🔄 IN PROGRESS - ' : '');
  const summary = titles.map((t, i) => `- Phase ${i + 1}: ${marker(i + 1)}${t}`).join('\n');
  const phases = titles.map((t, i) => phaseSection(r, id, i + 1, t, state(i + 1))).join('\n\n');
  const pcc = titles.map((t, i) => `### Phase ${i + 1}: ${t}${state(i + 1) === 'done' ? ' ✅ COMPLETED' : ''}\n${checklist(r, state(i + 1) === 'done' ? 1 : 0, 3)}`).join('\n\n');
  return `# TODO${id}: ${title}\n\n**Total Phases**: ${titles.length}\n\n**Phase Status Summary:**\n${summary}\n\n## Context & Overview\n\n${paragraph(r)}\n\n---\n\n${phases}\n\n## Project Completion Checklist\n\n${pcc}\n`;
}

function output(r: Random, id: string, n: number, kind: string, frs: number, done: boolean, src: readonly string[]): string {
  const cites = Array.from({ length: r.int(1, 3) }, () => `FR${r.int(1, frs)}`).join(', ');
  const head = `# TODO${id} Phase ${n} ${kind.replace('_', ' ')}\n\n**Status**: ${status(r, done)}\n**Date**: 2026-0${r.int(1, 9)}-1${r.int(0, 9)}\n\n## Summary\n\n${paragraph(r)} Covers ${cites}.\n\n${bullets(r)}\n`;
  return fill(r, head, r.size(8000), src);
}

function initiative(w: Writer, r: Random, index: number, src: readonly string[]): void {
  const dir = `docs/initiatives/${r.pick(AREAS)}/${r.pick(TOPICS)}_${index}`;
  const id = String(1 + (index % 3)).padStart(3, '0');
  const title = sentence(r).slice(4, 44);
  const frs = r.int(3, 8);
  const titles = Array.from({ length: r.int(3, 8) }, () => sentence(r).slice(4, 38));
  const current = r.int(1, titles.length);
  write(w, `${dir}/PRD${id}.md`, prd(r, id, title, frs, src));
  write(w, `${dir}/TODO${id}.md`, todo(r, id, title, titles, current));
  if (r.chance(0.5)) write(w, `${dir}/RFC${id}.md`, fill(r, `# RFC${id}: ${title}\n\n${paragraph(r)}\n`, r.size(11000), src));
  for (let n = 1; n <= current; n++) {
    for (const kind of OUTPUT_KINDS) {
      if (r.chance(0.03)) continue; // an expected output nobody wrote
      write(w, `${dir}/TODO${id}_phase${n}_${kind}.md`, output(r, id, n, kind, frs, n < current || r.chance(0.3), src));
    }
  }
  for (let k = r.int(0, 3); k > 0; k--) write(w, `${dir}/notes/${['runbook', 'incident', 'review', 'guide'][k] ?? 'note'}_${k}.md`, fill(r, `# ${sentence(r)}\n\n${block(r, src, 2)}`, r.size(6000), src));
}

/** Writes (or reuses) a workspace of `files` Markdown documents under the system temp folder. */
export function generateWorkspace(files: number, seed = 20261112): GeneratedWorkspace {
  const root = path.join(tmpdir(), `proofmark-bench-v${GENERATOR_VERSION}-${files}-${seed}`);
  const marker = path.join(root, '.generated.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as GeneratedWorkspace;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, '.git'), { recursive: true });
  const r = new Random(seed);
  const src = sourceFiles(r);
  for (const file of src) {
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, file), `// ${sentence(r)}\nexport const value = ${r.int(0, 1000)};\n`);
  }
  const w: Writer = { root, limit: files, files: 0, bytes: 0 };
  for (let index = 0; w.files < files; index++) initiative(w, r, index, src);
  const generated: GeneratedWorkspace = { root, markdownFiles: w.files, markdownBytes: w.bytes };
  writeFileSync(marker, JSON.stringify(generated));
  return generated;
}
