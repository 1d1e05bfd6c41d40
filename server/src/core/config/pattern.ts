import { RE2JS } from 're2js';
import { toLinearSyntax } from './linearSyntax';

/**
 * What the analysis asks of a compiled convention. A `RegExp` is one (the built-in defaults stay
 * native, at native speed); a pattern from configuration is a `LinearPattern`, run by RE2 (re2js,
 * a pure-JavaScript port) in time linear in the text, so that no `.proofmark.json` can stall the
 * analysis with a catastrophic pattern such as `(a+)+$`.
 */
export interface Pattern {
  /** The JavaScript source as configured. */
  readonly source: string;
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}

/** A pattern applied to every match of a text: `text.replace(pattern, replacement)`. `RegExp` with the `g` flag is one. */
export interface GlobalPattern {
  readonly source: string;
  [Symbol.replace](text: string, replacement: string): string;
}

export type LinearCompilation =
  | { readonly ok: true; readonly pattern: LinearPattern }
  /** `invalid`: not a JavaScript regular expression; `unsupported`: one the linear-time engine cannot run. */
  | { readonly ok: false; readonly problem: 'invalid' | 'unsupported'; readonly reason: string };

export class LinearPattern implements Pattern, GlobalPattern {
  constructor(
    readonly source: string,
    private readonly re: RE2JS,
  ) {}

  exec(text: string): RegExpExecArray | null {
    // Most texts do not match, and re2js's test runs on its DFA, without the groups: over the
    // 89,000 lines of corpus initiative 003, warmed up, the status-field pattern takes 49 ms
    // instead of 68 (statusDone, which matches 7% of them, 92 instead of 101).
    if (!this.re.test(text)) return null;
    // re2js returns RegExp's result shape: the groups, `index`, `input` and `groups`.
    return this.re.exec(text) as RegExpExecArray | null;
  }

  test(text: string): boolean {
    return this.re.test(text);
  }

  /** Every match replaced, as `String.prototype.replace` with a global RegExp. */
  [Symbol.replace](text: string, replacement: string): string {
    return this.re.matcher(text).replaceAll(replacement);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Compiles a JavaScript source for the linear-time engine, or says why it cannot: it is no valid
 * regular expression with the `u` flag (compiling one natively is safe, only matching can stall),
 * or it uses lookaround, a backreference, or something RE2 itself refuses (a repeat count over 1000).
 */
export function compileLinear(source: string): LinearCompilation {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return { ok: false, problem: 'invalid', reason: reasonOf(error) };
  }
  const syntax = toLinearSyntax(source);
  if (!syntax.ok) return { ok: false, problem: 'unsupported', reason: `it uses ${syntax.reason}` };
  try {
    return { ok: true, pattern: new LinearPattern(source, RE2JS.compile(syntax.source)) };
  } catch (error) {
    return { ok: false, problem: 'unsupported', reason: reasonOf(error).replace(/^error parsing regexp: /, '') };
  }
}
