import { checkConfigForm, configForm } from '../../../static/dashboard-gadget/config-form';
import {
  describeCount,
  describeFreshness,
  describeMttr,
} from '../../../static/dashboard-gadget/describe-follow-through';

describe("the gadget's edit view", () => {
  it('fills the form from the stored configuration, and from the defaults for a gadget never configured', () => {
    expect(configForm({ projectKeys: ['INC', 'OPS'], rows: 3 })).toEqual({
      projectKeys: 'INC, OPS',
      rows: '3',
    });
    expect(configForm({})).toEqual({ projectKeys: '', rows: '5' });
  });

  it('submits normalised, de-duplicated project keys and keeps the auto-refresh Jira stored', () => {
    expect(checkConfigForm({ projectKeys: ' ops, inc,OPS ', rows: '10' }, { refresh: 15 })).toEqual({
      ok: true,
      config: { projectKeys: ['INC', 'OPS'], rows: 10, refresh: 15 },
    });
  });

  it('refuses what the resolver would refuse, field by field, before anything is submitted', () => {
    expect(checkConfigForm({ projectKeys: 'INC, 9X', rows: '0' }, {})).toEqual({
      ok: false,
      problems: {
        projectKeys: 'Projects: a Jira project key such as INC.',
        rows: 'Rows: at least 1 row.',
      },
    });
    expect(checkConfigForm({ projectKeys: '', rows: 'ten' }, {})).toMatchObject({ ok: false });
    expect(checkConfigForm({ projectKeys: '', rows: '2.5' }, {})).toMatchObject({ ok: false });
  });
});

describe("the gadget's wording", () => {
  it('says how fresh the figures are in minutes, then hours, then days', () => {
    const asOf = '2025-03-17T09:00:00.000Z';
    const at = (minutes: number) => Date.parse(asOf) + minutes * 60_000;
    expect(describeFreshness(asOf, at(0.5))).toBe('Updated just now');
    expect(describeFreshness(asOf, at(2))).toBe('Updated 2 min ago');
    expect(describeFreshness(asOf, at(125))).toBe('Updated 2 h ago');
    expect(describeFreshness(asOf, at(3 * 24 * 60 + 5))).toBe('Updated 3 days ago');
  });

  it('compares the month with the one before, with the trend arrow', () => {
    expect(
      describeCount({ current: 3, previous: 2, trend: { arrow: '↑', percent: 50 } }, '2025-03', '2025-02'),
    ).toBe('3 in March 2025 — 2 in February 2025, ↑ 50%');
    expect(describeMttr({ current: null, previous: 120, trend: null }, '2025-02')).toBe(
      'none resolved — 120 min in February 2025',
    );
  });
});
