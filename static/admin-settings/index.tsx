import ForgeReconciler, { Heading, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import { useEffect, useState } from 'react';
import type { Result } from '../../src/contract/errors';
import type { AdminSettingsApi } from '../../src/contract/admin-settings-api';
import type { DataOf } from '../../src/contract/resolver-contract';
import { resolverClient } from '../shared/api/bridge';

const call = resolverClient<AdminSettingsApi>();

/** Jira admins configure the app here (UI Kit, `jira:adminPage`, also the app's configure page). */
function AdminSettingsPage() {
  const [result, setResult] = useState<Result<DataOf<AdminSettingsApi, 'getSettings'>>>();

  useEffect(() => {
    void call('getSettings', {}).then(setResult);
  }, []);

  return (
    <Stack space="space.200">
      <Heading size="medium">Postmortem settings</Heading>
      {!result && <Spinner label="Loading settings" />}
      {result && !result.ok && (
        <SectionMessage appearance="information">
          <Text>{result.error.message}</Text>
        </SectionMessage>
      )}
    </Stack>
  );
}

ForgeReconciler.render(<AdminSettingsPage />);
