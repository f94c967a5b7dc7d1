import Heading from '@atlaskit/heading';
import { Inline, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import { layoutBars, type ChartSeries } from '../logic/layout-bars';
import { monthLabel } from '../../../../src/contract/month-label';
import { NONE } from '../logic/format-trend';

interface BarChartProps {
  title: string;
  /** One sentence read by screen readers before the data table. */
  summary: string;
  months: readonly string[];
  series: readonly ChartSeries[];
  formatValue: (value: number) => string;
  integers?: boolean;
  fixedMax?: number;
  testId: string;
}

const WIDTH = 480;
const HEIGHT = 200;
const PLOT = { left: 40, top: 10, width: WIDTH - 50, height: HEIGHT - 40 };

const swatchStyle = {
  display: 'inline-block',
  width: token('space.150'),
  height: token('space.150'),
  borderRadius: token('radius.small'),
} as const;
const tableStyle = { borderCollapse: 'collapse', fontSize: '12px' } as const;
const cellStyle = {
  padding: `${token('space.025')} ${token('space.100')}`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  textAlign: 'right',
} as const;

// Hand-built SVG (no chart library: bundle size) with token colours; the table below is the text alternative.
export function BarChart({
  title,
  summary,
  months,
  series,
  formatValue,
  integers,
  fixedMax,
  testId,
}: BarChartProps) {
  const titleId = useId();
  const descId = useId();
  const layout = layoutBars(months, series, PLOT, { integers: integers ?? false, fixedMax });
  const short = months.map((m) => monthLabel(m, true));
  return (
    <Stack space="space.100" testId={testId}>
      <Heading size="xsmall" as="h3" id={titleId}>
        {title}
      </Heading>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: 'block' }}
      >
        <desc id={descId}>{summary}</desc>
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={PLOT.left}
              x2={PLOT.left + PLOT.width}
              y1={tick.y}
              y2={tick.y}
              stroke={token('color.border')}
              strokeWidth={1}
            />
            <text
              x={PLOT.left - 6}
              y={tick.y + 4}
              textAnchor="end"
              fontSize={10}
              fill={token('color.text.subtlest')}
            >
              {formatValue(tick.value)}
            </text>
          </g>
        ))}
        {layout.rects.map((rect) => (
          <rect
            key={`${rect.series}-${rect.category}`}
            x={rect.x}
            y={rect.y}
            width={rect.width}
            height={rect.height}
            fill={rect.color}
          >
            <title>{`${monthLabel(rect.category, true)} – ${rect.series}: ${formatValue(rect.value)}`}</title>
          </rect>
        ))}
        {layout.labels.map((label, index) => (
          <text
            key={label.text}
            x={label.x}
            y={HEIGHT - 14}
            textAnchor="middle"
            fontSize={10}
            fill={token('color.text.subtlest')}
          >
            {/* Three-letter month, plus the year under January so the axis crosses years readably. */}
            {short[index]?.slice(0, 3)}
            {label.text.endsWith('-01') || index === 0 ? (
              <tspan x={label.x} dy={11}>
                {label.text.slice(0, 4)}
              </tspan>
            ) : null}
          </text>
        ))}
      </svg>
      {series.length > 1 ? (
        <Inline space="space.150" shouldWrap>
          {series.map((s) => (
            <Inline key={s.name} space="space.050" alignBlock="center">
              <span aria-hidden style={{ ...swatchStyle, backgroundColor: s.color }} />
              <span>{s.name}</span>
            </Inline>
          ))}
        </Inline>
      ) : null}
      <details>
        <summary>Show data table: {title}</summary>
        <table style={tableStyle} aria-label={`${title} data`}>
          <thead>
            <tr>
              <th scope="col" style={{ ...cellStyle, textAlign: 'left' }}>
                Month
              </th>
              {series.map((s) => (
                <th scope="col" key={s.name} style={cellStyle}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month, index) => (
              <tr key={month}>
                <th scope="row" style={{ ...cellStyle, textAlign: 'left' }}>
                  {monthLabel(month, true)}
                </th>
                {series.map((s) => {
                  const value = s.values[index];
                  return (
                    <td key={s.name} style={cellStyle}>
                      {value === null || value === undefined ? NONE : formatValue(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Stack>
  );
}
