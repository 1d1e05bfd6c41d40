import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Opening without blocking: a named pipe must not stall the read until a writer comes. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

export type RegularFileRead = { readonly bytes: Uint8Array } | { readonly error: string };

/**
 * Reads a file given by the user (an absolute path, not a workspace path) the way every workspace
 * file is read: opened without blocking, only when it is a regular file, and never more than
 * `maxBytes` (a device such as /dev/zero is refused, and a file that grows while it is read is
 * cut off at the limit and refused, not followed). The error is a short phrase for a message.
 */
export function readRegularFileSync(file: string, maxBytes: number): RegularFileRead {
  let fd: number | undefined;
  try {
    fd = openSync(file, READ_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { error: stat.isDirectory() ? 'EISDIR' : 'not a regular file' };
    if (stat.size > maxBytes) return { error: `${stat.size} bytes, over the ${maxBytes}-byte limit` };
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { error: `over the ${maxBytes}-byte limit` };
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { error: error instanceof Error && 'code' in error ? String(error.code) : 'unreadable' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
