/**
 * Demo users. Account ids look like Atlassian's (24 hex characters); aliases serve `?as=`.
 */
import type { ProjectAccess, SiteUser } from '../jira/model';

const user = (accountId: string, alias: string, displayName: string, timeZone = 'Europe/Berlin'): SiteUser => ({
  accountId,
  alias,
  displayName,
  email: `${alias}@payments-demo.example`,
  timeZone,
  active: true,
});

export const ANA = user('5d1a2b3c4d5e6f0012345601', 'ana', 'Ana Lopez', 'Europe/Madrid');
export const RAJ = user('5d1a2b3c4d5e6f0012345602', 'raj', 'Raj Patel', 'Europe/London');
export const MEI = user('5d1a2b3c4d5e6f0012345603', 'mei', 'Mei Chen');
export const TOM = user('5d1a2b3c4d5e6f0012345604', 'tom', 'Tom Becker');

const FIRST = ['Noah', 'Lena', 'Omar', 'Sofia', 'Jonas', 'Aiko', 'Lucas', 'Priya', 'Mateo', 'Hanna', 'Yusuf', 'Elif', 'Ivan', 'Chloe', 'Kwame', 'Mia', 'Arjun', 'Nora', 'Diego', 'Sara'];
const LAST = ['Fischer', 'Kowalski', 'Haddad', 'Rossi', 'Weber', 'Tanaka', 'Martin', 'Nair', 'Garcia', 'Berg', 'Demir', 'Kaya', 'Petrov', 'Dubois', 'Mensah', 'Larsen', 'Rao', 'Novak', 'Silva', 'Ahmed'];

/** dev01…dev20: developers for concurrency tests. */
export const GENERATED_DEVELOPERS: SiteUser[] = FIRST.map((first, index) => {
  const number = String(index + 1).padStart(2, '0');
  return user(`5d1a2b3c4d5e6f00123457${number}`, `dev${number}`, `${first} ${LAST[index] ?? 'Dev'}`);
});

export const DEMO_USERS: SiteUser[] = [ANA, RAJ, MEI, TOM, ...GENERATED_DEVELOPERS];

const member: ProjectAccess = { browse: true, edit: true, admin: false };
const admin: ProjectAccess = { browse: true, edit: true, admin: true };

/** Ana administers DEMO and is the only one who sees SEC; Tom is a plain developer; Raj runs OPS (Kanban). */
export const DEMO_ACCESS: Record<string, Record<string, ProjectAccess>> = {
  [ANA.accountId]: { DEMO: admin, TEAM: member, SEC: admin, OPS: member },
  [RAJ.accountId]: { DEMO: member, TEAM: member, OPS: admin },
  [MEI.accountId]: { DEMO: member, TEAM: admin },
  [TOM.accountId]: { DEMO: member, TEAM: member, OPS: member },
  ...Object.fromEntries(GENERATED_DEVELOPERS.map((developer) => [developer.accountId, { DEMO: member }])),
};
