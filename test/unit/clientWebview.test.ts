import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HandoffPlanResult, TraceabilityResult } from '../../server/src/protocol';
import { renderHandoffHtml, renderMessageHtml } from '../../client/src/webview/handoffHtml';
import { contentSecurityPolicy, escapeHtml, makeNonce, type PageContext } from '../../client/src/webview/html';
import { parsePanelMessage } from '../../client/src/webview/messages';
import { renderTraceabilityHtml } from '../../client/src/webview/traceabilityHtml';
import { PRD, requirement, TODO } from './clientFixture';

const ctx: PageContext = {
  cspSource: 'https://webview.example',
  nonce: 'abc123nonce',
  styleUri: 'https://webview.example/media/panel.css',
  scriptUri: 'https://webview.example/media/panel.js',
};

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';
const hostile = `${SCRIPT} ${IMG}`;

const plan: HandoffPlanResult = {
  initiative: { root: 'file:///ws', folder: '', id: '003' },
  phase: '8',
  title: `Project Completion ${hostile}`,
  files: [
    { kind: 'notes', uri: 'file:///ws/TODO003_phase8_notes.md', exists: true, content: `# Notes ${hostile}` },
    { kind: 'decisions', uri: 'file:///ws/TODO003_phase8_decisions.md', exists: false, content: `# Decisions\n${SCRIPT}` },
    { kind: 'handoff', uri: 'file:///ws/TODO003_phase8_handoff.md', exists: false, content: '# Handoff' },
    { kind: 'testing_summary', uri: 'file:///ws/TODO003_phase8_testing_summary.md', exists: false, content: '# Testing' },
  ],
  openItems: [
    { text: `Demonstrate ${IMG}`, location: { uri: TODO, line: 86 }, phase: '8' },
    { text: 'Set up the database', location: { uri: TODO, line: 12 }, phase: '1' },
    { text: `Write the ${SCRIPT} runbook`, location: { uri: TODO, line: 14 }, phase: '1' },
    { text: 'Deploy', location: { uri: TODO, line: 40 }, phase: '3' },
  ],
  earlierPhases: [
    { phase: '1', title: `Setup ${IMG}`, open: 2, location: { uri: TODO, line: 9 } },
    { phase: '3', title: 'Deployment', open: 1, location: { uri: TODO, line: 38 } },
  ],
  unevidenced: [{ ...requirement('FR9', 'never-cited'), title: SCRIPT }],
  evidenceScope: 'in the 2 phase outputs and status documents of this initiative written before Phase 8',
};

/** Everything outside the page's own single script tag must be free of live markup from the documents. */
function assertNoInjectedMarkup(html: string): void {
  const withoutOwnScript = html.replace(`<script nonce="${ctx.nonce}" src="${ctx.scriptUri}"></script>`, '');
  assert.ok(!/<script/i.test(withoutOwnScript), 'a <script> tag got through');
  assert.ok(!/<img/i.test(withoutOwnScript), 'an <img> tag got through');
  assert.ok(!/onerror=/i.test(withoutOwnScript.replace(/onerror=alert\(2\)&gt;/g, '')), 'an onerror attribute got through');
}

describe('webview HTML', () => {
  it('escapes every character that matters in text and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&\``), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
  });

  it('builds a strict CSP: nothing by default, styles from the webview, scripts by nonce only', () => {
    const csp = contentSecurityPolicy(ctx);
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123nonce'/);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
  });

  it('makes 32-character nonces from random bytes', () => {
    const nonce = makeNonce((n) => new Uint8Array(n).fill(171));
    assert.equal(nonce, 'ab'.repeat(16));
  });

  it('renders the handoff plan with document text escaped', () => {
    const html = renderHandoffHtml(plan, ctx);
    assertNoInjectedMarkup(html);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`));
    assert.ok(html.includes(`<script nonce="${ctx.nonce}" src="${ctx.scriptUri}"></script>`));
  });

  it('shows the files with exists/missing, the open items, the unevidenced requirements and the create button', () => {
    const html = renderHandoffHtml(plan, ctx);
    assert.equal((html.match(/class="badge exists"/g) ?? []).length, 1);
    assert.equal((html.match(/class="badge missing"/g) ?? []).length, 3);
    assert.ok(html.includes('data-action="create">Create missing files (3)</button>'));
    assert.ok(html.includes(`data-uri="${TODO}" data-line="86"`));
    assert.ok(html.includes('FR9: &lt;script&gt;'));
    assert.ok(html.includes('Files (1 of 4 exist)'));
  });

  it('lists the phase\'s own open items first, and each earlier phase folded under one line with its count and section', () => {
    const html = renderHandoffHtml(plan, ctx);
    assertNoInjectedMarkup(html);
    assert.ok(html.includes('Open checklist items of Phase 8 (1)'));
    const own = html.indexOf(`data-uri="${TODO}" data-line="86"`);
    const earlier = html.indexOf('Earlier phases still open (3)');
    assert.ok(own > 0 && earlier > own, 'this phase first, then the earlier ones');
    const groups = html.slice(earlier).match(/<details class="earlier"><summary>[^<]*<\/summary>/g) ?? [];
    assert.deepEqual(groups, [
      '<details class="earlier"><summary>Phase 1: Setup &quot;&gt;&lt;img src=x onerror=alert(2)&gt; — 2 open</summary>',
      '<details class="earlier"><summary>Phase 3: Deployment — 1 open</summary>',
    ]);
    assert.ok(html.includes(`data-uri="${TODO}" data-line="9" title="Line 10">Phase 1 in the TODO</button>`));
    assert.ok(html.indexOf('data-line="12"') > earlier && html.indexOf('data-line="40"') > html.indexOf('Phase 3: Deployment'));
  });

  it('says so when this phase has no open item and none is left before it', () => {
    const html = renderHandoffHtml({ ...plan, openItems: [], earlierPhases: [] }, ctx);
    assert.ok(html.includes('Every box of Phase 8 is checked.'));
    assert.ok(!html.includes('Earlier phases'));
  });

  it('disables the create button when every file exists', () => {
    const html = renderHandoffHtml({ ...plan, files: plan.files.map((f) => ({ ...f, exists: true })) }, ctx);
    assert.ok(!html.includes('data-action="create"'));
    assert.ok(html.includes('disabled>All files exist'));
  });

  it('flags a missing file still open in the editor, and a refused one, and counts neither as existing', () => {
    const files = plan.files.map((f) => (f.kind === 'testing_summary' ? { ...f, refused: `${SCRIPT} would be written outside the workspace` } : f));
    const html = renderHandoffHtml({ ...plan, files }, ctx, new Set(['file:///ws/TODO003_phase8_decisions.md']));
    assertNoInjectedMarkup(html);
    assert.ok(html.includes('<span class="badge missing">deleted, still open</span> <button type="button" class="link" data-action="open" data-uri="file:///ws/TODO003_phase8_decisions.md"'), 'the open file is flagged and links to its editor');
    assert.ok(html.includes('asks whether to save the editor&#39;s text or to recreate the file from this content'));
    assert.equal((html.match(/class="badge refused"/g) ?? []).length, 1);
    assert.ok(html.includes('Will not be written: &lt;script&gt;'));
    assert.ok(html.includes('data-action="create">Create missing files (2)</button>'));
    assert.ok(html.includes('Files (1 of 4 exist)'));
  });

  it('renders the traceability matrix coloured by state, each cell linking to its citation', () => {
    const result: TraceabilityResult = {
      matrices: [{
        initiative: plan.initiative,
        name: `Orbit ${hostile}`,
        phases: ['1', '2'],
        rows: [
          { requirement: { ...requirement('FR1', 'evidenced'), title: SCRIPT }, cells: [{ phase: '1', citations: [{ location: { uri: 'file:///ws/TODO003_phase1_notes.md', line: 4 }, evidence: [IMG] }] }] },
          { requirement: requirement('AC2', 'claimed'), cells: [{ phase: '2', citations: [{ location: { uri: 'file:///ws/TODO003_phase2_notes.md', line: 9 }, evidence: [] }] }] },
          { requirement: requirement('NFR3', 'never-cited'), cells: [] },
        ],
        evidenceScope: 'in the 2 phase outputs and status documents of this initiative',
      }],
    };
    const html = renderTraceabilityHtml(result, ctx);
    assertNoInjectedMarkup(html);
    assert.equal((html.match(/<td class="cell evidenced">/g) ?? []).length, 1);
    assert.equal((html.match(/<td class="cell claimed">/g) ?? []).length, 1);
    assert.equal((html.match(/<td class="cell none"/g) ?? []).length, 4);
    assert.ok(html.includes('data-uri="file:///ws/TODO003_phase1_notes.md" data-line="4"'));
    assert.ok(html.includes(`data-uri="${PRD}"`));
    assert.ok(html.includes('<tr class="never-cited">'));
  });

  it('renders messages escaped', () => {
    assertNoInjectedMarkup(renderMessageHtml(ctx, SCRIPT, IMG));
  });
});

describe('webview messages', () => {
  it('accepts only well-formed messages', () => {
    assert.deepEqual(parsePanelMessage({ type: 'open', uri: TODO, line: 3 }), { type: 'open', uri: TODO, line: 3 });
    assert.deepEqual(parsePanelMessage({ type: 'create' }), { type: 'create' });
    assert.equal(parsePanelMessage({ type: 'open', uri: TODO, line: -1 }), null);
    assert.equal(parsePanelMessage({ type: 'open', uri: 3, line: 1 }), null);
    assert.equal(parsePanelMessage({ type: 'run', command: 'rm' }), null);
    assert.equal(parsePanelMessage('create'), null);
    assert.equal(parsePanelMessage(null), null);
  });
});
