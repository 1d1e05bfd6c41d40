import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runOrOpen } from '../../server/src/lsp/openRace';
import { Session } from '../../server/src/lsp/session';
import { readInitializationOptions } from '../../server/src/lsp/settings';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function session(): Session {
  return new Session(new TextDocuments(TextDocument), readInitializationOptions({}), () => undefined);
}

describe('a run raced against the next open', () => {
  it('gives the run, or null when a document opens first', async () => {
    const s = session();
    assert.deepEqual(await runOrOpen(s, Promise.resolve([1, 2])), [1, 2]);
    const never = new Promise<number[]>(() => undefined);
    const raced = runOrOpen(s, never);
    s.opened('file:///w/TODO001.md');
    assert.equal(await raced, null);
  });

  it('keeps nothing of a settled run while no document opens', async () => {
    const s = session();
    const race = async (i: number): Promise<WeakRef<object>> => {
      const outcomes = { models: new Array<number>(100_000).fill(i) };
      const ref = new WeakRef(outcomes);
      await runOrOpen(s, Promise.resolve(outcomes));
      return ref;
    };
    const runs = [await race(0), await race(1), await race(2)];
    // Let the settled promises' jobs finish before collecting.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.deepEqual(
      runs.map((r) => r.deref() === undefined),
      [true, true, true],
      'every run is collectable once its race settled',
    );
  });
});
