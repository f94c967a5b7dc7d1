import { describeScope } from '../../../static/global-page/src/logic/describe-scope';

describe('what the page says about whose figures it shows', () => {
  it('names the projects the viewer can browse when none were picked', () => {
    expect(describeScope({ projectKeys: [], projectsShown: ['INC', 'OPS'] }).projects).toBe(
      'Figures for the projects you can browse: INC, OPS.',
    );
  });

  it('names the picked projects', () => {
    expect(describeScope({ projectKeys: ['OPS'], projectsShown: ['OPS'] }).projects).toBe('Figures for OPS.');
  });

  it('says so when the viewer can browse no project', () => {
    expect(describeScope({ projectKeys: [], projectsShown: [] }).projects).toMatch(
      /cannot browse any project/,
    );
  });

  it('always says that issues with a security level are not counted', () => {
    expect(describeScope({ projectKeys: [], projectsShown: ['INC'] }).security).toMatch(
      /issue security level are not counted/,
    );
  });
});
