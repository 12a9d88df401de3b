export type TargetStatus =
  | 'achieved'
  | 'on-track'
  | 'off-track'
  | 'regressing'
  | 'insufficient-data';
export type TargetGrade = 'acceleration-needed' | 'limited';

export interface ProgressThresholds {
  /** Progress at or above this is on track (default 0.95). */
  onTrack: number;
  /** Off-track progress at or above this needs acceleration; below it, progress is limited (default 0.60). */
  acceleration: number;
}

export const defaultProgressThresholds: ProgressThresholds = { onTrack: 0.95, acceleration: 0.6 };

/**
 * The status of a target not yet achieved from its progress ratio R (observed over required
 * growth), with Open SDG's thresholds: R >= 0.95 on track; 0.60 <= R < 0.95 off track,
 * acceleration needed; 0 <= R < 0.60 off track, limited progress; R < 0 regressing (moving away
 * from the target).
 */
export function progressStatus(
  progress: number,
  thresholds: ProgressThresholds = defaultProgressThresholds,
): { status: TargetStatus; grade: TargetGrade | null } {
  if (Number.isNaN(progress)) return { status: 'insufficient-data', grade: null };
  if (progress >= thresholds.onTrack) return { status: 'on-track', grade: null };
  if (progress < 0) return { status: 'regressing', grade: null };
  return {
    status: 'off-track',
    grade: progress >= thresholds.acceleration ? 'acceleration-needed' : 'limited',
  };
}
