import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { fromForm, toForm } from '../../../static/admin-settings/settings-form';

describe('admin settings form', () => {
  it('round-trips the defaults', () => {
    expect(fromForm(toForm(DEFAULT_SETTINGS), DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads lists separated by commas, spaces or lines and upper-cases project keys', () => {
    const form = {
      ...toForm(DEFAULT_SETTINGS),
      projectKeys: 'inc, ops\nPAY',
      holidays: '2025-12-25\n2025-12-26, 2026-01-01',
    };
    const settings = fromForm(form, DEFAULT_SETTINGS);
    expect(settings.projectKeys).toEqual(['INC', 'OPS', 'PAY']);
    expect(settings.holidays).toEqual(['2025-12-25', '2025-12-26', '2026-01-01']);
  });

  it('keeps the previous threshold when the field is not a number', () => {
    const form = { ...toForm(DEFAULT_SETTINGS), userImpactMinutesThreshold: 'soon' };
    expect(fromForm(form, DEFAULT_SETTINGS).userImpactMinutesThreshold).toBe(15);
  });
});
