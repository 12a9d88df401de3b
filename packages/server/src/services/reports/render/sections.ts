import type { ReactNode } from 'react';

/** One numbered section of a report: its anchor, its heading and its content. */
export interface ReportSection {
  id: string;
  title: string;
  body: ReactNode;
}
