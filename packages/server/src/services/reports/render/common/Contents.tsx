/** @jsxRuntime automatic */
import { useReportLanguage } from '../context.js';
import type { ReportSection } from '../sections.js';

/** The table of contents: every section, numbered, linked to its heading. */
export function Contents({ sections }: { sections: ReportSection[] }) {
  const { labels } = useReportLanguage();
  return (
    <nav className="contents" aria-labelledby="contents-title">
      <h2 id="contents-title">{labels.document.contents}</h2>
      <ol>
        {sections.map((section, i) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>
              <span className="section-number">{i + 1}</span>
              <span className="contents-title">{section.title}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
