import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient, type DiagnosticLike } from './support/client';
import { engineDiagnostics, normalise, ORBIT } from './support/fixtures';

const T = { timeout: 60_000 };

function asRecord(entries: Iterable<[string, readonly DiagnosticLike[]]>): Record<string, string[]> {
  return Object.fromEntries([...entries].filter(([, l]) => l.length > 0).map(([uri, l]) => [uri, normalise(l)]).sort());
}

describe('documents open with lone CR line endings', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ roots: [ORBIT], pull: true });
    await client.ready([ORBIT]);
  });
  after(async () => {
    await client.stop();
  });

  it('give the diagnostics of the same documents with LF', T, async () => {
    for (const name of readdirSync(ORBIT).filter((n) => n.endsWith('.md'))) {
      const file = path.join(ORBIT, name);
      await client.open(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r'));
    }
    const report = await client.request<{ items: { uri: string; items?: DiagnosticLike[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const server = asRecord(report.items.map((i) => [i.uri, i.items ?? []]));
    const expected = asRecord(await engineDiagnostics(ORBIT));
    assert.ok(Object.keys(expected).length > 5);
    assert.deepEqual(server, expected);
  });
});
