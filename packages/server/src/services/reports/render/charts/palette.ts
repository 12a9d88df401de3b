import type { TargetStatus } from '@dxmon/engine';

/** The report's colours: calm, printable, and distinct in greyscale. */
export const palette = {
  ink: '#1d2733',
  muted: '#5b6675',
  rule: '#d5dbe3',
  grid: '#e6eaf0',
  primary: '#1f3a5f',
  secondary: '#2a7f8f',
  region: '#8fb3cf',
  national: '#b9c0ca',
  highlight: '#c8741a',
  peer: '#9fb1c6',
  derived: '#eef1f5',
  target: '#b3261e',
} as const;

export const statusColour: Record<TargetStatus, string> = {
  achieved: '#2e7d32',
  'on-track': '#1b7f79',
  'off-track': '#b86e00',
  regressing: '#b3261e',
  'insufficient-data': '#6b7280',
};
