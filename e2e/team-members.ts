import type { Role } from './demo-api';

/**
 * People the e2e server adds to the demo team (scripts/e2e-server.ts) for users-admin.spec.ts alone to
 * sign in as and change: its role changes and deactivations cannot reach the demo users every other
 * spec signs in as, even while they run beside it.
 */
export const TEAM_MEMBERS = [
  { id: 101, firstName: 'Morgan', lastName: 'Team', role: 'rep' },
  { id: 102, firstName: 'Jordan', lastName: 'Team', role: 'rep' },
] as const satisfies readonly { id: number; firstName: string; lastName: string; role: Role }[];

export type TeamMember = `${(typeof TEAM_MEMBERS)[number]['firstName']} Team`;
