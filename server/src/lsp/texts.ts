import { decodeDocument, loneCrToLf } from '../core/parse/decode';
import type { TextOf } from '../core/views/specContext';
import type { Root } from './roots';
import type { Session } from './session';

/**
 * The texts the spec views read for one request: an open document's editor text, else the disk's
 * (only files of the root's index; a file that cannot be decoded has no text). Read once per request.
 */
export function requestTexts(session: Session, root: Root): TextOf {
  const read = new Map<string, string | null>();
  return (path) => {
    const hit = read.get(path);
    if (hit !== undefined) return hit;
    let text = session.openText(root, path);
    if (text === null && root.project.index.hasFile(path)) {
      const bytes = root.disk.readSync(path);
      const decoded = bytes ? decodeDocument(bytes, root.project.config.maxFileSize) : null;
      text = decoded && 'text' in decoded ? decoded.text : null;
    }
    const value = text === null ? null : loneCrToLf(text);
    read.set(path, value);
    return value;
  };
}
