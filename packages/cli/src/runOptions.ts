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
    if (p.trim() === '' || !Number.isFinite(n))
      throw new CliError(`--${flag} ${value}: "${p}" is not a number`);
    return n;
  });
  return [method.trim(), numbers];
}

function normaliseFlag(value: string): NormaliseSpec {
  const [method, n] = parts('normalise', value);
  const candidates: Record<string, () => unknown> = {
    minmax: () => ({ method, ...(n.length ? { range: [n[0], n[1]] } : {}) }),
    zscore: () => ({ method, ...(n.length ? { mean: n[0], sd: n[1] } : {}) }),
    goalposts: () => {
      if (n.length < 2)
        throw new CliError(
          '--normalise goalposts needs its bounds: goalposts:LOWER:UPPER (e.g. goalposts:0:100), or set them per indicator in the framework',
        );
      return { method, lower: n[0], upper: n[1] };
    },
    rank: () => ({ method }),
  };
  const make = candidates[method];
  if (!make)
    throw new CliError(
      `--normalise "${value}": unknown method; use minmax, zscore, goalposts or rank (other methods, such as distance-to-target, are set per indicator in the framework)`,
    );
  return parse('normalise', value, normaliseSpecSchema, make());
}

function aggregateFlag(value: string): AggregateSpec {
  const [method, n] = parts('aggregate', value);
  if (!['arithmetic', 'geometric', 'harmonic', 'generalised'].includes(method)) {
    throw new CliError(
      `--aggregate "${value}": unknown method; use arithmetic, geometric, harmonic or generalised:P`,
    );
  }
  if (method === 'generalised' && n.length === 0)
    throw new CliError(
      '--aggregate generalised needs its order: generalised:P (e.g. generalised:0.5)',
    );
  return parse(
    'aggregate',
    value,
    aggregateSpecSchema,
    method === 'generalised' ? { method, p: n[0] } : { method },
  );
}

function imputeFlag(value: string): ImputeMethod {
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

function parse<T>(
  flag: string,
  value: string,
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  candidate: unknown,
): T {
  const result = schema.safeParse(candidate);
  if (result.success) return result.data;
  const why = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new CliError(`--${flag} "${value}": ${why}`);
}
