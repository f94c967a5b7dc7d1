import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import type { PostmortemTemplate } from '../../../../src/contract/postmortem-template';
import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';

/**
 * Says the short template is in use (issue 15: SEV-3/4, chosen in settings) and keeps the other
 * sections one click away; nothing for the full template.
 */
export function ShortTemplateNotice({
  template,
  severity,
  showAll,
  onShowAll,
}: {
  template: PostmortemTemplate;
  severity: PostmortemDocument['header']['severity'];
  showAll: boolean;
  onShowAll: (showAll: boolean) => void;
}) {
  if (template.kind !== 'short') return null;
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId="short-template-notice">
      <Text color="color.text.subtle">
        {`Short template for ${severity ?? 'this severity'}: summary, impact, what happened and action items.`}
      </Text>
      <Button
        appearance="subtle"
        spacing="compact"
        onClick={() => onShowAll(!showAll)}
        aria-pressed={showAll}
      >
        {showAll ? 'Show the short template only' : 'Show all sections'}
      </Button>
    </Inline>
  );
}
