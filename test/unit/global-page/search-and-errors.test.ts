import { ERROR_KINDS } from '../../../src/contract/errors';
import { errorAdvice } from '../../../static/global-page/src/logic/error-advice';
import {
  EMPTY_SEARCH,
  searchPayload,
  searchRangeError,
} from '../../../static/global-page/src/logic/search-payload';

describe('searchPayload', () => {
  it('leaves out empty fields so the backend reads them as "any"', () => {
    expect(searchPayload(EMPTY_SEARCH)).toEqual({});
    expect(searchPayload({ ...EMPTY_SEARCH, text: '   ', category: ' ' })).toEqual({});
  });
  it('trims text and category and passes valid dates', () => {
    expect(
      searchPayload({
        text: ' pool ',
        category: ' Database ',
        severity: 'SEV-1',
        from: '2025-01-01',
        to: '2025-02-28',
      }),
    ).toEqual({
      text: 'pool',
      category: 'Database',
      severity: 'SEV-1',
      from: '2025-01-01',
      to: '2025-02-28',
    });
  });
  it('drops dates that are not YYYY-MM-DD', () => {
    expect(searchPayload({ ...EMPTY_SEARCH, from: '1/2/2025', to: '2025-2-1' })).toEqual({});
  });
});

describe('searchRangeError', () => {
  it('flags a range that ends before it starts', () => {
    expect(searchRangeError({ ...EMPTY_SEARCH, from: '2025-03-01', to: '2025-02-01' })).toMatch(/before/);
  });
  it('accepts equal, open or ordered ranges', () => {
    expect(searchRangeError({ ...EMPTY_SEARCH, from: '2025-03-01', to: '2025-03-01' })).toBeNull();
    expect(searchRangeError({ ...EMPTY_SEARCH, from: '2025-03-01' })).toBeNull();
    expect(searchRangeError(EMPTY_SEARCH)).toBeNull();
  });
});

describe('errorAdvice', () => {
  it.each(ERROR_KINDS)('gives %s a title and a next step', (kind) => {
    const advice = errorAdvice({ kind, message: 'x' });
    expect(advice.title.length).toBeGreaterThan(0);
    expect(advice.next.length).toBeGreaterThan(0);
  });
  it('offers a retry for transient errors only', () => {
    expect(errorAdvice({ kind: 'RateLimited', message: '' }).retryable).toBe(true);
    expect(errorAdvice({ kind: 'Unavailable', message: '' }).retryable).toBe(true);
    expect(errorAdvice({ kind: 'Forbidden', message: '' }).retryable).toBe(false);
    expect(errorAdvice({ kind: 'InvalidInput', message: '' }).retryable).toBe(false);
  });
});

describe('errorAdvice per context', () => {
  it('advises on the search fields, not the report filter, for an invalid search', () => {
    expect(errorAdvice({ kind: 'InvalidInput', message: '' }, 'search').next).toMatch(/search fields/);
    expect(errorAdvice({ kind: 'InvalidInput', message: '' }, 'report').next).toMatch(/project keys/);
  });
});
