import type { DocumentModel, TestCount, TestTally } from '../model/document';
import { basename } from '../parse/role';
import { specReportReads } from '../project/crossReads';
import { lineRangeOf, type RuleContext, type RuleFinding } from './context';

/** The spec task lists a document may report on: its own spec's, or for a report elsewhere every spec's. */
function taskListsOf(ctx: RuleContext, model: DocumentModel): readonly string[] {
  const own = ctx.initiativeOf(model.path)?.spec?.tasks;
  if (own) return own === model.path ? [] : [own];
  return specReportReads(model.path, model.role, ctx.initiatives);
}

/** The parts two tallies both count, when every one of them has the same number in both; else null. */
function sameParts(a: TestTally, b: TestTally): { mine: TestCount; theirs: TestCount }[] | null {
  const shared: { mine: TestCount; theirs: TestCount }[] = [];
  for (const mine of a.parts) {
    const theirs = b.parts.find((p) => p.label === mine.label);
    if (!theirs) continue;
    if (theirs.count !== mine.count) return null;
    shared.push({ mine, theirs });
  }
  return shared;
}

/**
 * A report and a spec's task list that count the same tests part by part (395 application and 353
 * infrastructure tests in both) but give different totals for all of them (748 here, 769 there):
 * two accounts of one run, and at least one total is wrong (a part counted twice, a suite left
 * out). Two parts at least must be named alike and agree, and none may differ, so that reports of
 * other runs, or of the same suites at another time, are not compared.
 */
export function testTotalsRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  const tally = model.testTally;
  if (!tally) return [];
  for (const path of taskListsOf(ctx, model)) {
    const other = ctx.models.get(path)?.testTally;
    if (!other || other.total.count === tally.total.count) continue;
    const shared = sameParts(tally, other);
    if (!shared || shared.length < 2) continue;
    const parts = shared.map((s) => `${s.mine.count} ${s.mine.label}`);
    const both = `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
    return [
      {
        code: 'numbers-inconsistent',
        file: model.path,
        range: lineRangeOf(tally.total.line),
        message: `This document gives ${tally.total.count} tests in all, and ${basename(path)} ${other.total.count} (${path}:${other.total.line}), though both count ${both} tests: one of the totals is wrong.`,
        related: [
          { file: path, range: lineRangeOf(other.total.line), message: `${other.total.count} tests in all` },
          ...shared.map((s) => ({ file: path, range: lineRangeOf(s.theirs.line), message: `${s.theirs.count} ${s.theirs.label} tests here too` })),
        ],
      },
    ];
  }
  return [];
}
