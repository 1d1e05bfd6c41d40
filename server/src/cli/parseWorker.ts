import { parentPort, workerData } from 'node:worker_threads';
import { analyzeBytes, type AnalysisOutcome } from '../core/analyze/document';
import type { Finding } from '../core/findings/finding';
import { Project } from '../core/project/project';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { isBatchRequest, isWorkerSetup, type BatchReply, type BatchRequest, type WorkerSetup } from '../node/workerProtocol';

/**
 * A parse worker of the worker pool (bundled as dist/worker.js): it reads the files of each batch
 * through a NodeWorkspace for the pool's root, so it never reads outside it. It answers an
 * analysis with the plain-data models, and a check (whole initiatives) with their findings, the
 * models staying here until the batch is done. Batches are handled one at a time, in order.
 */
function serve(): void {
  const port = parentPort;
  if (port === null || !isWorkerSetup(workerData)) throw new Error('parseWorker must be started by the worker pool');
  const setup: WorkerSetup = workerData;
  const workspace = new NodeWorkspace(setup.root);
  let project: Project | null = null;

  // Reads block: this thread has nothing else to do meanwhile (see NodeWorkspace.readSync).
  const analyze = (paths: readonly string[]): AnalysisOutcome[] => {
    const outcomes: AnalysisOutcome[] = [];
    for (const path of paths) outcomes.push(analyzeBytes(path, workspace.readSync(path), setup.config));
    return outcomes;
  };

  /** The findings of whole initiatives, resolved against every file of the workspace. */
  const check = (paths: readonly string[]): readonly Finding[] => {
    if (project === null) {
      project = new Project();
      // The main thread merges repeated findings over all batches (core/findings/copies.ts).
      project.deferMerges = true;
      // The main thread parsed the configuration and reports its problems itself.
      project.setConfig({ config: setup.config, problems: [] });
      project.setFiles(setup.files ?? []);
    }
    for (const outcome of analyze(paths)) project.setOutcome(outcome);
    const findings = project.findings();
    project.evict(paths);
    return findings;
  };

  const answer = (message: BatchRequest): BatchReply => {
    try {
      if (message.check) return { id: message.id, findings: check(message.paths) };
      return { id: message.id, outcomes: analyze(message.paths) };
    } catch (error) {
      return { id: message.id, error: error instanceof Error ? error.message : String(error) };
    }
  };

  // Batches are answered synchronously, so one at a time and in order.
  port.on('message', (message: unknown) => {
    if (!isBatchRequest(message)) throw new Error('parseWorker received a message that is not a batch');
    port.postMessage(answer(message));
  });
}

serve();
