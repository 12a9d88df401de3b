/** Roles, from most to least powerful. */
export const roles = ['admin', 'analyst', 'officer', 'approver', 'viewer'] as const;
export type Role = (typeof roles)[number];

/**
 * Who is making a change or a read: a signed-in user (browser session or API token), the command
 * line (`dxmon` run by whoever has the database), or the system itself (the demo loader, jobs).
 */
export interface Actor {
  userId: number | null;
  email: string | null;
  name: string;
  role: Role;
  /** The root of the units this actor may act on; null: every unit (admin, national analyst). */
  unit: string | null;
  via: 'session' | 'token' | 'cli' | 'system';
  sessionId?: string | undefined;
  tokenId?: number | undefined;
  address?: string | undefined;
}

export const systemActor: Actor = {
  userId: null,
  email: null,
  name: 'system',
  role: 'admin',
  unit: null,
  via: 'system',
};

/** The command line acts with full rights: whoever runs it already holds the database. */
export function cliActor(name = process.env.USER ?? 'cli'): Actor {
  return { userId: null, email: null, name, role: 'admin', unit: null, via: 'cli' };
}
