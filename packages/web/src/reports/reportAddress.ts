/** What a report is of: a unit in a framework and period, or a plan. */
export type ReportSubject =
  | { kind: 'unit'; code: string; framework: string; period: string }
  | { kind: 'plan'; id: string };

export type ReportFormat = 'pdf' | 'xlsx' | 'html';

/**
 * The API's address of a report document (GET /api/reports/…). Plan ids may hold `/`: the id is
 * one path segment, URL-encoded.
 */
export function reportUrl(
  subject: ReportSubject,
  format: ReportFormat,
  language: string,
  draft = false,
): string {
  const query = new URLSearchParams({ lang: language });
  if (draft) query.set('draft', 'true');
  if (subject.kind === 'unit') {
    const q = new URLSearchParams({ framework: subject.framework, period: subject.period });
    for (const [k, v] of query) q.set(k, v);
    return `/api/reports/unit/${encodeURIComponent(`${subject.code}.${format}`)}?${q}`;
  }
  return `/api/reports/plan/${encodeURIComponent(`${subject.id}.${format}`)}?${query}`;
}

/** The web app's page showing the report (with print and download buttons). */
export function reportPage(subject: ReportSubject, language: string): string {
  const query = new URLSearchParams({ lang: language });
  if (subject.kind === 'unit') {
    query.set('framework', subject.framework);
    query.set('period', subject.period);
    return `/reports/unit/${encodeURIComponent(subject.code)}?${query}`;
  }
  return `/reports/plan/${encodeURIComponent(subject.id)}?${query}`;
}
