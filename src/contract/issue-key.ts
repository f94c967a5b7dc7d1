import { z } from 'zod';

/** A Jira issue key as resolver payloads carry it (project key, dash, number): the one definition. */
export const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'an issue key such as INC-42');
