import type { ExplainedNode, Explanation, Framework, UnitGap } from '@dxmon/engine';

export const explanationFormats = ['text', 'json'] as const;
export type ExplanationFormat = (typeof explanationFormats)[number];

export interface ExplanationReport {
  framework: Framework;
  explanation: Explanation;
}

/** An explanation as JSON (everything; a number that cannot be computed is null) or a short report. */
export function formatExplanation(report: ExplanationReport, format: ExplanationFormat): string {
  if (format === 'json') {
    const { id, name, version } = report.framework;
    const framework = { id: id ?? null, name: name ?? null, version: version ?? null };
    return `${JSON.stringify({ framework, ...report.explanation }, finiteOrNull, 2)}\n`;
  }
  return text(report);
}

function finiteOrNull(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** Long lines of the report are wrapped at this width. */
const lineWidth = 100;
/** Names in tables are cut to this many characters. */
const nameWidth = 46;
/** The period change lists at most this many indicators, largest first. */
const changesShown = 10;

const raw = new Intl.NumberFormat('en', { maximumSignificantDigits: 4, useGrouping: false });
const score = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(2));
const signed = (x: number) => (Number.isNaN(x) ? '-' : `${x > 0 ? '+' : ''}${x.toFixed(2)}`);
const places = (n: number) =>
  Number.isNaN(n)
    ? 'no rank before'
    : n === 0
      ? 'no change'
      : `${n > 0 ? 'up' : 'down'} ${Math.abs(n)} place${Math.abs(n) === 1 ? '' : 's'}`;
const cut = (s: string, width: number) => (s.length <= width ? s : `${s.slice(0, width - 3)}...`);

function text({ framework, explanation: e }: ExplanationReport): string {
  const units = new Map(framework.nodes.map((n) => [n.code, n.unit]));
  // '%' goes with every number; another unit once, after the last of a pair ("8.1 -> 6.2 days").
  const number = (x: number, code: string) =>
    Number.isNaN(x) ? 'no value' : `${raw.format(x)}${units.get(code) === '%' ? '%' : ''}`;
  const suffix = (code: string) => {
    const unit = units.get(code);
    return unit && unit !== '%' ? ` ${unit}` : '';
  };
  const pair = (a: number, b: number, code: string) =>
    `${number(a, code)} -> ${number(b, code)}${Number.isNaN(b) ? '' : suffix(code)}`;
  const nameOf = new Map(e.nodes.map((n) => [n.code, n.name]));
  const lines: string[] = [];
  const title = framework.name ?? framework.id ?? 'index';
  lines.push(`${e.unit}, ${e.period}: ${title}`);
  if (Number.isNaN(e.score)) {
    lines.push(`${e.unit} has no index score in ${e.period}: too few of its values are present.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`Score ${score(e.score)}, rank ${e.rank} of ${e.units}.`);

  lines.push('', 'Contributions to the score');
  lines.push(
    e.method === 'arithmetic'
      ? '  weight: effective weight in the index; contribution = weight x score; the contributions add up to the score.'
      : '  Some aggregates are not arithmetic means: each shares its score among its children in proportion to\n  their weighted scores (weight here includes that), so the contributions still add up to the score.',
  );
  lines.push(
    `  ${'node'.padEnd(nameWidth)}  ${'weight'.padStart(7)}  ${'score'.padStart(7)}  contribution`,
  );
  for (const n of e.nodes.slice(1)) lines.push(`  ${contributionRow(n)}`);
  lines.push(
    `  ${'Score'.padEnd(nameWidth)}  ${''.padStart(7)}  ${''.padStart(7)}  ${score(e.score).padStart(12)}`,
  );

  lines.push('', 'Gaps');
  const { above, leader } = e.gaps;
  if (!above) lines.push(`  ${e.unit} ranks first.`);
  else {
    const same = leader?.unit === above.unit;
    const role = same ? 'just above and the leader' : 'just above';
    lines.push(...gapLines(above, role, e.unit, e.score, nameOf));
    if (leader && !same) lines.push(...gapLines(leader, 'the leader', e.unit, e.score, nameOf));
  }

  const w = e.what_if;
  lines.push(
    '',
    `What lifts ${e.unit} most: closing ${Math.round(w.share * 1000) / 10}% of its gap to the best performer on one indicator`,
  );
  if (w.items.length === 0) lines.push('  No indicator to simulate.');
  w.items.forEach((item, k) => {
    lines.push(
      `  ${k + 1}. ${nameOf.get(item.indicator) ?? item.indicator}: ${pair(item.value, item.target, item.indicator)} (best ${number(item.best, item.indicator)}, ${item.best_unit})`,
      `     score ${score(item.score)} -> ${score(item.new_score)} (${signed(item.score_gain)}), rank ${item.rank} -> ${item.new_rank} (${places(item.rank_gain)})`,
    );
  });
  if (w.skipped.length > 0) {
    lines.push(
      `  Not simulated, no value for ${e.unit} in ${e.period}: ${w.skipped.map((c) => nameOf.get(c) ?? c).join('; ')}`,
    );
  }

  const c = e.change;
  lines.push('');
  if (!c) lines.push(`No period before ${e.period} in the data: no change to show.`);
  else {
    lines.push(`Change since ${c.previous}`);
    lines.push(
      `  Score ${score(c.previous_score)} -> ${score(c.score)} (${signed(c.score_change)}); rank ${Number.isNaN(c.previous_rank) ? '-' : c.previous_rank} -> ${c.rank} (${places(c.rank_change)}).`,
    );
    const indicators = c.nodes
      .filter((n) => e.nodes.find((x) => x.code === n.code)?.kind === 'indicator' && n.change !== 0)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
    if (indicators.length > 0) {
      lines.push('  By indicator, in points of the score (they add up to the change):');
      for (const n of indicators.slice(0, changesShown)) {
        const values = pair(n.previous_value, n.value, n.code);
        const name = cut(nameOf.get(n.code) ?? n.code, nameWidth).padEnd(nameWidth);
        lines.push(`    ${signed(n.change).padStart(7)}  ${name}  ${values}`);
      }
      const more = indicators.length - changesShown;
      if (more > 0) lines.push(`    ... and ${more} more (see --format json)`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function contributionRow(n: ExplainedNode): string {
  const indent = '  '.repeat(Math.max(0, n.depth - 1));
  const name = cut(`${indent}${n.name}`, nameWidth).padEnd(nameWidth);
  const missing = Number.isNaN(n.score);
  const weight = missing ? '-' : `${(n.effective_weight * 100).toFixed(1)}%`;
  return `${name}  ${weight.padStart(7)}  ${(missing ? 'no data' : score(n.score)).padStart(7)}  ${score(n.contribution).padStart(12)}`;
}

function gapLines(
  gap: UnitGap,
  role: string,
  unit: string,
  own: number,
  nameOf: ReadonlyMap<string, string>,
): string[] {
  const byNode = gap.nodes
    .filter((n) => !Number.isNaN(n.gap))
    .map((n) => `${nameOf.get(n.code) ?? n.code} ${signed(n.gap)}`);
  return [
    `  ${gap.unit}, ${role} (rank ${gap.rank}): ${score(gap.score)}, ${score(gap.gap)} points ahead of ${score(own)}`,
    ...(byNode.length > 0
      ? wrap(`by pillar, ${gap.unit} minus ${unit}: ${byNode.join(', ')}`, lineWidth - 5).map(
          (line) => `     ${line}`,
        )
      : []),
  ];
}

/** Words of `text` in lines of at most `width` characters (a longer word has a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
