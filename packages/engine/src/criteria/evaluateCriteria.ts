import { checkCriterion } from './checkCriterion.js';
import type { CriteriaModel } from './schema.js';

/** How one unit fares against a model. */
export interface UnitCriteriaResult {
  unit: string;
  met: boolean;
  /** Codes of the criteria whose value does not hold, in the model's order. */
  failed: string[];
  /** Codes of the criteria without a value; they do not hold either. */
  missing: string[];
  mandatory_met: number;
  optional_met: number;
}

/** How many units of those evaluated meet the model; `share` is a percentage (0 to 100). */
export interface CriteriaSummary {
  units: number;
  met: number;
  share: number;
}

/** Per criterion: how many units meet it, fail it and lack its value. */
export interface CriterionCount {
  code: string;
  mandatory: boolean;
  met: number;
  failed: number;
  missing: number;
}

export interface CriteriaEvaluation {
  units: UnitCriteriaResult[];
  criteria: CriterionCount[];
  summary: CriteriaSummary;
}

/**
 * Checks every unit against the model: it meets it when every mandatory criterion holds and at
 * least `pass.optional_min` optional ones do. `value(unit, indicator)` gives the unit's value of an
 * indicator in the period assessed, NaN when there is none.
 */
export function evaluateCriteria(
  model: CriteriaModel,
  units: readonly string[],
  value: (unit: string, indicator: string) => number,
): CriteriaEvaluation {
  const counts: CriterionCount[] = model.criteria.map((c) => ({
    code: c.code,
    mandatory: c.mandatory,
    met: 0,
    failed: 0,
    missing: 0,
  }));
  const mandatoryTotal = model.criteria.filter((c) => c.mandatory).length;
  const results = units.map((unit): UnitCriteriaResult => {
    const failed: string[] = [];
    const missing: string[] = [];
    let mandatoryMet = 0;
    let optionalMet = 0;
    model.criteria.forEach((criterion, i) => {
      const outcome = checkCriterion(criterion, value(unit, criterion.indicator));
      const count = counts[i] as CriterionCount;
      count[outcome] += 1;
      if (outcome === 'met') {
        if (criterion.mandatory) mandatoryMet += 1;
        else optionalMet += 1;
      } else if (outcome === 'failed') failed.push(criterion.code);
      else missing.push(criterion.code);
    });
    return {
      unit,
      met: mandatoryMet === mandatoryTotal && optionalMet >= model.pass.optional_min,
      failed,
      missing,
      mandatory_met: mandatoryMet,
      optional_met: optionalMet,
    };
  });
  return { units: results, criteria: counts, summary: summariseCriteria(results) };
}

/** The count and share of units that meet the model (share 0 when there are no units). */
export function summariseCriteria(
  results: readonly Pick<UnitCriteriaResult, 'met'>[],
): CriteriaSummary {
  const met = results.filter((r) => r.met).length;
  return {
    units: results.length,
    met,
    share: results.length === 0 ? 0 : (100 * met) / results.length,
  };
}
