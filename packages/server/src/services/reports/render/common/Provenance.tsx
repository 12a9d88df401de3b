/** @jsxRuntime automatic */
import { formatDate, formatInstant } from '../../labels.js';
import type { ReportProvenance } from '../../model.js';
import { useReportLanguage } from '../context.js';

/** The data revision the figures come from, when, which values count, and who produced it. */
export function Provenance({ report }: { report: ReportProvenance }) {
  const { lang, labels } = useReportLanguage();
  const revision = String(report.data_revision);
  return (
    <>
      <dl className="facts facts-plain">
        <div>
          <dt>{labels.columns.dataRevision}</dt>
          <dd>{revision}</dd>
        </div>
        <div>
          <dt>{labels.columns.producedOn}</dt>
          <dd>{formatInstant(report.produced_at, lang)}</dd>
        </div>
      </dl>
      <p>{labels.provenance.revision(revision, formatDate(report.produced_at, lang))}</p>
      <p>{report.draft ? labels.provenance.draftValues : labels.provenance.approvedOnly}</p>
      <p className="muted">{labels.provenance.produced}</p>
    </>
  );
}
