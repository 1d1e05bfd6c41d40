/**
 * The shapes of the parameters clients send, checked before any handler reads them. A shape is a
 * function that returns what is wrong with a value, as a phrase naming where (`params.position.line
 * must be …, got -5`), or null; its type parameter is the type a value that passes has, so a handler
 * reads exactly what was checked. Only what a handler reads is checked: a field the server ignores
 * may hold anything.
 */
export type Shape<T> = ((value: unknown, at: string) => string | null) & { readonly __type?: T };
export type ShapeType<S> = S extends Shape<infer T> ? T : never;

function shape<T>(check: (value: unknown, at: string) => string | null): Shape<T> {
  return check as Shape<T>;
}

/** A short description of a value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** What to say about a value that is not what `at` must be. */
function expected(at: string, what: string, value: unknown): string {
  return value === undefined ? `${at} is missing (it must be ${what})` : `${at} must be ${what}, got ${describe(value)}`;
}

const MAX_UINTEGER = 2 ** 31 - 1;

export const string = shape<string>((v, at) => (typeof v === 'string' ? null : expected(at, 'a string', v)));
export const boolean = shape<boolean>((v, at) => (typeof v === 'boolean' ? null : expected(at, 'true or false', v)));
/** LSP's uinteger: an integer from 0 to 2^31 − 1. */
export const uinteger = shape<number>((v, at) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_UINTEGER ? null : expected(at, `an integer from 0 to ${MAX_UINTEGER}`, v)));
export const integer = shape<number>((v, at) => (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= MAX_UINTEGER + 1 ? null : expected(at, 'an integer', v)));

/** Anything at all (a field passed on without being read). */
export const anything = shape<unknown>(() => null);

export function oneOf<const T extends readonly (string | number)[]>(...values: T): Shape<T[number]> {
  return shape((v, at) => (values.includes(v as T[number]) ? null : expected(at, `one of ${values.join(', ')}`, v)));
}

/** A field that may be absent (undefined); null is not absent. */
export function optional<T>(inner: Shape<T>): Shape<T | undefined> {
  return shape((v, at) => (v === undefined ? null : inner(v, at)));
}

export function array<T>(item: Shape<T>): Shape<T[]> {
  return shape((v, at) => {
    if (!Array.isArray(v)) return expected(at, 'an array', v);
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object<F extends Record<string, Shape<unknown>>>(fields: F): Shape<{ [K in keyof F]: ShapeType<F[K]> }> {
  return shape((v, at) => {
    if (!isRecord(v)) return expected(at, 'an object', v);
    for (const [key, field] of Object.entries(fields)) {
      const problem = field(v[key], `${at}.${key}`);
      if (problem) return problem;
    }
    return null;
  });
}

export const position = object({ line: uinteger, character: uinteger });

type Position = ShapeType<typeof position>;
const bounds = object({ start: position, end: position });

/** A range whose end is not before its start. */
export const range = shape<{ start: Position; end: Position }>((v, at) => {
  const problem = bounds(v, at);
  if (problem || !hasShape(v, bounds)) return problem;
  const { start: s, end: e } = v;
  return s.line < e.line || (s.line === e.line && s.character <= e.character) ? null : `${at} ends (${e.line}:${e.character}) before it starts (${s.line}:${s.character})`;
});

export const textDocument = object({ uri: string });
export const textDocumentPosition = object({ textDocument, position });

export const initiativeId = object({ root: string, folder: string, id: string });

export function hasShape<T>(value: unknown, s: Shape<T>): value is T {
  return s(value, 'value') === null;
}
