import { Text } from '@atlaskit/primitives';
import type { LocalDraft } from '../logic/local-draft-store';
import { PanelMessage } from './panel-message';

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
    <PanelMessage
      appearance="information"
      title="Unsaved changes found in this browser"
      testId="restore-draft-message"
      actions={[
        { label: 'Restore my draft', onClick: onRestore },
        { label: 'Discard it', onClick: onDiscard },
      ]}
    >
      <Text as="p">
        Edited {new Date(draft.savedAt).toLocaleString()}.
        {stale
          ? ' The saved postmortem has changed since; restoring replaces those changes when you save.'
          : ''}
      </Text>
    </PanelMessage>
  );
}
