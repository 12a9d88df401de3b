import { type ComputeResult, rankChange, rankWithinGroups, type UnitGroups } from '@dxmon/engine';
import { CliError } from '../cliError.js';
import type { ExtraColumn } from '../output/formatRows.js';

export const extraColumnNames = ['rank_change', 'group_rank'] as const;
export type ExtraColumnName = (typeof extraColumnNames)[number];

/** Parses `--with rank_change,group_rank`. */
export function parseExtraColumns(value: string | undefined): ExtraColumnName[] {
  if (value === undefined) return [];
  const names = value.split(',').map((n) => n.trim().replace('-', '_'));
  for (const name of names) {
    if (!(extraColumnNames as readonly string[]).includes(name)) {
      throw new CliError(
        `--with "${value}": unknown column "${name}"; use ${extraColumnNames.join(', ')}`,
      );
    }
  }
  return names as ExtraColumnName[];
}

/**
 * Columns beyond `unit,code,period,score,rank`, laid out as the result's scores:
 * `rank_change`, places gained since the previous period (`previousRanks` gives that period's ranks
 * when it was computed separately), and `group_rank`, the rank within the unit's group.
 */
export function extraColumns(
  names: readonly ExtraColumnName[],
  result: ComputeResult,
  previousRanks: Float64Array | undefined,
  groups: UnitGroups | undefined,
): ExtraColumn[] {
  const block = result.units.length * result.codes.length;
  return names.map((name) => {
    const values = new Float64Array(result.ranks.length).fill(Number.NaN);
    for (let p = 0; p < result.periods.length; p++) {
      const ranks = result.ranks.subarray(p * block, (p + 1) * block);
      if (name === 'rank_change') {
        const previous = p > 0 ? result.ranks.subarray((p - 1) * block, p * block) : previousRanks;
        if (previous) values.set(rankChange(ranks, previous), p * block);
      } else {
        if (!groups)
          throw new CliError('--with group_rank needs groups: add --group-by COLUMN (e.g. region)');
        const scores = result.scores;
        const nu = result.units.length;
        for (let n = 0; n < result.codes.length; n++) {
          const at = p * block + n * nu;
          values.set(rankWithinGroups(scores.subarray(at, at + nu), groups.of), at);
        }
      }
    }
    return { name, values };
  });
}
