import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/findings/finding';
import { check, only } from '../support/memory';

/** What each broken-reference finding names: "The code path src/x.ts". */
function brokenNames(findings: readonly Finding[]): string[] {
  return only(findings, 'broken-reference').map((f) => f.message.split(' does')[0] ?? '');
}

/** Whose file a missing citation names: this repository's (broken), another project's, or history's. */
describe('whose file a missing citation names', () => {
  it('reads a versioned snapshot citing a file archived with its version as history (a hint naming the copy)', async () => {
    const findings = await check({
      '.planning/milestones/v1.1-REQUIREMENTS.md': '# Requirements\n',
      '.planning/milestones/v1.1-phases/01-x/01-SUMMARY.md': '# Summary\n\nCovers every id of `.planning/REQUIREMENTS.md`.\n',
      'docs/verification.md': '# Verification\n\nSee `.planning/REQUIREMENTS.md` for the ids.\n',
      '.planning/PHASE_SUMMARY.md': '# Summary\n\nSee `.planning/REQUIREMENTS.md`.\n',
    });
    const broken = only(findings, 'broken-reference');
    const snapshot = broken.filter((f) => f.file.startsWith('.planning/milestones/'));
    assert.equal(snapshot.length, 1);
    assert.equal(snapshot[0]?.severity, 'hint');
    assert.match(snapshot[0]?.message ?? '', /archived with this snapshot as \.planning\/milestones\/v1\.1-REQUIREMENTS\.md/);
    // Outside the snapshot the same citation is stale, and said so as before.
    assert.ok(broken.some((f) => f.file === '.planning/PHASE_SUMMARY.md' && f.severity !== 'hint'));
  });

  it('reads a name listed beside a folder the repository does not have as that folder\'s file', async () => {
    const findings = await check({
      'ref-projects/Other/README.md': '# Other\n',
      'src/app.ts': '',
      'notes/PORT_SUMMARY.md': [
        '# Port summary',
        '',
        '- `ref-projects/Wrapper` (source)',
        '- `Wrapper.cs`, `Config/WrapperConfig.cs`',
        '',
        'Delivered `src/missing.ts`.',
        '',
      ].join('\n'),
    });
    assert.deepEqual(brokenNames(findings), ['The code path src/missing.ts']);
  });

  it('still reports files of a top folder of the repository named beside a missing folder', async () => {
    const findings = await check({
      'scripts/deploy.py': '',
      'notes/DEPLOY_SUMMARY.md': '# Deploy\n\nShipped `infra/validation/` and `scripts/deploy.sh`.\n',
    });
    assert.deepEqual(brokenNames(findings), ['The code path scripts/deploy.sh']);
  });

  it('reads a bare name the document also cites under another repository\'s folder as that file', async () => {
    const findings = await check({
      'src/app.ts': '',
      '.planning/PROJECT.md': '# Project\n\nUnblocks the mobile `CHAT_PLAN.md`.\n\nThe sibling repo specifies it in `mobile/docs/plans/CHAT_PLAN.md`.\n\nSee `NOTES_PLAN.md`.\n',
    });
    assert.deepEqual(brokenNames(findings), ['The document NOTES_PLAN.md']);
  });

  it('does not check the references of a folder named as an archive (`system-extension-archive/`)', async () => {
    const findings = await check({
      'Sources/App/main.swift': '',
      'Documentation/ext-archive/WHY_REMOVED_SUMMARY.md': '# Why\n\nDelivered `Sources/Ext/Claimer.swift`.\n',
      'Documentation/EXTENSION_SUMMARY.md': '# Report\n\nDelivered `Sources/Ext/Claimer.swift`.\n',
    });
    assert.deepEqual(only(findings, 'broken-reference').map((f) => f.file), ['Documentation/EXTENSION_SUMMARY.md']);
  });
});
