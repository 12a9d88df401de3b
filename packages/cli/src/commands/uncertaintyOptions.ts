import { availableParallelism } from 'node:os';
import type { AggregateSpec, ImputeMethod, NormaliseSpec, UncertaintyDesign } from '@dxmon/engine';
import { CliError } from '../cliError.js';
import { aggregateFlag, imputeFlag, normaliseFlag } from '../runOptions.js';

/** The flags of `dxmon uncertainty` as commander gives them. */
export interface UncertaintyFlags {
  framework: string;
  data: string;
  period?: string;
  groupBy?: string;
  runs: string;
  seed?: string;
  weights?: string;
  weightLevels?: string;
  normalise?: string;
  aggregate?: string;
  impute?: string;
  leaveOneOut?: boolean;
  sensitivity?: boolean;
  within?: string;
  bootstrap?: string;
  threads?: string;
  format?: string;
  out?: string;
  allLevels?: boolean;
}

/** The flags checked and made strict, before any file is read. */
export interface UncertaintyOptions {
  runs: number;
  seed: number;
  design: UncertaintyDesign;
  sensitivity: boolean;
  k: number;
  resamples: number;
  threads: number;
  format: 'csv' | 'json';
  allLevels: boolean;
}

/** The seed when none is given: runs stay reproducible, and the seed is printed. */
export const defaultSeed = 1;

/** At most this many runs: beyond, a run count is more likely a typo than a wish. */
const maxRuns = 10_000_000;

export function uncertaintyOptions(flags: UncertaintyFlags): UncertaintyOptions {
  const format = flags.format ?? (flags.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') {
    throw new CliError(`--format "${format}": use csv or json`);
  }
  const design: UncertaintyDesign = {};
  if (flags.weights !== undefined) {
    const spread = number('weights', flags.weights);
    if (!(spread >= 0 && spread < 1)) {
      throw new CliError(
        `--weights "${flags.weights}": give the relative spread, at least 0 and below 1 (0.25 perturbs each weight within ±25%)`,
      );
    }
    design.weights = { spread };
    if (flags.weightLevels !== undefined) {
      design.weights.levels = list('weight-levels', flags.weightLevels).map((level) => {
        const n = Number(level);
        if (!(Number.isInteger(n) && n >= 1)) {
          throw new CliError(
            `--weight-levels "${flags.weightLevels}": "${level}" is not a level; levels are whole numbers from 1 (the index's children)`,
          );
        }
        return n;
      });
    }
  } else if (flags.weightLevels !== undefined) {
    throw new CliError(
      `--weight-levels "${flags.weightLevels}": give --weights too (e.g. --weights 0.25)`,
    );
  }
  if (flags.normalise !== undefined) {
    design.normalise = list('normalise', flags.normalise).map(normaliseFlag) as NormaliseSpec[];
  }
  if (flags.aggregate !== undefined) {
    design.aggregate = list('aggregate', flags.aggregate).map(aggregateFlag) as AggregateSpec[];
  }
  if (flags.impute !== undefined) {
    design.impute = list('impute', flags.impute).map(imputeFlag) as ImputeMethod[];
  }
  if (flags.leaveOneOut) design.leaveOneOut = true;
  if (
    design.weights === undefined &&
    (design.normalise?.length ?? 0) < 2 &&
    (design.aggregate?.length ?? 0) < 2 &&
    (design.impute?.length ?? 0) < 2 &&
    !design.leaveOneOut
  ) {
    throw new CliError(
      'nothing is uncertain: give --weights SPREAD, two or more methods to --normalise, --aggregate or --impute, or --leave-one-out',
    );
  }
  return {
    runs: wholeNumber('runs', flags.runs, flags.sensitivity ? 2 : 1, maxRuns),
    seed: flags.seed === undefined ? defaultSeed : wholeNumber('seed', flags.seed, 0, 0xffffffff),
    design,
    sensitivity: Boolean(flags.sensitivity),
    k: flags.within === undefined ? 3 : wholeNumber('within', flags.within, 0, 1_000_000),
    resamples:
      flags.bootstrap === undefined ? 1000 : wholeNumber('bootstrap', flags.bootstrap, 1, 100_000),
    threads:
      flags.threads === undefined
        ? availableParallelism()
        : wholeNumber('threads', flags.threads, 1, 256),
    format,
    allLevels: Boolean(flags.allLevels),
  };
}

function list(flag: string, value: string): string[] {
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new CliError(
      `--${flag} "${value}": an empty item; separate methods with commas, e.g. a,b`,
    );
  }
  return items;
}

function number(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new CliError(`--${flag} "${value}": not a number`);
  }
  return n;
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(`--${flag} "${value}": give a whole number from ${min} to ${max}`);
  }
  return n;
}
