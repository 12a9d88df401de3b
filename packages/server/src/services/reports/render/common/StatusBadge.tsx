/** @jsxRuntime automatic */
import type { TargetGrade, TargetStatus } from '@dxmon/engine';
import { useReportLanguage } from '../context.js';

/** A target's status, with its grade when off track, marked by the status's colour. */
export function StatusBadge({
  status,
  grade,
}: {
  status: TargetStatus;
  grade: TargetGrade | null;
}) {
  const { labels } = useReportLanguage();
  return <span className={`status status-${status}`}>{labels.statusWithGrade(status, grade)}</span>;
}
