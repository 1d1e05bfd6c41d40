import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, model, only } from '../support/memory';

const PRD = `# PRD007: Sync

## Success Metrics
**Primary KPIs:**
- **Sync Success Rate**: >99% of edits reach the server
- Median upload latency: <2 seconds
- A sentence without a target: just words

## Functional Requirements
### FR1: Offline Queue
- **FR1.1**: Persist edits
- **FR1.2**: Replay in order
### FR2: Conflict Handling
- merge fields

## Non-Functional Requirements
### NFR1: Battery Budget
- under 2% a day

## Acceptance Criteria
### AC1: Works Offline
- ✅ Edits survive a restart
### FR2: Conflict Handling Again
`;

describe('PRD model', () => {
  const prd = model('i/PRD007.md', PRD).prd;
  it('reads FR/NFR/AC headings and bold-id sub-requirements with their parents', () => {
    assert.deepEqual(prd?.requirements.map((r) => [r.id, r.parent]), [
      ['FR1', null],
      ['FR2', null],
      ['NFR1', null],
      ['AC1', null],
      ['FR2', null],
      ['FR1.1', 'FR1'],
      ['FR1.2', 'FR1'],
    ]);
  });
  it('reads KPI bullets with a bold label or a numeric target', () => {
    assert.deepEqual(prd?.kpis.map((k) => [k.id, k.title, k.target]), [
      ['KPI1', 'Sync Success Rate', '>99% of edits reach the server'],
      ['KPI2', 'Median upload latency', '<2 seconds'],
    ]);
  });
  it('does not read the ✅ criteria of a PRD as claims', () => {
    assert.equal(model('i/PRD007.md', PRD).claims.length, 0);
  });
});

describe('requirement rules', async () => {
  const findings = await check({
    'i/PRD007.md': PRD,
    'i/TODO007.md': '# TODO007: Sync\n\n## Phase 1: Queue\n- [x] done\n',
    'i/TODO007_phase1_notes.md': [
      '# Phase 1 notes',
      '',
      '## Queue',
      'FR1 is implemented in `src/queue.ts` and the Sync Success Rate was measured:',
      '',
      '```',
      '42 passed',
      '```',
      '',
      '## Conflicts',
      'FR2 works, trust us. FR9 is next. NFR1.2 too.',
      '',
    ].join('\n'),
    'src/queue.ts': 'export {};\n',
  });
  const unevidenced = only(findings, 'requirement-unevidenced');
  it('reports requirements never cited; a citation in a report that gives evidence traces them', () => {
    const byId = new Map(unevidenced.map((f) => [/^(?:KPI "[^"]+"|\S+)/.exec(f.message)?.[0] ?? '', f]));
    assert.deepEqual([...byId.keys()].sort(), ['AC1', 'KPI "Median upload latency"']);
    assert.match(byId.get('AC1')?.message ?? '', /never cited in the 1 phase outputs/);
    assert.equal(byId.get('AC1')?.file, 'i/PRD007.md');
  });
  it('reports a requirement cited only by reports that give no evidence at all', async () => {
    const bare = await check({
      'i/PRD007.md': PRD,
      'i/TODO007.md': '# TODO007: Sync\n\n## Phase 1: Queue\n- [x] done\n',
      'i/TODO007_phase1_notes.md': '# Phase 1 notes\n\nFR1, FR2 and NFR1 are done. AC1 too. Sync Success Rate and Median upload latency were fine.\n',
    });
    const fr2 = only(bare, 'requirement-unevidenced').find((f) => f.message.startsWith('FR2'));
    assert.match(fr2?.message ?? '', /^FR2 \("Conflict Handling"\) is cited only by reports that give no evidence at all \(TODO007_phase1_notes\.md:3\)/);
  });
  it('reports one finding for a PRD whose initiative has no outputs yet', async () => {
    const none = only(await check({ 'i/PRD007.md': PRD, 'i/TODO007.md': '# TODO007: Sync\n\n## Phase 1: Queue\n- [ ] to do\n' }), 'requirement-unevidenced');
    assert.deepEqual(none.map((f) => f.message.replace(/\d+/, 'N')), ['None of the N requirements and KPIs of PRD007.md can be traced: the initiative has no phase outputs or status documents yet.']);
  });
  it('reports cited ids the PRD does not define', () => {
    assert.deepEqual(only(findings, 'requirement-unknown').map((f) => f.message.split(' ')[0]), ['FR9']);
  });
  it('reports an id defined twice', () => {
    const dup = only(findings, 'requirement-duplicate');
    assert.equal(dup.length, 1);
    assert.equal(dup[0]?.range.start.line, 23);
    assert.match(dup[0]?.message ?? '', /FR2 is defined twice: here .* and at line 13/);
  });
});
