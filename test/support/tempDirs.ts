import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Folders this process made; removed when it exits, so test and bench runs do not pile up in the temp folder. */
const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder still in use by a child that outlived us is left to the system's cleanup.
    }
  }
});

/** A new empty folder under the system temp folder, removed when this process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}
