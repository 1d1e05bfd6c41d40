import type { CompiledConventions } from '../config/compiled';
import type { LocalFinding } from '../model/document';
import type { PlannedPhase, PrdModel, Requirement } from '../model/prd';
import type { LineIndex } from '../text/position';
import { normalisePhase } from '../parse/role';
import type { Sections } from './sections';

const SUCCESS_METRICS = /^(?:\d+\.?\s+)?(?:Success Metrics|Metrics(?:\s*\/\s*Guardrails)?|Success Criteria|Key Performance Indicators|KPIs?)\b/i;
const KPI_BOLD = /^\s*[-*+]\s+\*\*([^*]+?)\*\*\s*:?\s*(.*)$/;
const KPI_PLAIN = /^\s*[-*+]\s+(?!\*\*)([^:*\n]{3,80}?):\s+(.+)$/;
const NUMERIC_TARGET = /[<>≤≥]=?\s*\d|\d+(?:\.\d+)?\s*(?:%|ms|s\b|sec|seconds?|minutes?|min\b|hours?|x\b)|\b(?:100|zero|0)\b/i;
const PLAN_PHASE = /^(?:\*\*)?Phase\s+(\d+(?:[._]\d+)?)(?:\*\*)?\s*[:\-–—.]\s*(.+)$/i;

export interface PrdInput {
  readonly lines: LineIndex;
  readonly code: Uint8Array;
  readonly sections: Sections;
  readonly c: CompiledConventions;
}

function lineSpan(lines: LineIndex, line: number): Requirement['range'] {
  const text = lines.line(line);
  const first = Math.max(0, text.search(/\S/));
  return { start: { line, column: first + 1 }, end: { line, column: text.trimEnd().length + 1 } };
}

function bodyOf(lines: LineIndex, code: Uint8Array, from: number, to: number): string[] {
  const body: string[] = [];
  for (let l = from; l <= to && body.length < 12; l++) {
    const t = lines.line(l).trim();
    if (t && !code[l] && !t.startsWith('#')) body.push(t);
  }
  return body;
}

/** Requirements (FR/NFR/AC headings and bold-id bullets), KPIs and the phase plan of a PRD. */
export function analysePrd(input: PrdInput): { prd: PrdModel; findings: LocalFinding[] } {
  const { lines, code, sections, c } = input;
  const kinds = [...c.requirementKinds].join('|');
  const headingId = new RegExp(`^(?:\\*\\*)?((${kinds})-?0*(\\d+(?:\\.\\d+)*))(?:\\*\\*)?(?:\\s*[:.\\-–—]\\s*|\\s+)(.*)$`);
  const bulletId = new RegExp(`^\\s*[-*+]\\s+\\*\\*((${kinds})-?0*(\\d+(?:\\.\\d+)*))[:.]?\\*\\*[:.]?\\s*(.*)$`);
  const requirements: Requirement[] = [];
  const plan: PlannedPhase[] = [];
  let current: Requirement | null = null;

  for (const h of sections.headings) {
    const m = headingId.exec(h.text);
    if (m) {
      const id = `${m[2]}${m[3]}`;
      const dot = id.lastIndexOf('.');
      requirements.push({
        id,
        kind: m[2] ?? '',
        title: (m[4] ?? '').replace(/\s+/g, ' ').trim(),
        target: null,
        line: h.line,
        range: h.range,
        endLine: h.sectionEnd,
        parent: dot > 0 ? id.slice(0, dot) : null,
        body: bodyOf(lines, code, h.line + 1, h.sectionEnd),
      });
    }
    const p = PLAN_PHASE.exec(h.text);
    if (p) plan.push({ phase: normalisePhase(p[1] ?? ''), title: (p[2] ?? '').trim(), line: h.line, range: h.range });
  }

  const kpis: Requirement[] = [];
  const metricsSections = sections.headings.filter((h) => SUCCESS_METRICS.test(h.text));
  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    const text = lines.line(line);
    const b = bulletId.exec(text);
    if (b) {
      const id = `${b[2]}${b[3]}`;
      const dot = id.lastIndexOf('.');
      current = requirements.find((r) => line > r.line && line <= r.endLine && r.parent === null) ?? null;
      requirements.push({
        id,
        kind: b[2] ?? '',
        title: (b[4] ?? '').replace(/\s+/g, ' ').trim(),
        target: null,
        line,
        range: lineSpan(lines, line),
        endLine: line,
        parent: dot > 0 ? id.slice(0, dot) : current && current.id !== id ? current.id : null,
        body: [],
      });
      continue;
    }
    if (!metricsSections.some((h) => line > h.line && line <= h.sectionEnd)) continue;
    const bold = KPI_BOLD.exec(text);
    const plain = bold ? null : KPI_PLAIN.exec(text);
    const label = (bold?.[1] ?? plain?.[1] ?? '').replace(/:$/, '').trim();
    const target = (bold?.[2] ?? plain?.[2] ?? '').trim();
    if (!label || (plain && !NUMERIC_TARGET.test(target))) continue;
    kpis.push({
      id: `KPI${kpis.length + 1}`,
      kind: 'KPI',
      title: label,
      target: target || null,
      line,
      range: lineSpan(lines, line),
      endLine: line,
      parent: null,
      body: target ? [target] : [],
    });
  }

  const findings: LocalFinding[] = [];
  const firstById = new Map<string, Requirement>();
  for (const r of requirements) {
    const first = firstById.get(r.id);
    if (!first) {
      firstById.set(r.id, r);
      continue;
    }
    findings.push({
      code: 'requirement-duplicate',
      range: r.range,
      message: `${r.id} is defined twice: here ("${r.title}") and at line ${first.line} ("${first.title}"). Citations of ${r.id} are ambiguous.`,
      related: [{ line: first.line, message: `${r.id} is first defined here` }],
    });
  }
  return { prd: { requirements, kpis, plan }, findings };
}
