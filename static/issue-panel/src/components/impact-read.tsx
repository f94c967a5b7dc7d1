import { Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { Impact } from '../logic/panel-types';
import { InlineMarkdown, MarkdownText } from './markdown-text';

const MEASURES: ReadonlyArray<[keyof Omit<Impact, 'text'>, string]> = [
  ['usersAffected', 'Users affected'],
  ['failedTransactions', 'Transactions failed'],
  ['revenueImpact', 'Revenue impact'],
  ['sloImpact', 'SLO impact'],
];

/** Impact as the reference writes it: a list of the measured impacts, then any further text. */
export function ImpactRead({ impact }: { impact: Impact }) {
  const measured = MEASURES.filter(([key]) => impact[key] !== null);
  return (
    <Stack space="space.100" testId="impact-read">
      {measured.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: token('space.300'), font: token('font.body') }}>
          {measured.map(([key, label]) => (
            <li key={key}>
              <strong>{label}:</strong> <InlineMarkdown text={impact[key] ?? ''} />
            </li>
          ))}
        </ul>
      ) : null}
      <MarkdownText text={impact.text} />
    </Stack>
  );
}
