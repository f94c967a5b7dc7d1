import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';

/**
 * Move up / move down / remove for one row, as real buttons so keyboard users can reorder
 * (drag and drop alone would not be). Names carry the row number for screen readers and tests.
 */
export function RowControls(props: {
  noun: string;
  position: number;
  count: number;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { noun, position, count } = props;
  return (
    <Inline space="space.050" shouldWrap>
      <Button
        appearance="subtle"
        spacing="compact"
        isDisabled={position === 1}
        aria-label={`Move ${noun} ${position} up`}
        onClick={() => props.onMove(-1)}
      >
        Up
      </Button>
      <Button
        appearance="subtle"
        spacing="compact"
        isDisabled={position === count}
        aria-label={`Move ${noun} ${position} down`}
        onClick={() => props.onMove(1)}
      >
        Down
      </Button>
      <Button
        appearance="subtle"
        spacing="compact"
        aria-label={`Remove ${noun} ${position}`}
        onClick={props.onRemove}
      >
        Remove
      </Button>
    </Inline>
  );
}
