import {
  gridKeyCommand,
  rowMovedAnnouncement,
  type GridKey,
} from '../../../static/issue-panel/src/logic/grid-keyboard';

const press = (key: string, modifiers: Partial<GridKey> = {}): GridKey => ({
  key,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  isComposing: false,
  ...modifiers,
});

describe('gridKeyCommand', () => {
  it('adds a row below the current one on Enter in text and date cells', () => {
    expect(gridKeyCommand(press('Enter'), { kind: 'text', row: 2, rowCount: 5 })).toEqual({
      kind: 'add-row',
      after: 2,
    });
    expect(gridKeyCommand(press('Enter'), { kind: 'date', row: 0, rowCount: 1 })).toEqual({
      kind: 'add-row',
      after: 0,
    });
    expect(gridKeyCommand(press('Enter'), { kind: 'multiline', row: 4, rowCount: 5 })).toEqual({
      kind: 'add-row',
      after: 4,
    });
  });

  it('leaves Enter to the picker (it chooses an option) and Shift+Enter to a multi-line cell (a line break)', () => {
    expect(gridKeyCommand(press('Enter'), { kind: 'picker', row: 0, rowCount: 2 })).toBeNull();
    expect(
      gridKeyCommand(press('Enter', { shiftKey: true }), { kind: 'multiline', row: 0, rowCount: 2 }),
    ).toBeNull();
  });

  it('ignores Enter while an input method is composing, and shortcuts with Ctrl or Meta', () => {
    expect(
      gridKeyCommand(press('Enter', { isComposing: true }), { kind: 'text', row: 0, rowCount: 2 }),
    ).toBeNull();
    expect(
      gridKeyCommand(press('Enter', { ctrlKey: true }), { kind: 'text', row: 0, rowCount: 2 }),
    ).toBeNull();
    expect(
      gridKeyCommand(press('ArrowUp', { altKey: true, metaKey: true }), {
        kind: 'text',
        row: 1,
        rowCount: 2,
      }),
    ).toBeNull();
  });

  it('moves the row with Alt+ArrowUp/Down from any cell, pickers included, within the grid', () => {
    expect(
      gridKeyCommand(press('ArrowUp', { altKey: true }), { kind: 'picker', row: 3, rowCount: 5 }),
    ).toEqual({
      kind: 'move-row',
      from: 3,
      to: 2,
    });
    expect(
      gridKeyCommand(press('ArrowDown', { altKey: true }), { kind: 'text', row: 3, rowCount: 5 }),
    ).toEqual({
      kind: 'move-row',
      from: 3,
      to: 4,
    });
    expect(
      gridKeyCommand(press('ArrowUp', { altKey: true }), { kind: 'text', row: 0, rowCount: 5 }),
    ).toBeNull();
    expect(
      gridKeyCommand(press('ArrowDown', { altKey: true }), { kind: 'text', row: 4, rowCount: 5 }),
    ).toBeNull();
  });

  it('leaves plain arrows and Tab to the browser (caret movement, next cell)', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Tab', 'a'])
      expect(gridKeyCommand(press(key), { kind: 'text', row: 1, rowCount: 3 })).toBeNull();
    expect(
      gridKeyCommand(press('ArrowUp', { altKey: true, shiftKey: true }), {
        kind: 'text',
        row: 1,
        rowCount: 3,
      }),
    ).toBeNull();
  });
});

describe('gridKeyCommand in a date cell', () => {
  it('leaves the cell on Tab and Shift+Tab instead of stepping through month, day and year', () => {
    expect(gridKeyCommand(press('Tab'), { kind: 'date', row: 1, rowCount: 3 })).toEqual({
      kind: 'leave-cell',
      step: 1,
    });
    expect(gridKeyCommand(press('Tab', { shiftKey: true }), { kind: 'date', row: 1, rowCount: 3 })).toEqual({
      kind: 'leave-cell',
      step: -1,
    });
    expect(gridKeyCommand(press('Tab'), { kind: 'text', row: 1, rowCount: 3 })).toBeNull();
  });
});

describe('rowMovedAnnouncement', () => {
  it('tells a screen reader where the row went, counting from 1', () => {
    expect(rowMovedAnnouncement('timeline row', 2, 1, 9)).toBe('Moved timeline row 3 to position 2 of 9.');
  });
});
