import type { Location0 } from '../../protocol';

/** How the views name files for the client: a URI per workspace path, and the root's URI. */
export interface Locator {
  readonly root: string;
  uri(path: string): string;
}

/** The one place a core (1-based) line becomes a protocol (0-based) one. */
export function location0(locator: Locator, path: string, line: number): Location0 {
  return { uri: locator.uri(path), line: Math.max(0, line - 1) };
}
