import type {
  Framework,
  Panel,
  RunSettings,
  SamplingPlan,
  UncertaintyDesign,
  UnitGroups,
} from '@dxmon/engine';

/**
 * What every thread of an uncertainty analysis needs to make its share of the runs: plain data
 * that crosses to a worker thread by structured clone. Each thread builds the same model from it
 * (the engine is deterministic), so only ranks come back.
 */
export interface UncertaintyJob {
  framework: Framework;
  panel: Panel;
  groups?: UnitGroups | undefined;
  period: string;
  settings: Partial<RunSettings>;
  design: UncertaintyDesign;
  allLevels: boolean;
  plan: SamplingPlan;
  seed: number;
}

/** A worker's share: runs [from, to) of the job's plan. */
export interface UncertaintyTask {
  job: UncertaintyJob;
  from: number;
  to: number;
}

export type UncertaintyReply = { progress: number } | { ranks: Uint32Array } | { error: string };
