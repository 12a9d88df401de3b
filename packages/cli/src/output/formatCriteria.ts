import type { CriteriaEvaluation, CriteriaModel } from '@dxmon/engine';
import { csvField } from './csvField.js';

export const criteriaFormats = ['csv', 'json', 'text'] as const;
export type CriteriaFormat = (typeof criteriaFormats)[number];

export interface CriteriaReport extends CriteriaEvaluation {
  model: CriteriaModel;
  period: string;
}

/**
 * A criteria evaluation as CSV (one row per unit; lists of codes separated by ";"), JSON
 * (`{model, period, units, criteria, summary}`) or text for people: each criterion's counts, the
 * units that fall short and why, then the headline.
 */
export function formatCriteria(report: CriteriaReport, format: CriteriaFormat): string {
  if (format === 'json') {
    const { model, period, units, criteria, summary } = report;
    return `${JSON.stringify(
      {
        model: { id: model.id, version: model.version, name: model.name ?? model.id },
        period,
        units,
        criteria,
        summary,
      },
      null,
      2,
    )}\n`;
  }
  if (format === 'csv') {
    const header = 'unit,met,mandatory_met,optional_met,failed,missing';
    const rows = report.units.map((u) =>
      [
        csvField(u.unit),
        String(u.met),
        String(u.mandatory_met),
        String(u.optional_met),
        csvField(u.failed.join(';')),
        csvField(u.missing.join(';')),
      ].join(','),
    );
    return `${[header, ...rows].join('\n')}\n`;
  }
  return text(report);
}

function text({ model, period, units, criteria, summary }: CriteriaReport): string {
  const lines = [`${model.name ?? model.id} (${model.id} ${model.version}), period ${period}`];
  const mandatory = criteria.filter((c) => c.mandatory).length;
  lines.push(
    `A unit meets it with all ${mandatory} mandatory criteria and at least ${model.pass.optional_min} of ${criteria.length - mandatory} optional ones.`,
    '',
  );
  const width = Math.max(...criteria.map((c) => c.code.length));
  model.criteria.forEach((c, i) => {
    const count = criteria[i];
    if (!count) return;
    const rule = `${c.indicator} ${c.op} ${c.value}`;
    lines.push(
      `  ${c.code.padEnd(width)}  ${c.mandatory ? 'mandatory' : 'optional '}  ${rule}: ${count.met} met, ${count.failed} failed, ${count.missing} missing`,
    );
  });
  const short = units.filter((u) => !u.met);
  if (short.length > 0) {
    lines.push('', `Units that do not meet the model (${short.length}):`);
    for (const u of short) {
      const why = [
        u.failed.length > 0 ? `failed ${u.failed.join(', ')}` : '',
        u.missing.length > 0 ? `missing ${u.missing.join(', ')}` : '',
      ].filter(Boolean);
      lines.push(`  ${u.unit}: ${why.join('; ')}`);
    }
  }
  lines.push(
    '',
    `${summary.met} of ${summary.units} units (${summary.share.toFixed(1)}%) meet ${model.id} ${model.version}`,
  );
  return `${lines.join('\n')}\n`;
}
