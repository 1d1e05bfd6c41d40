import { parentPort, workerData } from 'node:worker_threads';
import { analyzeBytes, type AnalysisOutcome } from '../core/analyze/document';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { isBatchRequest, isWorkerSetup, type BatchReply } from '../node/workerProtocol';

/**
 * A parse worker of the worker pool (bundled as dist/worker.js): it reads the files of each batch
 * through a NodeWorkspace for the pool's root, so it never reads outside it, and answers with the
 * plain-data models. Batches are handled one at a time, in order.
 */
function serve(): void {
  const port = parentPort;
  if (port === null || !isWorkerSetup(workerData)) throw new Error('parseWorker must be started by the worker pool');
  const { config } = workerData;
  const workspace = new NodeWorkspace(workerData.root);
  let queue = Promise.resolve();
  port.on('message', (message: unknown) => {
    if (!isBatchRequest(message)) throw new Error('parseWorker received a message that is not a batch');
    queue = queue.then(async () => {
      let reply: BatchReply;
      try {
        const outcomes: AnalysisOutcome[] = [];
        for (const path of message.paths) outcomes.push(analyzeBytes(path, await workspace.read(path), config));
        reply = { id: message.id, outcomes };
      } catch (error) {
        reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
    });
  });
}

serve();
