import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/findings/finding';
import type { Position as CorePosition, Range as CoreRange } from '../core/text/position';

/**
 * The one place where core positions (unist: 1-based lines and columns) become LSP positions
 * (0-based) and back. Nothing else in the server does arithmetic on lines.
 */
export function toPosition(p: CorePosition): Position {
  return { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
}

export function toRange(r: CoreRange): Range {
  return { start: toPosition(r.start), end: toPosition(r.end) };
}

export function fromPosition(p: Position): CorePosition {
  return { line: Math.max(0, p.line) + 1, column: Math.max(0, p.character) + 1 };
}

/** 1-based first and last line of an LSP range. */
export function lineSpan(r: Range): { from: number; to: number } {
  return { from: Math.max(0, r.start.line) + 1, to: Math.max(r.start.line, r.end.line) + 1 };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DOCS_URL = 'https://github.com/proofmark/proofmark/blob/main/README.md';

/** A finding as an LSP diagnostic; `uriOf` turns workspace paths into URIs for related locations. */
export function toDiagnostic(f: Finding, uriOf: (path: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(f.range),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: `${DOCS_URL}#${f.code}` },
    source: 'proofmark',
    message: f.message,
  };
  if (f.related.length > 0) {
    diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri: uriOf(r.file), range: toRange(r.range) }, message: r.message }));
  }
  return diagnostic;
}
