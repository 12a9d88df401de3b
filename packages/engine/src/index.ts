// The public surface of @dxmon/engine: pure functions over plain and typed arrays, no I/O.

export { aggregate } from './aggregate/aggregate.js';
export { arithmeticMean } from './aggregate/arithmeticMean.js';
export { generalisedMean } from './aggregate/generalisedMean.js';
export { geometricMean } from './aggregate/geometricMean.js';
export { harmonicMean } from './aggregate/harmonicMean.js';
export {
  type AggregateMethod,
  type AggregateSpec,
  aggregateMethods,
  aggregateSpecSchema,
} from './aggregate/spec.js';
export { type Analysis, analyse } from './analysis/analyse.js';
export { averageRanks } from './analysis/averageRanks.js';
export { cronbachAlpha } from './analysis/cronbachAlpha.js';
export { pearson } from './analysis/pearson.js';
export { spearman } from './analysis/spearman.js';
export { closeMatches, didYouMean } from './codes/closeMatches.js';
export {
  type ComputeInput,
  type ComputeResult,
  compute,
  type RunRecord,
  type Treatment,
} from './compute/compute.js';
export { type UnitGroups, unitGroups } from './compute/groups.js';
export { defaultRunSettings, nodeSettings, type RunSettings } from './compute/settings.js';
export { type CriterionOutcome, checkCriterion } from './criteria/checkCriterion.js';
export {
  type CriteriaEvaluation,
  type CriteriaSummary,
  type CriterionCount,
  evaluateCriteria,
  summariseCriteria,
  type UnitCriteriaResult,
} from './criteria/evaluateCriteria.js';
export {
  type CriteriaModelProblem,
  type ParsedCriteriaModel,
  parseCriteriaModel,
} from './criteria/parseCriteriaModel.js';
export {
  type CriteriaModel,
  type Criterion,
  type CriterionOp,
  criteriaModelSchema,
  criterionOps,
} from './criteria/schema.js';
export { type Contribution, contributions } from './explain/contributions.js';
export {
  defaultWhatIfShare,
  defaultWhatIfTop,
  type ExplainedNode,
  type ExplainInput,
  type Explanation,
  explainUnit,
} from './explain/explainUnit.js';
export { indicatorRawValues } from './explain/indicatorRawValues.js';
export {
  type NodeChange,
  type PeriodChange,
  type PeriodFigures,
  periodChange,
} from './explain/periodChange.js';
export { type ScoreGaps, scoreGaps, type UnitGap } from './explain/scoreGaps.js';
export { type SuccessorFiguresInput, successorFigures } from './explain/successorFigures.js';
export { type WhatIf, type WhatIfInput, type WhatIfItem, whatIf } from './explain/whatIf.js';
export { type BacktestScore, backtest } from './forecast/backtest.js';
export { type Calibration, calibrate } from './forecast/calibration.js';
export {
  forecastIndex,
  type IndexForecast,
  type IndexForecastOptions,
  type IndexHistory,
  type RankBand,
  rankBands,
} from './forecast/forecastIndex.js';
export {
  type CombinedModels,
  combineModels,
  forecastSeries,
  type ModelWeight,
  type PredictionInterval,
  type SeriesForecast,
  type SeriesForecastOptions,
  type SeriesPoint,
  type SkippedModel,
} from './forecast/forecastSeries.js';
export { type FanPoint, forecastTarget, type TargetForecast } from './forecast/forecastTarget.js';
export { methodSpread } from './forecast/methodSpread.js';
export { type Mixture, mixtureProbability, mixtureQuantile } from './forecast/mixture.js';
export {
  type Predictive,
  predictiveMedian,
  predictiveQuantile,
  probabilityOfReaching,
} from './forecast/predictive.js';
export {
  type SyntheticCase,
  type SyntheticKind,
  syntheticKinds,
  syntheticSeries,
} from './forecast/syntheticSeries.js';
export {
  dampingFactor,
  type TrendModel,
  type TrendModelName,
  trendModelNames,
  trendModels,
} from './forecast/trendModels.js';
export { evaluateFormula } from './formula/evaluate.js';
export {
  type FormulaNode,
  FormulaSyntaxError,
  formulaElements,
  parseFormula,
} from './formula/parse.js';
export { FrameworkError, type FrameworkTree, frameworkTree } from './framework/frameworkTree.js';
export { indicatorFormula } from './framework/indicatorFormula.js';
export { type ParsedFramework, parseFramework } from './framework/parseFramework.js';
export { type Framework, type FrameworkNode, frameworkNodeSchema } from './framework/schema.js';
export { type ValidateFrameworkOptions, validateFramework } from './framework/validateFramework.js';
export { imputeGroupMean } from './impute/imputeGroupMean.js';
export { imputeLatest } from './impute/imputeLatest.js';
export { imputeMean } from './impute/imputeMean.js';
export { imputeMedian } from './impute/imputeMedian.js';
export { type ImputeMethod, imputeMethods } from './impute/spec.js';
export {
  combineElement,
  type ElementAggregation,
  elementAggregations,
} from './lineage/combineElement.js';
export { successorScores } from './lineage/successorScores.js';
export { distanceToTarget } from './normalise/distanceToTarget.js';
export { goalposts } from './normalise/goalposts.js';
export { minmax } from './normalise/minmax.js';
export { normalise } from './normalise/normalise.js';
export { rankScores } from './normalise/rankScores.js';
export {
  type NormaliseMethod,
  type NormaliseSpec,
  normaliseMethods,
  normaliseSpecSchema,
} from './normalise/spec.js';
export { threshold } from './normalise/threshold.js';
export { zscore } from './normalise/zscore.js';
export { logTransform } from './outliers/logTransform.js';
export { passesSkewKurtosis } from './outliers/passesSkewKurtosis.js';
export {
  type OutlierMethod,
  type OutlierSpec,
  outlierMethods,
  outlierSpecSchema,
} from './outliers/spec.js';
export { type OutlierTreatment, treatOutliers } from './outliers/treatOutliers.js';
export { winsorise } from './outliers/winsorise.js';
export { comparePeriods, type Panel, panelColumn } from './panel/panel.js';
export {
  type BuiltPanel,
  type Duplicate,
  type PanelBuilder,
  panelBuilder,
} from './panel/panelBuilder.js';
export { periodYear } from './period/periodYear.js';
export { hasErrors, type Problem } from './problem.js';
export { checkRules, type RuleCheck } from './quality/checkRules.js';
export {
  type ComparisonOp,
  compareValues,
  comparisonOps,
  defaultRelativeTolerance,
} from './quality/compare.js';
export {
  evaluateRule,
  type RuleEvaluation,
  type RuleOutcome,
  type RuleTolerance,
} from './quality/evaluateRule.js';
export { defaultJumpFactor, type HistoryJumps, historyJumps } from './quality/historyJumps.js';
export {
  madConstant,
  meanAbsoluteDeviationConstant,
  modifiedZScores,
} from './quality/modifiedZScores.js';
export { type ParsedRule, parseRule, RuleError } from './quality/parseRule.js';
export {
  defaultMinimumPeers,
  defaultOutlierThreshold,
  type PeerOutlierOptions,
  type PeerOutliers,
  peerOutliers,
} from './quality/peerOutliers.js';
export { rankChange } from './rank/rankChange.js';
export { rankColumns } from './rank/rankColumns.js';
export { rankDescending } from './rank/rankDescending.js';
export { rankWithinGroups } from './rank/rankWithinGroups.js';
export { argsort } from './stats/argsort.js';
export { extent } from './stats/extent.js';
export { mean } from './stats/mean.js';
export { median } from './stats/median.js';
export { countPresent, isPresent, presentValues } from './stats/present.js';
export { quantile, quantileSorted } from './stats/quantile.js';
export { sampleExcessKurtosis } from './stats/sampleExcessKurtosis.js';
export { sampleSkewness } from './stats/sampleSkewness.js';
export { sampleStandardDeviation, sampleVariance } from './stats/sampleVariance.js';
export {
  type AssessOptions,
  assessTarget,
  type GrowthMethod,
  growthMethods,
  type Observation,
  type TargetAssessment,
} from './targets/assessTarget.js';
export { type BoundedValue, clampToBounds } from './targets/clampToBounds.js';
export { compoundGrowth } from './targets/compoundGrowth.js';
export { type LinearTrend, linearTrend } from './targets/linearTrend.js';
export { naturalBounds, type ValueBounds } from './targets/naturalBounds.js';
export {
  type ParsedTargets,
  parseTargetsYaml,
  type TargetProblem,
  targetsFromRecords,
} from './targets/parseTargets.js';
export {
  defaultProgressThresholds,
  type ProgressThresholds,
  progressStatus,
  type TargetGrade,
  type TargetStatus,
} from './targets/progressStatus.js';
export { type PlanSummary, rollupPlans } from './targets/rollupPlans.js';
export { type Target, targetSchema } from './targets/schema.js';
export {
  scalingFactor,
  type TrendProgress,
  trendProgress,
  trendThresholds,
} from './targets/trendProgress.js';
export {
  analyseUncertainty,
  summariseUncertainty,
  type UncertaintyOptions,
  type UncertaintyResult,
  uncertaintyPlan,
} from './uncertainty/analyseUncertainty.js';
export { bootstrapSobol, type SobolIntervals } from './uncertainty/bootstrapSobol.js';
export {
  type UncertainInput,
  type UncertaintyDesign,
  uncertainInputs,
} from './uncertainty/design.js';
export { nominalDraws } from './uncertainty/nominalDraws.js';
export {
  prepareUncertainty,
  type UncertaintyInput,
  type UncertaintyModel,
} from './uncertainty/prepareUncertainty.js';
export { fillUniform, type RandomStreams, randomStreams } from './uncertainty/randomStreams.js';
export { rankShift } from './uncertainty/rankShift.js';
export { planRuns, type SamplingPlan, sampleDraws } from './uncertainty/samplingPlan.js';
export {
  type SensitivityOptions,
  type SensitivityRow,
  sensitivityIndices,
} from './uncertainty/sensitivityIndices.js';
export { simulateRuns } from './uncertainty/simulateRuns.js';
export { type SobolIndices, sobolIndices } from './uncertainty/sobolIndices.js';
export { type RankInterval, summariseRanks } from './uncertainty/summariseRanks.js';
