import type { Diagnostic } from 'vscode-languageserver';
import { compareFindings, type Finding } from '../core/findings/finding';
import { contentHash } from '../core/text/hash';
import { toDiagnostic } from './convert';
import { capFindings, omittedDiagnostic } from './diagnosticsCap';
import type { Root } from './roots';
import { shownPaths } from './scope';
import type { Session } from './session';

export interface FileDiagnostics {
  readonly uri: string;
  readonly diagnostics: Diagnostic[];
  /** A stable id of the list (the pull model's resultId). */
  readonly resultId: string;
}

/**
 * Converted lists by the project's findings list. The project hands out the same list object for a
 * file whose findings did not change, so after an edit only the files it affected are converted.
 */
const memo = new WeakMap<readonly Finding[], FileDiagnostics>();

export function fileDiagnostics(session: Session, root: Root, path: string): FileDiagnostics {
  const findings = root.project.findingsFor(path);
  const hit = memo.get(findings);
  const uri = session.uriOf(root, path);
  if (hit && hit.uri === uri) return hit;
  const computed = converted(session, root, uri, findings);
  if (findings.length > 0) memo.set(findings, computed);
  return computed;
}

function converted(session: Session, root: Root, uri: string, findings: readonly Finding[]): FileDiagnostics {
  // At most MAX_DIAGNOSTICS_PER_FILE, then one that says how many more there are.
  const { shown, omitted } = capFindings(findings);
  const diagnostics = shown.map((f) => toDiagnostic(f, (p) => session.uriOf(root, p)));
  const more = omittedDiagnostic(omitted, shown.length);
  if (more) diagnostics.push(more);
  return { uri, diagnostics, resultId: contentHash(JSON.stringify(diagnostics)) };
}

const EMPTY_ID = contentHash('[]');

/** What names the first copy on a finding shown on a later copy. */
export const FIRST_COPY = 'The first copy of this text, where this is reported too';

/**
 * The findings of a later copy of a document that the project reports on its first copy
 * (core/findings/copies.ts), to be shown on the copy itself: when the first copy is not shown, or
 * when the copy is open and the first copy is not (the user looks at the copy). Each names the
 * first copy as a related location.
 */
function copiesShownHere(session: Session, root: Root, path: string, shown: ReadonlySet<string>): Finding[] {
  const open = session.isOpen(root, path);
  return root.project
    .copyFindingsFor(path)
    .filter((c) => !shown.has(c.first) || (open && !session.isOpen(root, c.first)))
    .map((c) => ({ ...c.finding, related: [...c.finding.related, { file: c.first, range: c.finding.range, message: FIRST_COPY }] }));
}

/** The diagnostics shown for a file: its findings when the scope shows it (scope.ts), else none. */
export function shownDiagnostics(session: Session, root: Root, path: string): FileDiagnostics {
  const shown = shownPaths(session, root);
  if (!shown.has(path)) return { uri: session.uriOf(root, path), diagnostics: [], resultId: EMPTY_ID };
  const own = fileDiagnostics(session, root, path);
  const copies = copiesShownHere(session, root, path, shown);
  if (copies.length === 0) return own;
  return converted(session, root, own.uri, [...root.project.findingsFor(path), ...copies].sort(compareFindings));
}

/**
 * Remembers the result id last seen per URI, so a change can tell which files' diagnostics
 * differ: those are published (push) or make the server ask the client to pull again. A file
 * that left the scope (its last open document closed) is published empty once.
 */
export class DiagnosticLedger {
  private readonly seen = new Map<string, string>();

  /** Every file of the folders whose shown diagnostics differ from the last call, with the new lists. */
  changes(session: Session, roots: readonly Root[]): FileDiagnostics[] {
    const changed: FileDiagnostics[] = [];
    for (const root of roots) {
      const paths = new Set(shownPaths(session, root));
      for (const [uri] of this.seen) {
        const at = session.locate(uri);
        if (at && at.root === root) paths.add(at.path);
      }
      for (const path of paths) {
        const d = shownDiagnostics(session, root, path);
        const version = session.documents.get(d.uri)?.version ?? null;
        const key = `${d.resultId}@${version ?? ''}`;
        if (this.seen.get(d.uri) === key) continue;
        if (d.diagnostics.length === 0 && !this.seen.has(d.uri)) continue;
        if (d.diagnostics.length === 0) this.seen.delete(d.uri);
        else this.seen.set(d.uri, key);
        changed.push(d);
      }
    }
    // A file no folder holds any more (its folder was removed) has no diagnostics now.
    for (const [uri] of this.seen) {
      if (session.locate(uri) !== null) continue;
      this.seen.delete(uri);
      changed.push({ uri, diagnostics: [], resultId: EMPTY_ID });
    }
    return changed;
  }

  forget(uri: string): void {
    this.seen.delete(uri);
  }
}
