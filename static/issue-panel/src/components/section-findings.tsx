import SectionMessage from '@atlaskit/section-message';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { Finding } from '../../../../src/contract/issue-panel-api';
import { findingExcerpt } from '../logic/findings-for-section';

/**
 * Live-check hints beside a section. Errors (finalization blockers) and warnings (advice) share
 * one message so the narrow panel is not flooded; a blame hint quotes the phrase to reword.
 */
export function SectionFindings({
  findings,
  text,
  testId,
}: {
  findings: readonly Finding[];
  text?: string;
  testId: string;
}) {
  if (findings.length === 0) return null;
  const blocking = findings.some((finding) => finding.severity === 'error');
  return (
    <Box testId={testId} role="status">
      <SectionMessage appearance={blocking ? 'error' : 'warning'}>
        <Stack space="space.050">
          {findings.map((finding, index) => {
            const excerpt = findingExcerpt(finding, text);
            return (
              <Text key={`${finding.path}-${finding.code}-${index}`} as="p" size="small">
                {excerpt ? <Text weight="bold">“{excerpt}”: </Text> : null}
                {finding.message}
              </Text>
            );
          })}
        </Stack>
      </SectionMessage>
    </Box>
  );
}
