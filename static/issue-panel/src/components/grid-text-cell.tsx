import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { GROW_WITH_TEXT } from './text-area-input';

/**
 * A text cell of an editable grid: named by its column and row ("Time 3") since the column heading is
 * its visible label. Multi-line cells grow with their text; a date cell is the browser's date input,
 * typed digit by digit from the keyboard and stored as YYYY-MM-DD.
 */
export function GridTextCell({
  cell,
  value,
  onChange,
  type = 'text',
  placeholder,
}: {
  cell: { id: string; label: string; readOnly: boolean };
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'multiline' | 'date';
  placeholder?: string;
}) {
  const common = {
    id: cell.id,
    testId: cell.id,
    'aria-label': cell.label,
    value,
    placeholder,
    isReadOnly: cell.readOnly,
  };
  return type === 'multiline' ? (
    <TextArea
      {...common}
      minimumRows={1}
      resize="smart"
      style={GROW_WITH_TEXT}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  ) : (
    <Textfield {...common} type={type} isCompact onChange={(event) => onChange(event.currentTarget.value)} />
  );
}
