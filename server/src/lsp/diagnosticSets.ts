import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core/findings/finding';
import { contentHash } from '../core/text/hash';
import { toDiagnostic } from './convert';
import { capFindings, omittedDiagnostic } from './diagnosticsCap';
import type { Root } from './roots';
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
  // At most MAX_DIAGNOSTICS_PER_FILE, then one that says how many more there are.
  const { shown, omitted } = capFindings(findings);
  const diagnostics = shown.map((f) => toDiagnostic(f, (p) => session.uriOf(root, p)));
  const more = omittedDiagnostic(omitted, shown.length);
  if (more) diagnostics.push(more);
  const computed = { uri, diagnostics, resultId: contentHash(JSON.stringify(diagnostics)) };
  if (findings.length > 0) memo.set(findings, computed);
  return computed;
}

/** Paths of a folder that have findings now. */
export function pathsWithFindings(root: Root): Set<string> {
  const paths = new Set<string>();
  for (const f of root.project.findings()) paths.add(f.file);
  return paths;
}

/**
 * Remembers the result id last seen per URI, so a change can tell which files' diagnostics
 * differ: those are published (push) or make the server ask the client to pull again.
 */
export class DiagnosticLedger {
  private readonly seen = new Map<string, string>();

  /** Every file of the folders whose diagnostics differ from the last call, with the new lists. */
  changes(session: Session, roots: readonly Root[], onlyOpen: (root: Root) => boolean): FileDiagnostics[] {
    const changed: FileDiagnostics[] = [];
    for (const root of roots) {
      const paths = onlyOpen(root) ? new Set(session.openPaths(root)) : pathsWithFindings(root);
      for (const [uri] of this.seen) {
        const at = session.locate(uri);
        if (at && at.root === root && (!onlyOpen(root) || session.isOpen(root, at.path))) paths.add(at.path);
      }
      for (const path of paths) {
        const d = fileDiagnostics(session, root, path);
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
      changed.push({ uri, diagnostics: [], resultId: contentHash('[]') });
    }
    return changed;
  }

  forget(uri: string): void {
    this.seen.delete(uri);
  }
}
