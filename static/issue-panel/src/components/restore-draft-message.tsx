import { Text } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { LocalDraft } from '../logic/local-draft-store';

/** A draft kept in this browser (failed save, conflict, closed tab) that differs from the saved one. */
export function RestoreDraftMessage({
  draft,
  serverRevision,
  onRestore,
  onDiscard,
}: {
  draft: LocalDraft;
  serverRevision: number;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const stale = draft.baseRevision !== serverRevision;
  return (
    <SectionMessage
      appearance="information"
      title="Unsaved changes found in this browser"
      testId="restore-draft-message"
      actions={[
        <SectionMessageAction key="restore" onClick={onRestore}>
          Restore my draft
        </SectionMessageAction>,
        <SectionMessageAction key="discard" onClick={onDiscard}>
          Discard it
        </SectionMessageAction>,
      ]}
    >
      <Text as="p">
        Edited {new Date(draft.savedAt).toLocaleString()}.
        {stale
          ? ' The saved postmortem has changed since; restoring replaces those changes when you save.'
          : ''}
      </Text>
    </SectionMessage>
  );
}
