import type { Finding } from '../../../src/contract/issue-panel-api';
import { blockerFieldId } from '../../../static/issue-panel/src/logic/blocker-field-id';
import { describeDeadline, formatTimeSpan } from '../../../static/shared/logic/describe-deadline';
import { issueErrorAdvice } from '../../../static/shared/logic/issue-error-advice';
import {
  findingExcerpt,
  findingsForActionItem,
  findingsForSection,
  unplacedFindings,
} from '../../../static/issue-panel/src/logic/findings-for-section';
import {
  createLocalDraftStore,
  localDraftKey,
  shouldOfferRestore,
  type DraftStorage,
} from '../../../static/issue-panel/src/logic/local-draft-store';
import { saveStatusLabel } from '../../../static/issue-panel/src/logic/save-status';
import { ERROR_KINDS } from '../../../src/contract/errors';
import { blankDocument } from './panel-fixtures';

const finding = (
  path: string,
  code: Finding['code'] = 'missing-section',
  extra: Partial<Finding> = {},
): Finding => ({
  code,
  severity: 'warning',
  message: `${code} at ${path}`,
  path,
  ...extra,
});

describe('findingsForSection', () => {
  const all = [
    finding('rootCause', 'blame-language', { range: { start: 4, end: 10 } }),
    finding('actionItems.ai-2', 'action-item-without-owner'),
    finding('actionItems.ai-20', 'action-item-without-due-date'),
    finding('actionItemsExtra'),
    finding('timeline', 'timeline-out-of-order'),
  ];

  it('matches the section and its children, not prefixes of other names', () => {
    expect(findingsForSection(all, 'actionItems').map((f) => f.path)).toEqual([
      'actionItems.ai-2',
      'actionItems.ai-20',
    ]);
    expect(findingsForActionItem(all, 'ai-2').map((f) => f.code)).toEqual(['action-item-without-owner']);
    expect(findingsForSection(all, 'timeline')).toHaveLength(1);
  });

  it('lists findings no section shows, so none is hidden', () => {
    expect(unplacedFindings(all, ['rootCause', 'actionItems', 'timeline']).map((f) => f.path)).toEqual([
      'actionItemsExtra',
    ]);
  });

  it('quotes the blamed phrase from the text', () => {
    const [blame] = all;
    expect(blame && findingExcerpt(blame, 'Bob forgot to run the migration')).toBe('forgot');
    expect(findingExcerpt(finding('timeline'), 'x')).toBeNull();
  });
});

describe('describeDeadline', () => {
  it('maps states to lozenge appearances with time remaining', () => {
    expect(describeDeadline(null)).toBeNull();
    expect(
      describeDeadline({ dueAt: 'x', state: 'on-track', remainingMs: 2 * 86_400_000 + 3 * 3_600_000 }),
    ).toEqual({
      appearance: 'success',
      label: 'On track',
      remaining: '2 d 3 h left',
    });
    expect(describeDeadline({ dueAt: 'x', state: 'due-soon', remainingMs: 5 * 3_600_000 })?.appearance).toBe(
      'moved',
    );
    expect(describeDeadline({ dueAt: 'x', state: 'overdue', remainingMs: -40 * 60_000 })).toEqual({
      appearance: 'removed',
      label: 'Overdue',
      remaining: '40 min overdue',
    });
  });

  it('formats short durations', () => {
    expect(formatTimeSpan(0)).toBe('1 min');
    expect(formatTimeSpan(86_400_000)).toBe('1 d');
  });
});

describe('local draft backup', () => {
  const memory = (): DraftStorage => {
    const map = new Map<string, string>();
    return {
      getItem: (key) => map.get(key) ?? null,
      setItem: (key, value) => void map.set(key, value),
      removeItem: (key) => void map.delete(key),
    };
  };

  it('keeps one draft per issue and survives garbage or failing storage', () => {
    const storage = memory();
    const a = createLocalDraftStore(storage, 'INC-1');
    const b = createLocalDraftStore(storage, 'INC-2');
    a.write(blankDocument({ otherNotes: 'a' }), 3, new Date('2026-11-26T10:00:00Z'));
    expect(a.read()).toEqual({
      document: blankDocument({ otherNotes: 'a' }),
      baseRevision: 3,
      savedAt: '2026-11-26T10:00:00.000Z',
    });
    expect(b.read()).toBeNull();
    storage.setItem(localDraftKey('INC-2'), '{not json');
    expect(b.read()).toBeNull();
    storage.setItem(localDraftKey('INC-2'), JSON.stringify({ document: 1 }));
    expect(b.read()).toBeNull();
    a.clear();
    expect(a.read()).toBeNull();

    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const safe = createLocalDraftStore(broken, 'INC-1');
    expect(() => safe.write(blankDocument(), 1, new Date())).not.toThrow();
    expect(safe.read()).toBeNull();
    expect(() => safe.clear()).not.toThrow();
    expect(createLocalDraftStore(null, 'INC-1').read()).toBeNull();
  });

  it('offers a restore only when the local draft differs from the server (revision aside)', () => {
    const server = blankDocument({ revision: 5 });
    const same = { document: blankDocument({ revision: 4 }), baseRevision: 4, savedAt: 'x' };
    const newer = { document: blankDocument({ otherNotes: 'typed offline' }), baseRevision: 4, savedAt: 'x' };
    expect(shouldOfferRestore(null, server)).toBe(false);
    expect(shouldOfferRestore(same, server)).toBe(false);
    expect(shouldOfferRestore(newer, server)).toBe(true);
  });
});

describe('labels and advice', () => {
  it('names every save state as the brief words them', () => {
    expect(saveStatusLabel('saved')).toBe('Saved');
    expect(saveStatusLabel('saving')).toBe('Saving…');
    expect(saveStatusLabel('dirty')).toBe('Unsaved changes');
    expect(saveStatusLabel('retrying')).toBe('Save failed — retrying');
  });

  it('gives every error kind a title and a next step', () => {
    for (const kind of ERROR_KINDS) {
      const advice = issueErrorAdvice({ kind, message: 'm' });
      expect(advice.title.length).toBeGreaterThan(0);
      expect(advice.next.length).toBeGreaterThan(0);
    }
    expect(issueErrorAdvice({ kind: 'Forbidden', message: '' }).retryable).toBe(false);
    expect(issueErrorAdvice({ kind: 'Unavailable', message: '' }).retryable).toBe(true);
  });

  it('points a blocker at the field to fix', () => {
    const items = [{ id: 'ai-1' }, { id: 'ai-2' }];
    expect(blockerFieldId(finding('actionItems.ai-2', 'action-item-without-owner'), items)).toBe(
      'action-item-ai-2-owner',
    );
    expect(blockerFieldId(finding('actionItems.ai-1', 'action-item-without-due-date'), items)).toBe(
      'action-item-ai-1-due',
    );
    expect(blockerFieldId(finding('actionItems.ai-9', 'action-item-without-owner'), items)).toBe(
      'section-actionItems',
    );
    expect(blockerFieldId(finding('rootCause'), items)).toBe('section-rootCause');
  });
});
