/** @jsxRuntime automatic */
import { useReportLanguage } from '../context.js';

/**
 * The report's opening block: what kind of report, its subject, what it covers, its data revision
 * and date and, for a draft, the warning that it is not for publication.
 */
export function Cover({
  kicker,
  title,
  subtitle,
  facts,
  draft,
}: {
  kicker: string;
  title: string;
  subtitle: string;
  facts: [label: string, value: string][];
  draft: boolean;
}) {
  const { labels } = useReportLanguage();
  return (
    <header className="cover">
      <p className="kicker">{kicker}</p>
      <h1>{title}</h1>
      <p className="subtitle">{subtitle}</p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {draft && (
        <p className="draft-notice" role="note">
          {labels.document.draftNotice}
        </p>
      )}
    </header>
  );
}
