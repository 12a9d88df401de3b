/** @jsxRuntime automatic */
import { formatDate, formatInteger } from '../../labels.js';
import type { ReportPlan } from '../../model.js';
import { TargetsTable } from '../common/TargetsTable.js';
import { useReportLanguage } from '../context.js';

/** Every plan covering the unit, with the status of each of its targets. */
export function Plans({ plans }: { plans: ReportPlan[] }) {
  const { lang, labels } = useReportLanguage();
  if (plans.length === 0) return <p className="muted">{labels.plans.none}</p>;
  const n = (value: number) => formatInteger(value, lang);
  return (
    <>
      {plans.map((plan) => (
        <div className="plan" key={plan.id}>
          <h3>{plan.name}</h3>
          <p className="plan-meta">
            <span className="code">{plan.id}</span>
            {plan.adopted_on && (
              <span>{labels.plans.adopted(formatDate(plan.adopted_on, lang))}</span>
            )}
            <span className="strong">
              {labels.plans.scorecard(plan.summary.achieved, plan.summary.total, n)}
            </span>
          </p>
          {plan.targets.length === 0 ? (
            <p className="muted">{labels.plans.noTargets}</p>
          ) : (
            <TargetsTable targets={plan.targets} />
          )}
        </div>
      ))}
      <p className="note">{labels.plans.growthNote}</p>
      <p className="note">{labels.plan.forecastNote}</p>
    </>
  );
}
