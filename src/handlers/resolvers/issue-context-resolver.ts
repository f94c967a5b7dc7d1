import { z } from 'zod';
import { AppError } from '../../contract/errors';
import type { IssueContextApi } from '../../contract/issue-context-api';
import { parsePayload } from '../../contract/parse-payload';
import { loadGlance } from '../../usecases/issue-context/load-glance';
import type { ResolverImplementation } from './resolver-handlers';

const withIssue = z.object({
  issueKey: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'an issue key such as INC-42'),
});

export const issueContextResolver: ResolverImplementation<IssueContextApi> = {
  getGlance: (payload, services, context) => {
    const { issueKey } = parsePayload(withIssue, payload);
    // Forge puts the issue being viewed in the context; a payload naming another one is not from the glance.
    if (context.issueKey !== undefined && context.issueKey !== issueKey) {
      throw new AppError(
        'InvalidInput',
        `The glance asked for ${issueKey} while ${context.issueKey} is open. Reload the issue and try again.`,
      );
    }
    return loadGlance(services, issueKey);
  },
};
