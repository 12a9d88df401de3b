/** @jsxRuntime automatic */
import type { ReportSection } from '../sections.js';

/** A numbered section, its heading the target of the contents' link (and the PDF's outline). */
export function Section({ section, number }: { section: ReportSection; number: number }) {
  return (
    <section className="section" id={section.id} aria-labelledby={`${section.id}-title`}>
      <h2 id={`${section.id}-title`}>
        <span className="section-number">{number}</span>
        {section.title}
      </h2>
      {section.body}
    </section>
  );
}
