/**
 * `npm run precision`: runs the built CLI on every corpus repository beside the project and
 * compares what it reports with the labelled sample (labels.jsonl), per code:
 *   - TRUE kept: labelled TRUE findings still reported, of all labelled TRUE (reported at their place, or
 *     as a related location of the finding that now states their fact);
 *   - FALSE / NOISE still reported;
 *   - precision: TRUE among the labelled findings still reported;
 *   - unlabelled: findings reported now that no label covers (sample them after a big change).
 * Hints are quiet (VS Code shows them in the editor, not among the problems): they are counted apart,
 * as "hints", and neither in the precision nor as kept.
 * `--sample N [--seed S] [--codes A,B] [--round R]` prints N unlabelled findings (of the given codes), stratified by code, as JSON lines
 * to label (they quote the documents, so they are printed, not stored in the project); with `--all`,
 * N of everything reported that no blind round has judged yet, for a blind round.
 * `--labels FILE` measures against another labels file instead: `test/precision/blind.jsonl` holds
 * rounds of 60 findings drawn at random from everything reported after the tuning and judged blind,
 * by a reader who saw neither labels.jsonl nor the rules (rounds fresh9, fresh11), never used to
 * tune a rule; `--round R` measures one round.
 * `--show CODE` prints the labelled findings of CODE still reported, each with its verdict, the
 * label's reason and the message now, and the TRUE findings of CODE no longer reported (LOST), to read
 * what a rule still gets wrong.
 */
import * as path from 'node:path';
import { FINDING_CODES } from '../../server/src/core/findings/codes';
import { checkCorpus, corpora, type CorpusFinding } from './findings';
import { SUCCESSORS, indexFindings, locationKey, matchLabel, matchLabels, readLabels } from './labels';
import { stratifiedSample } from './sample';

interface Row {
  reported: number;
  errors: number;
  labelled: { TRUE: number; FALSE: number; NOISE: number };
  errorTrue: number;
  errorLabelled: number;
  trueLabels: number;
  trueKept: number;
  /** Labelled TRUE findings now reported as hints only. */
  trueHints: number;
  unlabelled: number;
  hints: number;
}

function emptyRow(): Row {
  return { reported: 0, errors: 0, labelled: { TRUE: 0, FALSE: 0, NOISE: 0 }, errorTrue: 0, errorLabelled: 0, trueLabels: 0, trueKept: 0, trueHints: 0, unlabelled: 0, hints: 0 };
}

function pct(a: number, b: number): string {
  return b === 0 ? '–' : `${Math.round((100 * a) / b)}%`;
}

const BLIND_FILE = path.join(__dirname, 'blind.jsonl');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The codes of statuses, claims and evidence (issue 11), summed on a line of their own. */
const STATUS_AND_CLAIM_CODES = ['claim-without-evidence', 'claim-contradicted', 'phase-done-checklist-open', 'phase-title-mismatch', 'phase-count-mismatch', 'done-with-partial-percentage', 'status-conflict'];

function sumRows(list: readonly Row[]): Row {
  const total = emptyRow();
  for (const r of list) {
    total.reported += r.reported;
    total.errors += r.errors;
    total.labelled.TRUE += r.labelled.TRUE;
    total.labelled.FALSE += r.labelled.FALSE;
    total.labelled.NOISE += r.labelled.NOISE;
    total.trueLabels += r.trueLabels;
    total.trueKept += r.trueKept;
    total.unlabelled += r.unlabelled;
    total.hints += r.hints;
    total.trueHints += r.trueHints;
    total.errorTrue += r.errorTrue;
    total.errorLabelled += r.errorLabelled;
  }
  return total;
}

function main(): void {
  const list = corpora();
  if (list.length === 0) {
    process.stderr.write('precision: the corpus is not at ../shared/corpus; nothing to measure.\n');
    process.exit(2);
  }
  const round = arg('--round');
  const labelsFile = arg('--labels');
  const labels = readLabels(labelsFile === undefined ? undefined : path.resolve(labelsFile)).filter((l) => round === undefined || arg('--sample') !== undefined || l.round === round);
  const findings: CorpusFinding[] = [];
  const perCorpus: string[] = [];
  for (const corpus of list) {
    const found = checkCorpus(corpus);
    findings.push(...found);
    const broken = found.filter((f) => f.code === 'broken-reference').length;
    const shown = found.filter((f) => f.severity !== 'hint');
    const brokenShown = shown.filter((f) => f.code === 'broken-reference').length;
    perCorpus.push(`${corpus.name}: ${found.length} findings, broken-reference ${broken} (${pct(broken, found.length)}); without hints ${shown.length}, broken-reference ${brokenShown} (${pct(brokenShown, shown.length)})`);
  }
  const quiet = findings.filter((f) => f.severity === 'hint');
  const loud = findings.filter((f) => f.severity !== 'hint');
  const { at, relatedAt } = indexFindings(loud);
  const quietIndex = indexFindings(quiet);
  const covered = new Set<CorpusFinding>();
  const rows = new Map<string, Row>();
  const row = (code: string): Row => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = emptyRow()));
    return r;
  };
  // Recall is counted under the label's code, precision under the code reported now (see SUCCESSORS).
  // A label carried from an older code gives way to a label of the finding's own code (matchLabels).
  const show = arg('--show');
  // Labelled findings still reported, by family of repositories: the one Proofmark grew up on, and the external ten.
  const byFamily = new Map<string, Row['labelled']>();
  // Recall over every TRUE label: kept when its place is still reported, at a finding or as a related
  // location of one (a copy, a fact stated once for several documents), whichever label judges that finding.
  for (const label of labels) {
    if (label.verdict !== 'TRUE') continue;
    const r = row(label.code);
    r.trueLabels++;
    const hit = matchLabel(label, at, relatedAt);
    if (hit) {
      r.trueKept++;
      continue;
    }
    const quietHit = matchLabel(label, quietIndex.at, quietIndex.relatedAt);
    if (quietHit) r.trueHints++;
    if (show !== undefined && label.code === show) process.stdout.write(`LOST  ${label.corpus} ${label.file}:${label.line}:${label.column} (${quietHit ? 'a hint now' : 'not reported'})\n      label: ${label.reason}\n${quietHit ? `      now:   ${quietHit.message}\n` : ''}`);
  }
  for (const { label, hit } of matchLabels(labels, at, relatedAt)) {
    if (hit) {
      const family = hit.corpus.startsWith('external/') ? 'external repositories' : hit.corpus;
      const tally = byFamily.get(family) ?? { TRUE: 0, FALSE: 0, NOISE: 0 };
      tally[label.verdict]++;
      byFamily.set(family, tally);
    }
    if (show !== undefined && hit?.code === show) process.stdout.write(`${label.verdict.padEnd(5)} ${hit.corpus} ${hit.file}:${hit.line}:${hit.column}\n      label: ${label.reason}\n      now:   ${hit.message}\n`);
    if (!hit) continue;
    covered.add(hit);
    const r = row(hit.code);
    r.labelled[label.verdict]++;
    if (hit.severity === 'error') {
      r.errorLabelled++;
      if (label.verdict === 'TRUE') r.errorTrue++;
    }
  }
  const labelledKeys = new Set(labels.flatMap((l) => [l.code, ...(SUCCESSORS[l.code] ?? [])].map((code) => locationKey({ ...l, code }))));
  const unlabelled = loud.filter((f) => !covered.has(f) && !labelledKeys.has(locationKey(f)));
  for (const f of loud) {
    const r = row(f.code);
    r.reported++;
    if (f.severity === 'error') r.errors++;
  }
  for (const f of quiet) row(f.code).hints++;
  for (const f of unlabelled) row(f.code).unlabelled++;

  if (show !== undefined) return;
  const sampleSize = arg('--sample');
  if (sampleSize !== undefined) {
    const codes = arg('--codes')?.split(',');
    // A blind round draws from everything reported, labelled or not, but never a finding an earlier blind round judged.
    const blind = new Set(readLabels(BLIND_FILE).map(locationKey));
    const from = process.argv.includes('--all') ? loud.filter((f) => !blind.has(locationKey(f))) : unlabelled;
    const pool = codes === undefined ? from : from.filter((f) => codes.includes(f.code));
    const picked = stratifiedSample(pool, Number(sampleSize), Number(arg("--seed") ?? "1"), Number(arg("--floor") ?? "4"));
    for (const f of picked) process.stdout.write(`${JSON.stringify(f)}\n`);
    return;
  }

  const header = ['code', 'reported', 'error', 'labelled T/F/N', 'precision', 'TRUE kept', 'unlabelled', 'hints (TRUE)'];
  const lines: string[][] = [header];
  const codes = [...rows.keys()].sort((a, b) => (a in FINDING_CODES ? 0 : 1) - (b in FINDING_CODES ? 0 : 1) || a.localeCompare(b));
  for (const code of codes) {
    const r = rows.get(code) ?? emptyRow();
    const labelled = r.labelled.TRUE + r.labelled.FALSE + r.labelled.NOISE;
    lines.push([code, String(r.reported), String(r.errors), `${r.labelled.TRUE}/${r.labelled.FALSE}/${r.labelled.NOISE}`, pct(r.labelled.TRUE, labelled), `${r.trueKept}/${r.trueLabels} (${pct(r.trueKept, r.trueLabels)})`, String(r.unlabelled), `${r.hints} (${r.trueHints})`]);
  }
  const total = sumRows(codes.map((code) => rows.get(code) ?? emptyRow()));
  const all = total.labelled.TRUE + total.labelled.FALSE + total.labelled.NOISE;
  lines.push(['all', String(total.reported), String(total.errors), `${total.labelled.TRUE}/${total.labelled.FALSE}/${total.labelled.NOISE}`, pct(total.labelled.TRUE, all), `${total.trueKept}/${total.trueLabels} (${pct(total.trueKept, total.trueLabels)})`, String(total.unlabelled), `${total.hints} (${total.trueHints})`]);
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  const out = lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
  process.stdout.write(`${out.join('\n')}\n\n`);
  process.stdout.write(`errors: ${total.errorTrue} of ${total.errorLabelled} labelled errors still reported are TRUE (${pct(total.errorTrue, total.errorLabelled)})\n`);
  const group = sumRows(STATUS_AND_CLAIM_CODES.map((code) => rows.get(code) ?? emptyRow()));
  const groupLabelled = group.labelled.TRUE + group.labelled.FALSE + group.labelled.NOISE;
  process.stdout.write(`statuses and claims (${STATUS_AND_CLAIM_CODES.join(', ')}): ${group.labelled.TRUE}/${groupLabelled} TRUE (${pct(group.labelled.TRUE, groupLabelled)}), errors ${group.errorTrue}/${group.errorLabelled}, TRUE kept ${group.trueKept}/${group.trueLabels} (${pct(group.trueKept, group.trueLabels)})\n`);
  process.stdout.write(`labels: ${labels.length}${round ? ` (round ${round})` : ''}\n`);
  for (const [family, t] of byFamily) process.stdout.write(`${family}: labelled ${t.TRUE}/${t.FALSE}/${t.NOISE} still reported, ${pct(t.TRUE, t.TRUE + t.FALSE + t.NOISE)} TRUE\n`);
  for (const line of perCorpus) process.stdout.write(`${line}\n`);
}

main();

