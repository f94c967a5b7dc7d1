import { Text } from '@atlaskit/primitives';
import { PanelMessage } from './panel-message';

/** Someone else saved first: never overwrite; offer their version and keep ours in the browser. */
export function ConflictMessage({ onLoadTheirs }: { onLoadTheirs: () => void }) {
  return (
    <PanelMessage
      appearance="warning"
      title="Someone else saved this postmortem"
      testId="conflict-message"
      actions={[{ label: 'Load their version', onClick: onLoadTheirs }]}
    >
      <Text as="p">
        Your changes were not saved, so theirs are not overwritten. Your version is kept in this browser:
        after loading theirs you can restore yours.
      </Text>
    </PanelMessage>
  );
}
