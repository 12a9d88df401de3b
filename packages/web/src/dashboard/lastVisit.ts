/** What a reader saw on their last visit to a unit's dashboard: when, and which alerts. */
export interface Visit {
  at: string;
  alerts: string[];
}

const key = (unit: string) => `dxmon.dashboard.visit.${unit}`;

/** The last visit to the unit's dashboard in this browser, if any. */
export function lastVisit(unit: string): Visit | null {
  try {
    const stored = JSON.parse(localStorage.getItem(key(unit)) ?? 'null') as Visit | null;
    return stored && typeof stored.at === 'string' && Array.isArray(stored.alerts) ? stored : null;
  } catch {
    return null;
  }
}

export function rememberVisit(unit: string, alerts: string[]): void {
  try {
    localStorage.setItem(key(unit), JSON.stringify({ at: new Date().toISOString(), alerts }));
  } catch {
    // A browser without storage (private mode, full): nothing is marked new next time.
  }
}

/** New since the visit: not among the alerts seen then, or arisen after it. */
export function isNew(visit: Visit | null, alert: { id: string; since: string }): boolean {
  if (!visit) return false;
  return !visit.alerts.includes(alert.id) || alert.since > visit.at;
}
