import { Worker } from 'node:worker_threads';
import { planRuns, sampleDraws, simulateRuns, type UncertaintyModel } from '@dxmon/engine';
import type { UncertaintyJob, UncertaintyReply, UncertaintyTask } from './uncertaintyJob.js';

/** Runs the main thread makes between looks at its workers' progress messages. */
const slice = 25;

/**
 * Makes every run of `job` on `threads` threads: the runs are cut into contiguous shares, the
 * first made here (`model` is this thread's copy) and each other by a worker thread. Ranks come
 * back in run order, so the result does not depend on `threads`: each run's draws depend only on
 * the seed and its place in the plan. `onProgress` hears the total of runs done.
 */
export async function runUncertainty(
  job: UncertaintyJob,
  model: UncertaintyModel,
  threads: number,
  onProgress: (done: number) => void = () => {},
): Promise<Uint32Array> {
  const runs = planRuns(job.plan);
  const perRun = model.ranked.length * model.units.length;
  const ranks = new Uint32Array(runs * perRun);
  const shares = Math.max(1, Math.min(threads, runs));
  const bounds = Array.from({ length: shares + 1 }, (_, i) => Math.round((i * runs) / shares));
  const done = new Array<number>(shares).fill(0);
  const report = () => onProgress(done.reduce((a, b) => a + b, 0));

  // Bundled (scripts/bundle-cli.mjs) the worker is dist/dxmon-uncertainty.mjs; compiled module by
  // module it is uncertaintyWorker.js beside this file.
  const bundled = import.meta.url.endsWith('.mjs');
  const file = new URL(
    bundled ? './dxmon-uncertainty.mjs' : './uncertaintyWorker.js',
    import.meta.url,
  );
  const started: Worker[] = [];
  const workers = bounds.slice(1, -1).map((from, i) => {
    const to = bounds[i + 2] as number;
    return new Promise<void>((resolve, reject) => {
      const task: UncertaintyTask = { job, from, to };
      const worker = new Worker(file, { workerData: task });
      started.push(worker);
      worker.on('message', (reply: UncertaintyReply) => {
        if ('progress' in reply) {
          done[i + 1] = reply.progress;
          report();
        } else if ('ranks' in reply) {
          ranks.set(reply.ranks, from * perRun);
          resolve();
        } else reject(new Error(reply.error));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0)
          reject(new Error(`an uncertainty worker thread stopped (exit code ${code})`));
      });
    });
  });

  // Handled now, so that a worker failing while this thread works is not an unhandled rejection.
  const all = Promise.all(workers);
  all.catch(() => {});
  try {
    // This thread's share, in slices so that the workers' progress is heard meanwhile.
    const own = bounds[1] as number;
    const draws = sampleDraws(job.plan, model.inputs, job.seed, 0, own);
    for (let from = 0; from < own; from += slice) {
      const to = Math.min(own, from + slice);
      const part = draws.subarray(from * model.width, to * model.width);
      ranks.set(simulateRuns(model, part, to - from), from * perRun);
      done[0] = to;
      report();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await all;
    return ranks;
  } finally {
    // After a failure the other workers are no longer wanted.
    await Promise.all(started.map((worker) => worker.terminate()));
  }
}
