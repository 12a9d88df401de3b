/** @jsxRuntime automatic */
import { formatDate, formatInstant, type ReportLabels } from '../../labels.js';
import type { UnitReport } from '../../model.js';
import { Contents } from '../common/Contents.js';
import { Cover } from '../common/Cover.js';
import { Provenance } from '../common/Provenance.js';
import { Section } from '../common/Section.js';
import { useReportLanguage } from '../context.js';
import type { ReportSection } from '../sections.js';
import { Annex } from './Annex.js';
import { Children } from './Children.js';
import { Headline } from './Headline.js';
import { History } from './History.js';
import { Methodology } from './Methodology.js';
import { Peers } from './Peers.js';
import { Pillars } from './Pillars.js';
import { Plans } from './Plans.js';
import { WhatLifts } from './WhatLifts.js';

/** The unit report's sections in order; the units below only for a unit that has them. */
function unitSections(report: UnitReport, titles: ReportLabels['sections']): ReportSection[] {
  const sections: (ReportSection | null)[] = [
    { id: 'headline', title: titles.headline, body: <Headline report={report} /> },
    { id: 'pillars', title: titles.pillars, body: <Pillars report={report} /> },
    { id: 'history', title: titles.history, body: <History report={report} /> },
    { id: 'peers', title: titles.peers, body: <Peers report={report} /> },
    { id: 'what-lifts', title: titles.whatLifts, body: <WhatLifts report={report} /> },
    { id: 'plans', title: titles.plans, body: <Plans plans={report.plans} /> },
    report.children
      ? {
          id: 'children',
          title: titles.children,
          body: <Children units={report.children} />,
        }
      : null,
    { id: 'annex', title: titles.annex, body: <Annex report={report} /> },
    { id: 'methodology', title: titles.methodology, body: <Methodology report={report} /> },
    { id: 'provenance', title: titles.provenance, body: <Provenance report={report} /> },
  ];
  return sections.filter((s): s is ReportSection => s !== null);
}

/** A unit's report: its cover, the contents, then every section. */
export function UnitReportView({ report }: { report: UnitReport }) {
  const { lang, labels } = useReportLanguage();
  const sections = unitSections(report, labels.sections);
  const c = labels.columns;
  return (
    <>
      <Cover
        kicker={labels.document.unitReport}
        title={report.unit.name}
        subtitle={`${report.framework.name} · ${report.period}`}
        facts={[
          [c.code, report.unit.code],
          [c.level, labels.levelName(report.unit.level, 1)],
          [c.dataRevision, String(report.data_revision)],
          [c.producedOn, formatDate(report.produced_at, lang)],
        ]}
        draft={report.draft}
      />
      <Contents sections={sections} />
      <main>
        {sections.map((section, i) => (
          <Section key={section.id} section={section} number={i + 1} />
        ))}
      </main>
      <footer className="colophon">
        {labels.document.producedWith} · {formatInstant(report.produced_at, lang)}
      </footer>
    </>
  );
}
