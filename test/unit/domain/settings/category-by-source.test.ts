import { categoryBySource } from '../../../../src/domain/settings/category-by-source';
import { categoryOf } from '../../../../src/domain/trends';

describe('categoryBySource', () => {
  it("takes the postmortem's category first, then the first component (the default source)", () => {
    const source = 'postmortem-then-component';
    expect(categoryBySource(source, { postmortemCategory: 'Deployment', components: ['Payments'] })).toBe(
      'Deployment',
    );
    expect(categoryBySource(source, { postmortemCategory: '  ', components: [' Payments ', 'Search'] })).toBe(
      'Payments',
    );
    expect(categoryBySource(source, { postmortemCategory: null, components: [] })).toBeNull();
  });

  it('takes the first component alone when the components are the taxonomy', () => {
    expect(
      categoryBySource('component', { postmortemCategory: 'Deployment', components: ['Payments'] }),
    ).toBe('Payments');
    expect(categoryBySource('component', { postmortemCategory: 'Deployment', components: [] })).toBeNull();
  });
});

describe('categoryOf with a category read from the configured source', () => {
  const incident = {
    postmortem: null,
    components: ['Payments'],
  };

  it('uses the given category, Uncategorized when the source had none', () => {
    expect(categoryOf({ ...incident, category: 'Search' })).toBe('Search');
    expect(categoryOf({ ...incident, category: null })).toBe('Uncategorized');
  });

  it("falls back to DESIGN's default when the caller did not read one", () => {
    expect(categoryOf(incident)).toBe('Payments');
  });
});
