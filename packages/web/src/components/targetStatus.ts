import type { TargetAssessment } from '../api.js';

/** The colour of each Open SDG status, on badges and bars. */
export const statusColour: Record<TargetAssessment['status'], string> = {
  achieved: 'green',
  'on-track': 'teal',
  'off-track': 'orange',
  regressing: 'red',
  'insufficient-data': 'gray',
};
