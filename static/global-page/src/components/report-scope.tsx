import { token } from '@atlaskit/tokens';
import type { TrendsView } from '../../../../src/contract/global-page-api';
import { describeScope } from '../logic/describe-scope';

/** Which projects the figures cover, and that issues with a security level are not counted. */
export function ReportScope({ trends }: { trends: TrendsView }) {
  const { projects, security } = describeScope(trends);
  return (
    <p style={{ color: token('color.text.subtle'), margin: 0 }} data-testid="trends-scope">
      {projects} {security}
    </p>
  );
}
