import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { MaturityAssessment, TrendsView } from '../../../../src/contract/global-page-api';
import { jqlSearchUrl } from '../logic/jql-search-url';

const levelStyles = xcss({
  padding: 'space.200',
  borderRadius: 'radius.large',
  backgroundColor: 'color.background.accent.blue.subtlest',
  minWidth: '120px',
  textAlign: 'center',
});

const rowStyles = xcss({
  padding: 'space.100',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
});

const SOURCE_LABEL = {
  measured: 'measured in Jira',
  declared: 'declared by an admin',
  baseline: 'baseline',
} as const;

interface MaturityPanelProps {
  maturity: MaturityAssessment;
  jql: TrendsView['jql'];
  siteUrl: string;
}

/** Reference "Maturity Levels": the reached level, every level's criteria with evidence and the JQL behind it. */
export function MaturityPanel({ maturity, jql, siteUrl }: MaturityPanelProps) {
  return (
    <Stack space="space.200">
      <Inline space="space.300" alignBlock="center" shouldWrap>
        <Box xcss={levelStyles}>
          <Stack space="space.050">
            <span id="maturity-level-label">Maturity level</span>
            <span
              aria-labelledby="maturity-level-label"
              data-testid="maturity-level"
              style={{ font: token('font.heading.xxlarge'), color: token('color.text.accent.blue') }}
            >
              {maturity.level}
            </span>
            <span>of 5</span>
          </Stack>
        </Box>
        <Stack space="space.050">
          <span>Check the evidence in Jira:</span>
          <a href={jqlSearchUrl(jql.incidents, siteUrl)} target="_top">
            Incidents in this report
          </a>
          <a href={jqlSearchUrl(jql.actionItems, siteUrl)} target="_top">
            Action items in this report
          </a>
          <a href={jqlSearchUrl(jql.finalPostmortems, siteUrl)} target="_top">
            FINAL postmortems (searchable database)
          </a>
        </Stack>
      </Inline>
      <ol aria-label="Maturity levels" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {maturity.levels.map((row) => (
          <li
            key={row.level}
            data-testid={`maturity-row-${row.level}`}
            style={{ marginBottom: token('space.100') }}
          >
            <Box xcss={rowStyles}>
              <Stack space="space.075">
                <Inline space="space.100" alignBlock="center">
                  <strong>Level {row.level}</strong>
                  <Lozenge appearance={row.met ? 'success' : 'default'}>
                    {row.met ? 'Met' : 'Not met'}
                  </Lozenge>
                  {row.level === maturity.level ? (
                    <Lozenge appearance="inprogress">Current level</Lozenge>
                  ) : null}
                </Inline>
                <ul style={{ margin: 0 }}>
                  {row.criteria.map((criterion) => (
                    <li key={criterion.characteristic}>
                      <span
                        style={{
                          color: criterion.met ? token('color.text.success') : token('color.text.danger'),
                        }}
                      >
                        {criterion.met ? '✓ Met' : '✗ Not met'}
                      </span>
                      {': '}
                      {criterion.characteristic}{' '}
                      <span style={{ color: token('color.text.subtle') }}>
                        — {criterion.evidence} ({SOURCE_LABEL[criterion.source]})
                      </span>
                    </li>
                  ))}
                </ul>
              </Stack>
            </Box>
          </li>
        ))}
      </ol>
    </Stack>
  );
}
