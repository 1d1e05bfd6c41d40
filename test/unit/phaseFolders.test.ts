import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phaseFolderOf, roadmapsOf } from '../../server/src/core/project/phaseFolders';
import { check, checkedThreeWays, model, only } from '../support/memory';

const ROADMAP = [
  '# Roadmap',
  '',
  '- [x] Phase 1: Split the sender — 1/1 plans — completed 2026-01-10',
  '- [ ] Phase 2: Public endpoint — 0/2 plans',
  '',
].join('\n');

const front = (status: string, title: string): string => `---\nphase: 01-split-the-sender\nstatus: ${status}\nscore: 3/4\n---\n\n# ${title}\n`;

describe('a phase folder document against the roadmap that checks its phase off', () => {
  it('reads the front matter status of a document in a numbered phase folder', () => {
    const m = model('.planning/phases/01-split-the-sender/01-VERIFICATION.md', front('human_needed', 'Verification'));
    assert.equal(m.frontStatus?.marker.status, 'in-progress');
    assert.equal(m.frontStatus?.line, 3);
    assert.equal(model('a.md', front('tech_debt', 'Audit')).frontStatus, null, 'a value that is no status states none');
    assert.equal(model('b.md', '# No front matter\n\nstatus: draft\n').frontStatus, null);
  });

  it('reports a verification still awaiting a human while the roadmap checks the phase off', async () => {
    const findings = only(
      await check({
        '.planning/ROADMAP.md': ROADMAP,
        '.planning/phases/01-split-the-sender/01-VERIFICATION.md': front('human_needed', 'Phase 1 verification'),
        '.planning/phases/01-split-the-sender/01-HUMAN-UAT.md': front('partial', 'Phase 1 acceptance'),
        '.planning/phases/01-split-the-sender/01-01-SUMMARY.md': front('complete', 'Summary'),
        '.planning/phases/02-public-endpoint/02-VERIFICATION.md': front('human_needed', 'Phase 2 verification'),
      }),
      'status-conflict',
    );
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.range.start.line}`),
      ['.planning/phases/01-split-the-sender/01-HUMAN-UAT.md:3', '.planning/phases/01-split-the-sender/01-VERIFICATION.md:3'],
      'a done document and a phase the roadmap leaves open are not reported',
    );
    assert.match(findings[1]?.message ?? '', /ROADMAP\.md checks Phase 1 off, but this verification document still says "status: human_needed"/);
    assert.deepEqual(findings[1]?.related.map((r) => `${r.file}:${r.range.start.line}`), ['.planning/ROADMAP.md:3']);
  });

  it('pairs a milestone archive with its own roadmap and the project roadmap above it', async () => {
    const files = {
      '.planning/ROADMAP.md': ROADMAP,
      '.planning/milestones/v1.0-ROADMAP.md': ROADMAP,
      '.planning/milestones/v1.0-phases/01-split-the-sender/01-VALIDATION.md': front('draft', 'Validation'),
    };
    const findings = only(await check(files), 'status-conflict');
    assert.deepEqual(findings[0]?.related.map((r) => r.file), ['.planning/milestones/v1.0-ROADMAP.md', '.planning/ROADMAP.md']);
    const three = await checkedThreeWays(files, '.planning/milestones/v1.0-phases/01-split-the-sender/01-VALIDATION.md');
    assert.deepEqual(three.batches, three.whole);
    assert.deepEqual(three.alone, three.wholeOfPath, 'the scoped check reads the roadmaps');
  });

  it('says nothing where the folder is not a phase folder or the roadmap names the phase twice', async () => {
    assert.equal(phaseFolderOf('notes/2024-review/summary.md'), null, 'a file not named after its folder number');
    assert.equal(phaseFolderOf('.planning/phases/01-a/notes.md'), null);
    assert.deepEqual(phaseFolderOf('.planning/phases/02.1-hotfix/02.1-VERIFICATION.md'), { phase: '2.1', container: '.planning/phases' });
    assert.deepEqual(roadmapsOf({ phase: '1', container: 'docs/phases' }, (p) => p === 'docs/ROADMAP.md'), ['docs/ROADMAP.md']);
    const twice = `${ROADMAP}\n## Next milestone\n\n- [ ] Phase 1: Something else\n`;
    const findings = only(await check({ '.planning/ROADMAP.md': twice, '.planning/phases/01-split-the-sender/01-VERIFICATION.md': front('human_needed', 'V') }), 'status-conflict');
    assert.deepEqual(findings, [], 'which Phase 1 the folder is cannot be told');
  });
});
