/**
 * A problem found in input: every validator returns all of them at once rather than stopping at
 * the first. `where` names the place (a node code, a file and line, a field) for the reader.
 */
export interface Problem {
  severity: 'error' | 'warning';
  /** Stable identifier of the kind of problem, e.g. `unknown-parent`. */
  kind: string;
  message: string;
  /** The framework node concerned, when there is one. */
  node?: string;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
