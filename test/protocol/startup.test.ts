import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { MINIMAL_CAPABILITIES, VSCODE_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/client';
import { orbitCopy } from './support/fixtures';

const T = { timeout: 60_000 };
const ERROR = 1;

const clients: TestClient[] = [];
after(async () => {
  for (const client of clients) await client.stop();
});

/** Starts a client with these capabilities on a copy of the example, and waits until it is indexed and answering. */
async function started(capabilities: ClientCapabilities): Promise<TestClient> {
  const root = orbitCopy();
  const client = await TestClient.start({ roots: [root], capabilities });
  clients.push(client);
  await client.ready([root]);
  // One round trip after the index: whatever the start logged is on the wire before this answer.
  await client.request('proofmark/completionTree', {});
  return client;
}

function errorsLogged(client: TestClient): string[] {
  return client.received.filter((r) => (r.method === 'window/logMessage' || r.method === 'window/showMessage') && (r.params as { type: number }).type === ERROR).map((r) => (r.params as { message: string }).message);
}

describe('a normal start logs no error', () => {
  it('with the capabilities of VS Code', T, async () => {
    const client = await started(VSCODE_CAPABILITIES);
    assert.deepEqual(errorsLogged(client), []);
    assert.deepEqual(client.earlyRequests, [], 'no request to the client before the initialize response');
    // Folder changes are announced statically, so nothing registers them at run time.
    const registered = client.received.filter((r) => r.method === 'client/registerCapability').flatMap((r) => (r.params as { registrations: { method: string }[] }).registrations.map((g) => g.method));
    assert.deepEqual(registered, ['workspace/didChangeWatchedFiles']);
  });

  it('with a client that announces no capability', T, async () => {
    const client = await started(MINIMAL_CAPABILITIES);
    assert.ok(client.initializeResult?.capabilities.hoverProvider, 'the server initialized');
    assert.deepEqual(errorsLogged(client), []);
    assert.deepEqual(client.received.filter((r) => r.method === 'client/registerCapability'), [], 'nothing is registered with a client that cannot register');
    assert.ok(client.latestPublished().size > 0, 'diagnostics are published');
  });
});
