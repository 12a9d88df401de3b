import { parentPort, workerData } from 'node:worker_threads';
import { frameworkTree, prepareUncertainty, sampleDraws, simulateRuns } from '@dxmon/engine';
import type { UncertaintyReply, UncertaintyTask } from './uncertaintyJob.js';

// One worker thread of `dxmon uncertainty`: runs [from, to) of the plan, ranks sent back.
const port = parentPort;
if (!port) throw new Error('uncertaintyWorker runs only as a worker thread');
const { job, from, to } = workerData as UncertaintyTask;
try {
  const model = prepareUncertainty({
    tree: frameworkTree(job.framework),
    panel: job.panel,
    groups: job.groups,
    period: job.period,
    settings: job.settings,
    design: job.design,
    allLevels: job.allLevels,
  });
  const draws = sampleDraws(job.plan, model.inputs, job.seed, from, to);
  const ranks = simulateRuns(model, draws, to - from, (done) =>
    port.postMessage({ progress: done } satisfies UncertaintyReply),
  );
  port.postMessage({ ranks } satisfies UncertaintyReply, [ranks.buffer as ArrayBuffer]);
} catch (error) {
  port.postMessage({
    error: error instanceof Error ? error.message : String(error),
  } satisfies UncertaintyReply);
}
