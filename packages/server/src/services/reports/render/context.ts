import { createContext, useContext } from 'react';
import type { Language } from '../../translations.js';
import { labelsFor, type ReportLabels } from '../labels.js';

/** The report's language and its labels, for every component of the document. */
export interface ReportLanguage {
  lang: Language;
  labels: ReportLabels;
}

export const ReportLanguageContext = createContext<ReportLanguage>({
  lang: 'en',
  labels: labelsFor('en'),
});

export function useReportLanguage(): ReportLanguage {
  return useContext(ReportLanguageContext);
}
