/** @jsxRuntime automatic */
import { formatInteger } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { peersChart } from '../charts/peersChart.js';
import { Chart } from '../common/Chart.js';
import { useReportLanguage } from '../context.js';

/** The unit among its region's units in the period, best first. */
export function Peers({ report }: { report: UnitReport }) {
  const { lang, labels } = useReportLanguage();
  const { items, region } = report.peers;
  const place = items.findIndex((i) => i.self);
  if (items.length === 0) return <p className="muted">{labels.headline.notRanked}</p>;
  return (
    // The sentence stays with its chart.
    <div className="keep">
      {place >= 0 && (
        <p>
          {labels.peers.position(
            formatInteger(place + 1, lang),
            formatInteger(items.length, lang),
            region ?? labels.peers.allUnits,
          )}
        </p>
      )}
      <Chart svg={peersChart(report)} caption={labels.peers.chart} />
    </div>
  );
}
