import { z } from 'zod';

/** Jira sends ids as strings, a few endpoints (and old sites) as numbers: accept both, keep strings. */
export const jiraId = z.union([z.string(), z.number()]).transform(String);
