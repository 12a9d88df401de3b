/** @jsxRuntime automatic */
import { formatChange, formatDate, formatInteger, formatScore, joinNames } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { useReportLanguage } from '../context.js';

function KeyFigure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="key-figure">
      <div className="key-label">{label}</div>
      <div className="key-value">{value}</div>
      <div className="key-note">{note}</div>
    </div>
  );
}

/**
 * Where the unit stands: its score, its rank of N, the change since the previous period and the
 * rank's 5th-95th percentile interval, then the same in a sentence.
 */
export function Headline({ report }: { report: UnitReport }) {
  const { lang, labels } = useReportLanguage();
  const h = report.headline;
  const l = labels.headline;
  const units = formatInteger(h.units, lang);
  const rank = h.rank === null ? null : formatInteger(h.rank, lang);
  const changeNote =
    h.previous_period === null
      ? l.noPrevious
      : [
          h.rank_change === null
            ? null
            : l.places(h.rank_change, formatInteger(Math.abs(h.rank_change), lang)),
          l.since(h.previous_period),
        ]
          .filter(Boolean)
          .join(' ');
  const interval = h.rank_interval;
  return (
    <>
      <div className="key-figures">
        <KeyFigure
          label={labels.columns.score}
          value={formatScore(h.score, lang)}
          note={`${report.framework.name}, ${report.period}`}
        />
        <KeyFigure
          label={labels.columns.rank}
          value={rank ?? '–'}
          note={rank === null ? l.notRanked : l.outOf(units)}
        />
        <KeyFigure
          label={labels.columns.change}
          value={h.previous_period === null ? '–' : formatChange(h.score_change, lang)}
          note={changeNote}
        />
        <KeyFigure
          label={l.rankInterval}
          value={
            interval
              ? `${formatInteger(interval.p05, lang)}–${formatInteger(interval.p95, lang)}`
              : '–'
          }
          note={
            interval
              ? l.intervalNote(
                  formatInteger(interval.median, lang),
                  formatInteger(interval.runs, lang),
                )
              : l.noInterval
          }
        />
      </div>
      {rank !== null && (
        <p className="lead">
          {l.summary(report.unit.name, rank, units, report.framework.name, report.period)}
        </p>
      )}
      {h.derived && (
        <p className="note">
          {l.derived(
            report.period,
            joinNames(
              report.unit.predecessors.map((p) => p.name),
              lang,
            ),
          )}
        </p>
      )}
      {report.unit.predecessors.length > 0 && (
        <p className="note">
          {l.formedFrom(
            formatDate(report.unit.valid_from, lang),
            joinNames(
              report.unit.predecessors.map((p) => p.name),
              lang,
            ),
          )}
        </p>
      )}
    </>
  );
}
