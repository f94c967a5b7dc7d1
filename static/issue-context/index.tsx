import ForgeReconciler, { SectionMessage, Spinner, Text, useProductContext } from '@forge/react';
import { useEffect, useState } from 'react';
import type { Result } from '../../src/contract/errors';
import type { IssueContextApi } from '../../src/contract/issue-context-api';
import type { DataOf } from '../../src/contract/resolver-contract';
import { resolverClient } from '../shared/api/bridge';

const call = resolverClient<IssueContextApi>();

/** The postmortem at a glance, beside the issue (UI Kit, `jira:issueContext`). */
function IssueContextGlance() {
  const context = useProductContext();
  const issueKey = (context?.extension as { issue?: { key?: string } } | undefined)?.issue?.key;
  const [result, setResult] = useState<Result<DataOf<IssueContextApi, 'getGlance'>>>();

  useEffect(() => {
    if (issueKey) void call('getGlance', { issueKey }).then(setResult);
  }, [issueKey]);

  if (!result) return <Spinner label="Loading postmortem status" />;
  if (!result.ok)
    return (
      <SectionMessage appearance="information">
        <Text>{result.error.message}</Text>
      </SectionMessage>
    );
  return <Text>Postmortem for {result.data.issueKey}</Text>;
}

ForgeReconciler.render(<IssueContextGlance />);
