import type { HandoffFile, HandoffPlanResult } from '../../../server/src/protocol';
import { evidenceText, plural } from '../tree/format';
import { openItemGroups } from '../handoff/openItemGroups';
import { creatable } from '../handoff/openOutputs';
import { escapeHtml, fileName, openLink, page, type PageContext } from './html';

const PREVIEW_LIMIT = 4000;

/** A file's badge and the sentence under its preview: what "Create missing files" will do with it. */
function fileState(file: HandoffFile, open: boolean): { badge: string; note: string } {
  if (file.exists) return { badge: '<span class="badge exists">exists</span>', note: 'Already there: it will be left exactly as it is.' };
  if (file.refused !== undefined) return { badge: '<span class="badge refused">refused</span>', note: `Will not be written: ${file.refused}.` };
  if (open) {
    return {
      badge: '<span class="badge missing">deleted, still open</span>',
      note: 'Deleted on disk but still open in the editor: "Create missing files" asks whether to save the editor\'s text or to recreate the file from this content.',
    };
  }
  return { badge: '<span class="badge missing">missing</span>', note: 'Will be created with this content.' };
}

function fileRow(file: HandoffFile, open: boolean): string {
  const name = fileName(file.uri);
  const { badge, note } = fileState(file, open);
  const nameHtml = file.exists || open ? openLink(file.uri, 0, name) : `<code>${escapeHtml(name)}</code>`;
  const preview = file.content.length > PREVIEW_LIMIT ? `${file.content.slice(0, PREVIEW_LIMIT)}\n…` : file.content;
  return `<li class="file">
<div class="file-head">${badge} ${nameHtml} <span class="kind">${escapeHtml(file.kind)}</span></div>
<details><summary>Preview</summary><p class="note">${escapeHtml(note)}</p><pre>${escapeHtml(preview)}</pre></details>
</li>`;
}

type OpenItem = HandoffPlanResult['openItems'][number];

function itemList(items: readonly OpenItem[]): string {
  return `<ul class="items">${items.map((item) => `<li>☐ ${openLink(item.location.uri, item.location.line, item.text, `Line ${item.location.line + 1}`)}</li>`).join('\n')}</ul>`;
}

/** This phase's open items in full, then each earlier phase's leftovers collapsed under one line with its count. */
function openItemsHtml(plan: HandoffPlanResult): string {
  const { own, earlier } = openItemGroups(plan);
  const mine = own.length === 0 ? `<p class="empty">Every box of Phase ${escapeHtml(plan.phase)} is checked.</p>` : itemList(own);
  if (earlier.length === 0) return mine;
  const groups = earlier.map(
    (p) =>
      // The link sits inside, not in the summary, where a click would also fold the group.
      `<details class="earlier"><summary>${escapeHtml(`Phase ${p.phase}: ${p.title}`)} — ${p.open} open</summary><p>${openLink(p.location.uri, p.location.line, `Phase ${p.phase} in the TODO`, `Line ${p.location.line + 1}`)}</p>${itemList(p.items)}</details>`,
  );
  return `${mine}\n<h3>Earlier phases still open (${earlier.reduce((n, p) => n + p.open, 0)})</h3>\n${groups.join('\n')}`;
}

/**
 * The handoff panel: open items, requirements without evidence, the four target files, and the
 * create button. `openUris` are the files the editor holds open (deleted ones are flagged).
 */
export function renderHandoffHtml(plan: HandoffPlanResult, ctx: PageContext, openUris: ReadonlySet<string> = new Set()): string {
  const missing = creatable(plan.files).length;
  const existing = plan.files.filter((f) => f.exists).length;
  const unevidenced = plan.unevidenced.length === 0
    ? '<p class="empty">Every requirement is cited with evidence.</p>'
    : `<ul class="requirements">${plan.unevidenced.map((r) => `<li><span class="state ${escapeHtml(r.state)}">${escapeHtml(evidenceText(r.state))}</span> ${openLink(r.location.uri, r.location.line, `${r.id}: ${r.title}`)}</li>`).join('\n')}</ul>`;
  const button = missing > 0
    ? `<button type="button" class="primary" data-action="create">Create missing files (${missing})</button>`
    : `<button type="button" class="primary" disabled>${existing === plan.files.length ? 'All files exist' : 'Nothing can be created'}</button>`;
  const title = `Phase ${plan.phase} handoff`;
  const body = `<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="subtitle">${escapeHtml(plan.title)}</p>
<div class="actions">${button} <button type="button" class="secondary" data-action="refresh">Refresh</button></div>
<p class="note">Existing files are never overwritten.</p>
</header>
<section aria-labelledby="files-h"><h2 id="files-h">Files (${existing} of ${plan.files.length} exist)</h2>
<ul class="files">${plan.files.map((f) => fileRow(f, !f.exists && openUris.has(f.uri))).join('\n')}</ul></section>
<section aria-labelledby="open-h"><h2 id="open-h">Open checklist items of Phase ${escapeHtml(plan.phase)} (${openItemGroups(plan).own.length})</h2>${openItemsHtml(plan)}</section>
<section aria-labelledby="req-h"><h2 id="req-h">Requirements without evidence (${plural(plan.unevidenced.length, 'requirement')})</h2><p class="note">${escapeHtml(`Looked for ${plan.evidenceScope}.`)}</p>${unevidenced}</section>
</main>`;
  return page(ctx, title, body);
}

/** Shown while the plan is loading or when the server could not produce one. */
export function renderMessageHtml(ctx: PageContext, title: string, message: string): string {
  return page(ctx, title, `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>`);
}
