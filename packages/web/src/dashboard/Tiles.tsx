import { useTranslation } from 'react-i18next';
import { formatNumber, formatScore, localeOf, nameIn } from '../format.js';
import { useNames } from '../names.js';
import classes from './Dashboard.module.css';
import type { Dashboard } from './dashboardApi.js';

function Tile({
  id,
  label,
  value,
  children,
}: {
  id: string;
  label: string;
  value: string;
  children?: React.ReactNode;
}) {
  return (
    <section
      className={classes.tile}
      data-testid={`tile-${id}`}
      aria-labelledby={`tile-${id}-label`}
    >
      <h3 className={classes.label} id={`tile-${id}-label`}>
        {label}
      </h3>
      <p className={classes.value} data-testid={`tile-${id}-value`}>
        {value}
      </p>
      {children}
    </section>
  );
}

/**
 * The headline tiles: the index score and rank with change (the country: its provinces' mean,
 * best and lowest), targets achieved or on track, units meeting each criteria model, the current
 * reporting round and open data-quality issues (those two only for readers who may see them).
 */
export function Tiles({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const names = useNames();
  const n = (x: number | null) => formatNumber(x, language);
  const of = (x: number, total: number) => t('dashboard.of', { n: n(x), total: n(total) });
  const percent = (x: number) =>
    new Intl.NumberFormat(localeOf(language), {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(x);
  const { score, targets, criteria, reporting, quality } = dashboard.tiles;
  const signed = (x: number) =>
    new Intl.NumberFormat(localeOf(language), {
      maximumFractionDigits: 1,
      minimumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(x);

  return (
    <div className={classes.tiles} data-testid="dashboard-tiles">
      {score ? (
        <Tile
          id="score"
          label={
            score.kind === 'country' ? t('dashboard.tile.scoreCountry') : t('dashboard.tile.score')
          }
          value={formatScore(score.score, language)}
        >
          {score.kind === 'unit' && score.rank !== null && (
            <p className={classes.note} data-testid="tile-score-rank">
              {t('dashboard.rankOf', { rank: n(score.rank), units: n(score.units) })}
              {score.rank_change !== null && (
                <>
                  {' · '}
                  <span
                    className={
                      score.rank_change > 0 ? classes.up : score.rank_change < 0 ? classes.down : ''
                    }
                  >
                    {score.rank_change > 0
                      ? t('dashboard.rankUp', { count: score.rank_change, n: n(score.rank_change) })
                      : score.rank_change < 0
                        ? t('dashboard.rankDown', {
                            count: -score.rank_change,
                            n: n(-score.rank_change),
                          })
                        : t('dashboard.rankSame')}
                  </span>
                </>
              )}
            </p>
          )}
          {score.kind === 'country' && score.top && score.bottom && (
            <p className={classes.note}>
              {t('dashboard.topBottom', {
                top: nameIn(score.top.names, language),
                bottom: nameIn(score.bottom.names, language),
              })}
            </p>
          )}
          {score.score_change !== null && score.previous_period && (
            <p className={classes.note} data-testid="tile-score-change">
              {t('dashboard.scoreChange', {
                change: signed(score.score_change),
                period: score.previous_period,
              })}
            </p>
          )}
        </Tile>
      ) : (
        <Tile id="score" label={t('dashboard.tile.score')} value="–">
          <p className={classes.note}>{t('dashboard.noScore')}</p>
        </Tile>
      )}
      <Tile
        id="targets"
        label={t('dashboard.tile.targets')}
        value={of(targets.achieved + targets.on_track, targets.total)}
      >
        <p className={classes.note}>
          {targets.total === 0
            ? t('dashboard.noTargets')
            : t('dashboard.targetsNote', {
                achieved: n(targets.achieved),
                off: n(targets.off_track),
                regressing: n(targets.regressing),
              })}
        </p>
      </Tile>
      {criteria.map((c) => (
        <Tile
          key={c.model}
          id={`criteria-${c.model}`}
          label={t('dashboard.tile.criteria', {
            model: names.name('model', c.model, c.name),
          })}
          value={of(c.met, c.units)}
        >
          <p className={classes.note}>
            {t('dashboard.criteriaNote', { share: percent(c.share / 100), period: c.period })}
          </p>
        </Tile>
      ))}
      {reporting && (
        <Tile
          id="reporting"
          label={t('dashboard.tile.reporting', { period: reporting.period })}
          value={of(reporting.submitted, reporting.expected)}
        >
          <p className={classes.note}>
            {names.short(
              reporting.dataset_kind === 'criteria' ? 'model' : 'framework',
              reporting.dataset,
            )}
          </p>
          <p className={classes.note} data-testid="tile-reporting-note">
            {t('dashboard.reportingNote', {
              approved: n(reporting.approved),
              overdue: n(reporting.overdue),
              completeness: percent(reporting.value_completeness),
            })}
          </p>
        </Tile>
      )}
      {quality && (
        <Tile id="quality" label={t('dashboard.tile.quality')} value={n(quality.blocking)}>
          <p className={classes.note}>
            {t('dashboard.qualityNote', {
              warnings: n(quality.warnings),
              outliers: n(quality.outliers),
              period: quality.period,
            })}
          </p>
        </Tile>
      )}
    </div>
  );
}
