import {
  type AggregateSpec,
  aggregateSpecSchema,
  type ImputeMethod,
  imputeMethods,
  type NormaliseSpec,
  normaliseSpecSchema,
  type OutlierSpec,
  type RunSettings,
} from '@dxmon/engine';
import { CliError } from './cliError.js';

/** The compute flags as commander gives them. */
export interface RunFlags {
  normalise?: string;
  aggregate?: string;
  impute?: string;
  outliers?: string;
}

/**
 * Turns the loose flags into strict run settings once, with a clear message for each bad value.
 * Parameters follow the method after colons: `minmax:1:100`, `zscore:100:10`, `goalposts:0:50`,
 * `generalised:0.5`.
 */
export function runSettings(flags: RunFlags): Partial<RunSettings> {
  const settings: Partial<RunSettings> = {};
  if (flags.normalise !== undefined) settings.normalise = normaliseFlag(flags.normalise);
  if (flags.aggregate !== undefined) settings.aggregate = aggregateFlag(flags.aggregate);
  if (flags.impute !== undefined) settings.impute = imputeFlag(flags.impute);
  if (flags.outliers !== undefined) settings.outliers = outliersFlag(flags.outliers);
  return settings;
}

function parts(flag: string, value: string): [string, number[]] {
  const [method = '', ...rest] = value.split(':');
  const numbers = rest.map((p) => {
    const n = Number(p);
    if (p.trim() === '' || !Number.isFinite(n)) {
      throw new CliError(`--${flag} "${value}": "${p}" is not a number`);
    }
    return n;
  });
  return [method.trim(), numbers];
}

/** The forms each method may be written in, by how many numbers follow its name. */
interface MethodForms {
  forms: Record<number, (n: number[]) => unknown>;
  /** How to write it, for the error message. */
  usage: string;
}

function methodFlag<T>(
  flag: string,
  value: string,
  methods: Record<string, MethodForms>,
  schema: SafeParser<T>,
  unknown: string,
): T {
  const [method, n] = parts(flag, value);
  const spec = methods[method];
  if (!spec) throw new CliError(`--${flag} "${value}": unknown method; ${unknown}`);
  const make = spec.forms[n.length];
  if (!make) throw new CliError(`--${flag} "${value}": write ${spec.usage}`);
  return parse(flag, value, schema, make(n));
}

const normaliseForms: Record<string, MethodForms> = {
  minmax: {
    forms: {
      0: () => ({ method: 'minmax' }),
      2: ([l, u]) => ({ method: 'minmax', range: [l, u] }),
    },
    usage: 'minmax or minmax:LOW:HIGH (e.g. minmax:1:100)',
  },
  zscore: {
    forms: { 0: () => ({ method: 'zscore' }), 2: ([mean, sd]) => ({ method: 'zscore', mean, sd }) },
    usage: 'zscore or zscore:MEAN:SD (e.g. zscore:100:10)',
  },
  goalposts: {
    forms: { 2: ([lower, upper]) => ({ method: 'goalposts', lower, upper }) },
    usage:
      'goalposts:LOWER:UPPER (e.g. goalposts:0:100), or set the goalposts per indicator in the framework',
  },
  rank: { forms: { 0: () => ({ method: 'rank' }) }, usage: 'rank, which takes no numbers' },
};

const aggregateForms: Record<string, MethodForms> = {
  arithmetic: {
    forms: { 0: () => ({ method: 'arithmetic' }) },
    usage: 'arithmetic, which takes no numbers',
  },
  geometric: {
    forms: { 0: () => ({ method: 'geometric' }) },
    usage: 'geometric, which takes no numbers',
  },
  harmonic: {
    forms: { 0: () => ({ method: 'harmonic' }) },
    usage: 'harmonic, which takes no numbers',
  },
  generalised: {
    forms: { 1: ([p]) => ({ method: 'generalised', p }) },
    usage: 'generalised:P with the order P (e.g. generalised:0.5)',
  },
};

export function normaliseFlag(value: string): NormaliseSpec {
  return methodFlag(
    'normalise',
    value,
    normaliseForms,
    normaliseSpecSchema,
    'use minmax, zscore, goalposts or rank (other methods, such as distance-to-target, are set per indicator in the framework)',
  );
}

export function aggregateFlag(value: string): AggregateSpec {
  return methodFlag(
    'aggregate',
    value,
    aggregateForms,
    aggregateSpecSchema,
    'use arithmetic, geometric, harmonic or generalised:P',
  );
}

export function imputeFlag(value: string): ImputeMethod {
  if (!(imputeMethods as readonly string[]).includes(value)) {
    throw new CliError(`--impute "${value}": unknown method; use ${imputeMethods.join(', ')}`);
  }
  return value as ImputeMethod;
}

function outliersFlag(value: string): OutlierSpec {
  if (value === 'none') return { method: 'none' };
  if (value === 'winsorise' || value === 'winsorize')
    return { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 };
  throw new CliError(`--outliers "${value}": unknown method; use none or winsorise`);
}

type SafeParser<T> = {
  safeParse(
    v: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

function parse<T>(flag: string, value: string, schema: SafeParser<T>, candidate: unknown): T {
  const result = schema.safeParse(candidate);
  if (result.success) return result.data;
  const why = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new CliError(`--${flag} "${value}": ${why}`);
}
