import type { Initiative } from '../model/initiative';
import type { RuleContext, RuleFinding } from './context';

/**
 * "6/8 phases", "Total Phases: 9", "all 8 phases" in the TODO itself that match neither its phase
 * sections nor its whole phases. A report's count is a snapshot of its day (a phase added since
 * makes it old, not wrong), so reports are not checked against today's TODO.
 */
export function phaseCountRule(ctx: RuleContext, initiative: Initiative): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const todo = ctx.todoOf(initiative);
  const phases = todo?.todo?.phases;
  if (!todo || !phases || phases.length === 0) return findings;
  const sections = phases.length;
  const whole = new Set(phases.map((p) => Math.floor(Number(p.number)))).size;
  const list = phases.map((p) => p.number).join(', ');
  for (const path of initiative.documents) {
    const model = ctx.models.get(path);
    if (!model || model.path !== todo.path) continue;
    // One stale count, one finding: the same number stated again is a related location.
    const byCount = new Map<number, number>();
    for (const s of model.phaseCounts) {
      if (s.stated === sections || s.stated === whole) continue;
      const earlier = byCount.get(s.stated);
      const already = earlier === undefined ? undefined : findings[earlier];
      if (earlier !== undefined && already) {
        findings[earlier] = { ...already, related: [...already.related, { file: path, range: s.range, message: `"${s.text}" states it again` }] };
        continue;
      }
      byCount.set(s.stated, findings.length);
      findings.push({
        code: 'phase-count-mismatch',
        file: path,
        range: s.range,
        message: `"${s.text}" states ${s.stated} phases, but ${todo.path.split('/').pop()} has ${sections} phase sections (${list}).`,
        related: [{ file: todo.path, range: phases[0]?.range ?? s.range, message: 'Phase sections start here' }],
      });
    }
  }
  return findings;
}
