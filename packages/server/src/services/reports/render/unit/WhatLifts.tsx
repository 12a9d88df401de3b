/** @jsxRuntime automatic */
import { formatChange, formatInteger, formatNumber } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { useReportLanguage } from '../context.js';

/** The indicators whose improvement would lift the score most (the engine's what-if). */
export function WhatLifts({ report }: { report: UnitReport }) {
  const { lang, labels } = useReportLanguage();
  const c = labels.columns;
  if (report.what_lifts.length === 0) return <p className="muted">{labels.whatLifts.none}</p>;
  return (
    <>
      <p>{labels.whatLifts.intro}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{c.indicator}</th>
            <th scope="col" className="num">
              {c.now}
            </th>
            <th scope="col" className="num">
              {c.assumedValue}
            </th>
            <th scope="col" className="num">
              {c.scoreGain}
            </th>
            <th scope="col" className="num">
              {c.newRank}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.what_lifts.map((w) => (
            <tr key={w.indicator}>
              <th scope="row" className="name">
                {w.name}
              </th>
              <td className="num">{formatNumber(w.value, lang)}</td>
              <td className="num">{formatNumber(w.assumed_value, lang)}</td>
              <td className="num strong">{formatChange(w.score_gain, lang)}</td>
              <td className="num">{formatInteger(w.rank_after, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
