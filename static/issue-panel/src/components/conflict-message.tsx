import { Text } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';

/** Someone else saved first: never overwrite; offer their version and keep ours in the browser. */
export function ConflictMessage({ onLoadTheirs }: { onLoadTheirs: () => void }) {
  return (
    <SectionMessage
      appearance="warning"
      title="Someone else saved this postmortem"
      testId="conflict-message"
      actions={[
        <SectionMessageAction key="load" onClick={onLoadTheirs}>
          Load their version
        </SectionMessageAction>,
      ]}
    >
      <Text as="p">
        Your changes were not saved, so theirs are not overwritten. Your version is kept in this browser:
        after loading theirs you can restore yours.
      </Text>
    </SectionMessage>
  );
}
