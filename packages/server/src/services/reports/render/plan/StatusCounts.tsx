/** @jsxRuntime automatic */
import type { TargetGrade, TargetStatus } from '@dxmon/engine';
import type { ReactNode } from 'react';
import { formatInteger, formatPercent } from '../../labels.js';
import type { ReportPlan } from '../../model.js';
import { StatusBadge } from '../common/StatusBadge.js';
import { useReportLanguage } from '../context.js';

const statuses: TargetStatus[] = [
  'achieved',
  'on-track',
  'off-track',
  'regressing',
  'insufficient-data',
];
const grades: TargetGrade[] = ['acceleration-needed', 'limited'];

/** The plan's targets counted by status, off-track ones also by grade, with their shares. */
export function StatusCounts({ plan }: { plan: ReportPlan }) {
  const { lang, labels } = useReportLanguage();
  const c = labels.columns;
  const total = plan.targets.length;
  const count = (status: TargetStatus, grade?: TargetGrade) =>
    plan.targets.filter((t) => t.status === status && (grade === undefined || t.grade === grade))
      .length;
  const row = (key: string, badge: ReactNode, n: number, sub = false) => (
    <tr key={key} className={sub ? 'sub' : undefined}>
      <th scope="row">{badge}</th>
      <td className="num strong">{formatInteger(n, lang)}</td>
      <td className="num">{formatPercent(total > 0 ? n / total : null, lang)}</td>
    </tr>
  );
  return (
    <>
      <p className="lead">
        {labels.plans.scorecard(count('achieved'), total, (n) => formatInteger(n, lang))}
      </p>
      <table className="compact status-counts">
        <thead>
          <tr>
            <th scope="col">{c.status}</th>
            <th scope="col" className="num">
              {c.count}
            </th>
            <th scope="col" className="num">
              {c.share}
            </th>
          </tr>
        </thead>
        <tbody>
          {statuses.flatMap((status) => [
            row(status, <StatusBadge status={status} grade={null} />, count(status)),
            ...(status === 'off-track'
              ? grades.map((grade) =>
                  row(`${status}-${grade}`, labels.grade[grade], count(status, grade), true),
                )
              : []),
          ])}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{labels.plan.total}</th>
            <td className="num strong">{formatInteger(total, lang)}</td>
            <td className="num">{formatPercent(total > 0 ? 1 : null, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
