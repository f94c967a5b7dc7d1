import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import { durationLine } from '../../../../src/contract/document-text';
import { describeStatus } from '../../../shared/logic/describe-status';
import type { Header } from '../logic/panel-types';

// As many label/value pairs side by side as the width holds: one column at 320 px, four at 1,200 px.
const gridStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))',
  gap: `${token('space.100')} ${token('space.200')}`,
  margin: 0,
};
const termStyle: CSSProperties = { font: token('font.body.small'), color: token('color.text.subtle') };
const valueStyle: CSSProperties = { margin: 0, font: token('font.body'), color: token('color.text') };

/** The header block of the reference: title, then incident, date, severity, duration, people, status. */
export function HeaderRead({ header }: { header: Header }) {
  const fields: Array<[string, string | null]> = [
    ['Incident ID', header.incidentId],
    ['Date', header.date],
    ['Severity', header.severity],
    ['Duration', durationLine(header)],
    ['Written by', header.writtenBy],
    ['Reviewed by', header.reviewedBy.length > 0 ? header.reviewedBy.join(', ') : null],
    ['Status', describeStatus(header.status).label],
    ['Category', header.category],
  ];
  return (
    <Stack space="space.150" testId="header-read">
      <Heading size="large" as="h3">
        {header.title.trim() === '' ? 'Untitled postmortem' : header.title}
      </Heading>
      <dl style={gridStyle}>
        {fields.map(([label, value]) => (
          <div key={label}>
            <dt style={termStyle}>{label}</dt>
            <dd style={valueStyle}>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </Stack>
  );
}
