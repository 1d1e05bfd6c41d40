/**
 * Rewrites a JavaScript regular expression (as written in `.proofmark.json`, valid with the `u`
 * flag) into the syntax of RE2, the backtracking-free engine that runs patterns from configuration,
 * so that it matches the same strings. RE2 has no lookaround and no backreferences: a pattern with
 * one is refused with the construct named. Where the two syntaxes read the same text differently,
 * the JavaScript meaning is spelled out: `\s` and `\S` are JavaScript's (Unicode) white space, `.`
 * stops at every line terminator, `[]` matches nothing and `[^]` anything, and a `[` inside a class
 * is a literal (RE2 would read `[[:alpha:]]` as a POSIX class).
 */

export type LinearSyntax = { readonly ok: true; readonly source: string } | { readonly ok: false; readonly reason: string };

/** JavaScript's `\s`: WhiteSpace and LineTerminator of ECMAScript, as code-point ranges. */
const WHITE_SPACE: readonly (readonly [number, number])[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

const MAX_CODE_POINT = 0x10ffff;

function hex(code: number): string {
  return `\\x{${code.toString(16)}}`;
}

function ranges(list: readonly (readonly [number, number])[]): string {
  return list.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');
}

function complement(list: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of list) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/** Class contents (no brackets) for `\s` and `\S`, usable inside a class or wrapped in one. */
const SPACE = ranges(WHITE_SPACE);
const NOT_SPACE = ranges(complement(WHITE_SPACE));
const ANY = `${hex(0)}-${hex(MAX_CODE_POINT)}`;
/** JavaScript's `.` without the `s` flag: anything but a line terminator. */
const DOT = `[^\\n\\r${hex(0x2028)}${hex(0x2029)}]`;

const HEX_DIGITS = /^[0-9A-Fa-f]{4}$/;

/** `\uXXXX` (joining a surrogate pair, as the `u` flag does) or `\u{X…}` at `i`: the code point and the length read. */
function unicodeEscape(source: string, i: number): { code: number; length: number } | null {
  if (source[i + 2] === '{') {
    const close = source.indexOf('}', i + 3);
    return close < 0 ? null : { code: parseInt(source.slice(i + 3, close), 16), length: close + 1 - i };
  }
  const unit = source.slice(i + 2, i + 6);
  if (!HEX_DIGITS.test(unit)) return null;
  const high = parseInt(unit, 16);
  const lowText = source.slice(i + 8, i + 12);
  if (high >= 0xd800 && high <= 0xdbff && source.startsWith('\\u', i + 6) && HEX_DIGITS.test(lowText)) {
    const low = parseInt(lowText, 16);
    if (low >= 0xdc00 && low <= 0xdfff) return { code: 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00), length: 12 };
  }
  return { code: high, length: 6 };
}

/** The RE2 form of one escape at `i` (a backslash), or why it cannot be run. */
function escape(source: string, i: number, inClass: boolean): { text: string; length: number } | { reason: string } {
  const next = source[i + 1] ?? '';
  if (/[1-9]/.test(next)) return { reason: `a backreference (\\${next})` };
  if (next === 'k') return { reason: 'a named backreference (\\k<…>)' };
  if (next === 's') return { text: inClass ? SPACE : `[${SPACE}]`, length: 2 };
  if (next === 'S') return { text: inClass ? NOT_SPACE : `[${NOT_SPACE}]`, length: 2 };
  if (next === '0') return { text: hex(0), length: 2 };
  if (next === 'b' && inClass) return { text: hex(8), length: 2 };
  if (next === 'c') {
    const letter = source.charCodeAt(i + 2);
    return { text: hex(letter % 32), length: 3 };
  }
  if (next === 'u') {
    const u = unicodeEscape(source, i);
    if (u) return { text: hex(u.code), length: u.length };
  }
  const code = source.codePointAt(i + 1) ?? 0;
  return { text: `\\${String.fromCodePoint(code)}`, length: 1 + String.fromCodePoint(code).length };
}

/**
 * The RE2 source for a JavaScript source that `new RegExp(source, 'u')` accepts (the caller checks
 * that first: only a valid pattern is tokenised reliably here), or the construct RE2 cannot run.
 */
export function toLinearSyntax(source: string): LinearSyntax {
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      const e = escape(source, i, inClass);
      if ('reason' in e) return { ok: false, reason: e.reason };
      out += e.text;
      i += e.length;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch === '[' ? '\\[' : ch;
      i += 1;
    } else if (ch === '[') {
      const negated = source[i + 1] === '^';
      const start = i + (negated ? 2 : 1);
      if (source[start] === ']') {
        out += negated ? `[${ANY}]` : `[^${ANY}]`;
        i = start + 1;
      } else {
        out += negated ? '[^' : '[';
        inClass = true;
        i = start;
      }
    } else if (ch === '.') {
      out += DOT;
      i += 1;
    } else if (ch === '(' && source[i + 1] === '?') {
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) return { ok: false, reason: 'a lookahead ((?=…) or (?!…))' };
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) return { ok: false, reason: 'a lookbehind ((?<=…) or (?<!…))' };
      if (source[i + 2] === '<') {
        out += '(?P<';
        i += 3;
      } else {
        out += '(?';
        i += 2;
      }
    } else {
      out += ch;
      i += 1;
    }
  }
  return { ok: true, source: out };
}
