/** @jsxRuntime automatic */
import { useReportLanguage } from '../context.js';

/**
 * A draft's mark across every page: fixed, so Chromium's print repeats it on each page (and a
 * screen shows it across the window).
 */
export function Watermark() {
  const { labels } = useReportLanguage();
  return (
    <div className="watermark" aria-hidden="true">
      <span>{labels.document.draft}</span>
    </div>
  );
}
