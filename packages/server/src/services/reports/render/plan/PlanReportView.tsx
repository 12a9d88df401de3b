/** @jsxRuntime automatic */
import { formatDate, formatInstant } from '../../labels.js';
import type { PlanReport } from '../../model.js';
import { Contents } from '../common/Contents.js';
import { Cover } from '../common/Cover.js';
import { Provenance } from '../common/Provenance.js';
import { Section } from '../common/Section.js';
import { useReportLanguage } from '../context.js';
import type { ReportSection } from '../sections.js';
import { StatusCounts } from './StatusCounts.js';
import { TargetDetail } from './TargetDetail.js';

/**
 * A plan's review report: its targets counted by status and grade, how targets are assessed, then
 * each target with its figures and chart, and the data behind it.
 */
export function PlanReportView({ report }: { report: PlanReport }) {
  const { lang, labels } = useReportLanguage();
  const { plan } = report;
  const s = labels.sections;
  const c = labels.columns;
  const sections: ReportSection[] = [
    {
      id: 'status-counts',
      title: s.statusCounts,
      body: (
        <>
          <p>{report.as_of ? labels.plan.asOf(report.as_of) : labels.plan.noAssessment}</p>
          <StatusCounts plan={plan} />
        </>
      ),
    },
    {
      id: 'assessment',
      title: s.assessment,
      body: (
        <>
          <p>{labels.plan.assessment}</p>
          <p>{labels.plan.forecastNote}</p>
        </>
      ),
    },
    {
      id: 'targets',
      title: s.targets,
      body:
        plan.targets.length === 0 ? (
          <p className="muted">{labels.plans.noTargets}</p>
        ) : (
          plan.targets.map((t, i) => <TargetDetail key={t.id} target={t} index={i} />)
        ),
    },
    { id: 'provenance', title: s.provenance, body: <Provenance report={report} /> },
  ];
  const facts: [string, string][] = [[c.code, plan.id]];
  if (plan.unit) facts.push([c.unit, plan.unit.name]);
  if (plan.adopted_on) facts.push([c.adoptedOn, formatDate(plan.adopted_on, lang)]);
  if (report.as_of) facts.push([c.asOf, report.as_of]);
  facts.push([c.dataRevision, String(report.data_revision)]);
  facts.push([c.producedOn, formatDate(report.produced_at, lang)]);
  return (
    <>
      <Cover
        kicker={labels.document.planReport}
        title={plan.name}
        subtitle={plan.unit ? plan.unit.name : plan.id}
        facts={facts}
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
