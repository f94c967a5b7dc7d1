import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Text } from '@atlaskit/primitives';
import { saveStatusLabel, type SaveStatus } from '../logic/save-status';

const APPEARANCE: Record<SaveStatus, 'success' | 'default' | 'moved' | 'removed' | 'inprogress'> = {
  saved: 'success',
  saving: 'inprogress',
  dirty: 'default',
  retrying: 'removed',
  invalid: 'removed',
  conflict: 'removed',
  'read-only': 'default',
};

/** The visible save state plus the explicit Save button; aria-live so screen readers hear it change. */
export function SaveIndicator({
  status,
  detail,
  onSave,
}: {
  status: SaveStatus;
  detail: string | null;
  onSave: () => void;
}) {
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <span role="status" aria-live="polite" data-testid="save-status" data-status={status}>
        <Lozenge appearance={APPEARANCE[status]}>{saveStatusLabel(status)}</Lozenge>
      </span>
      {detail && (status === 'retrying' || status === 'invalid') ? (
        <Text size="small" color="color.text.subtle">
          {detail}
        </Text>
      ) : null}
      {status === 'read-only' ? null : (
        <Button
          appearance="primary"
          onClick={onSave}
          isDisabled={status === 'saving' || status === 'conflict'}
        >
          Save
        </Button>
      )}
    </Inline>
  );
}
