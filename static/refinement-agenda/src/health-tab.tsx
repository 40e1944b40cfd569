import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { HealthView, SprintHealth } from '../../../src/contract';
import { call } from '../../shared/api';
import { Card, Stack, Subtle } from '../../shared/layout';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { useLoad } from '../../shared/use-resolver';

/** Charts are hand-written SVG (no chart library: nothing that evaluates code or injects scripts, so it runs under Forge's CSP). */
const CHART_HEIGHT = 180;
const BAR_GAP = 4;
const LABEL_SPACE = 36;

const SERIES = [
  { key: 'committed', label: 'Committed at start', color: token('color.chart.blue.bold') },
  { key: 'completed', label: 'Completed', color: token('color.chart.green.bold') },
  { key: 'carried', label: 'Carried over', color: token('color.chart.orange.bold') },
] as const;

const pts = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const shortName = (name: string) => name.replace(/^.*?(Sprint\s+\d+)$/i, '$1');
const rate = (count: { completed: number; total: number } | null) =>
  count === null ? 'not recorded' : count.total === 0 ? 'none' : `${Math.round((count.completed / count.total) * 100)}% (${count.completed} of ${count.total})`;

function valuesOf(sprint: SprintHealth): number[] {
  return [sprint.committed.points, sprint.completed.points, sprint.carriedOver.points];
}

function Legend(props: { items: { label: string; color: string; dashed?: boolean }[] }) {
  return (
    <div aria-hidden style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), font: token('font.body.small'), color: token('color.text.subtle') }}>
      {props.items.map((item) => (
        <span key={item.label} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
          <span style={{ width: 12, height: 12, borderRadius: 2, background: item.dashed ? 'transparent' : item.color, border: item.dashed ? `2px dashed ${item.color}` : 'none' }} />
          {item.label}
        </span>
      ))}
    </div>
  );
}

/** Committed, completed and carried-over points per sprint; rebuilt sprints are drawn hatched-light and marked "est.". */
function CommitmentChart(props: { sprints: SprintHealth[] }) {
  const max = Math.max(1, ...props.sprints.flatMap(valuesOf));
  const groupWidth = 96;
  const barWidth = (groupWidth - 24 - BAR_GAP * 2) / 3;
  const width = props.sprints.length * groupWidth + 8;
  const scale = (value: number) => (value / max) * (CHART_HEIGHT - 20);
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-labelledby="health-commit-title health-commit-desc" viewBox={`0 0 ${width} ${CHART_HEIGHT + LABEL_SPACE}`} style={{ width: '100%', maxWidth: width * 1.6, height: 'auto', display: 'block' }} data-testid="health-commitment-chart">
        <title id="health-commit-title">Points committed, completed and carried over per sprint</title>
        <desc id="health-commit-desc">
          {props.sprints.map((s) => `${s.name}: ${pts(s.committed.points)} committed, ${pts(s.completed.points)} completed, ${pts(s.carriedOver.points)} carried over${s.commitment === 'rebuilt' ? ' (estimated)' : ''}.`).join(' ')}
        </desc>
        <line x1={0} x2={width} y1={CHART_HEIGHT} y2={CHART_HEIGHT} stroke={token('color.border')} />
        {props.sprints.map((sprint, index) => {
          const x0 = index * groupWidth + 12;
          const estimated = sprint.commitment === 'rebuilt';
          return (
            <g key={sprint.sprintId}>
              {valuesOf(sprint).map((value, series) => {
                const height = scale(value);
                const color = SERIES[series]?.color ?? token('color.text');
                const x = x0 + series * (barWidth + BAR_GAP);
                return (
                  <g key={series}>
                    <rect x={x} y={CHART_HEIGHT - height} width={barWidth} height={height} rx={2} fill={color} fillOpacity={estimated ? 0.45 : 1} stroke={estimated ? color : 'none'} strokeDasharray={estimated ? '3 2' : undefined} />
                    <text x={x + barWidth / 2} y={CHART_HEIGHT - height - 4} textAnchor="middle" fontSize={10} fill={token('color.text.subtle')}>
                      {pts(value)}
                    </text>
                  </g>
                );
              })}
              <text x={x0 + (groupWidth - 24) / 2} y={CHART_HEIGHT + 14} textAnchor="middle" fontSize={11} fill={token('color.text')}>
                {shortName(sprint.name)}
              </text>
              <text x={x0 + (groupWidth - 24) / 2} y={CHART_HEIGHT + 28} textAnchor="middle" fontSize={10} fill={token('color.text.subtlest')}>
                {estimated ? 'est.' : `say/do ${pct(sprint.sayDo)}`}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend items={[...SERIES.map((series) => ({ label: series.label, color: series.color })), { label: 'Estimated (rebuilt)', color: token('color.text.subtlest'), dashed: true }]} />
    </figure>
  );
}

/** Runway bar width; the "not recorded" label is set in two lines so that each fits it. */
const RUNWAY_BAR = 48;
/** Room above the tallest bar for a two-line label. */
const RUNWAY_TOP = 32;

/** Ready points at each sprint start, from the app's records; sprints without one say "not recorded". */
function RunwayChart(props: { sprints: SprintHealth[] }) {
  const max = Math.max(1, ...props.sprints.map((s) => Math.max(s.readyPointsAtStart ?? 0, s.committed.points)));
  const step = 72;
  const width = props.sprints.length * step + 8;
  const height = 120;
  const scale = (value: number) => (value / max) * (height - RUNWAY_TOP);
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-labelledby="health-runway-title health-runway-desc" viewBox={`0 0 ${width} ${height + 20}`} style={{ width: '100%', maxWidth: width * 1.6, height: 'auto', display: 'block' }} data-testid="health-runway-chart">
        <title id="health-runway-title">Ready points at each sprint start</title>
        <desc id="health-runway-desc">
          {props.sprints.map((s) => `${s.name}: ${s.readyPointsAtStart === null ? 'not recorded' : `${pts(s.readyPointsAtStart)} of ${pts(s.committed.points)} committed points ready`}.`).join(' ')}
        </desc>
        <line x1={0} x2={width} y1={height} y2={height} stroke={token('color.border')} />
        {props.sprints.map((sprint, index) => {
          const x = index * step + (step - RUNWAY_BAR) / 2;
          const middle = x + RUNWAY_BAR / 2;
          const committed = scale(sprint.committed.points);
          const ready = sprint.readyPointsAtStart;
          return (
            <g key={sprint.sprintId} data-runway-column={index}>
              <rect x={x} y={height - committed} width={RUNWAY_BAR} height={committed} rx={2} fill="none" stroke={token('color.border.bold')} strokeDasharray="3 2" data-runway-bar />
              {ready === null ? (
                // Above the committed outline, in two short lines: one line is wider than the bar.
                <text x={middle} y={height - committed - 16} textAnchor="middle" fontSize={9} fill={token('color.text.subtlest')} data-runway-label>
                  <tspan x={middle}>not</tspan>
                  <tspan x={middle} dy={11}>
                    recorded
                  </tspan>
                </text>
              ) : (
                <>
                  <rect x={x} y={height - scale(ready)} width={RUNWAY_BAR} height={scale(ready)} rx={2} fill={token('color.chart.teal.bold')} />
                  <text x={middle} y={height - scale(ready) - 4} textAnchor="middle" fontSize={10} fill={token('color.text.subtle')} data-runway-label>
                    {pts(ready)}
                  </text>
                </>
              )}
              <text x={middle} y={height + 14} textAnchor="middle" fontSize={11} fill={token('color.text')}>
                {shortName(sprint.name)}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend items={[{ label: 'Ready points at start', color: token('color.chart.teal.bold') }, { label: 'Committed points', color: token('color.border.bold'), dashed: true }]} />
    </figure>
  );
}

const cell = { padding: `${token('space.050')} ${token('space.100')}`, borderBottom: `1px solid ${token('color.border')}`, textAlign: 'right' as const, whiteSpace: 'nowrap' as const };
const headCell = { ...cell, color: token('color.text.subtle'), font: token('font.body.small'), fontWeight: 600 };

/** The same numbers as a table: the charts' text alternative, and readable on its own. */
function HealthTable(props: { sprints: SprintHealth[] }) {
  const columns = ['Sprint', 'Committed', 'Completed', 'Say/do', 'Added', 'Removed', 'Carried over', 'Ready at start finished', 'Not ready finished', 'Source'];
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="health-table" style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text'), font: token('font.body') }}>
        <caption style={{ textAlign: 'left', paddingBottom: token('space.100'), color: token('color.text.subtle'), font: token('font.body.small') }}>
          Sprint by sprint (points; item counts in brackets)
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column} scope="col" style={{ ...headCell, textAlign: index === 0 || index === columns.length - 1 ? 'left' : 'right' }}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.sprints.map((s) => (
            <tr key={s.sprintId} data-testid={`health-row-${s.sprintId}`}>
              <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 500 }}>
                {s.name}
              </th>
              <td style={cell}>{`${pts(s.committed.points)} (${s.committed.count})`}</td>
              <td style={cell}>{`${pts(s.completed.points)} (${s.completed.count})`}</td>
              <td style={cell}>{pct(s.sayDo)}</td>
              <td style={cell}>{`${pts(s.added.points)} (${s.added.count})`}</td>
              <td style={cell}>{s.readinessRecorded ? `${pts(s.removed.points)} (${s.removed.count})` : 'unknown'}</td>
              <td style={cell}>{`${pts(s.carriedOver.points)} (${s.carriedOver.count})`}</td>
              <td style={cell}>{rate(s.ready)}</td>
              <td style={cell}>{rate(s.notReady)}</td>
              <td style={{ ...cell, textAlign: 'left', color: token('color.text.subtle') }}>{s.commitment === 'recorded' ? 'recorded' : 'estimated from changelog'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HealthTab() {
  const health = useLoad<HealthView>({ load: () => call('getHealth', {}), key: 'health' });
  const { state } = health;
  if (state.status === 'loading') return <LoadingState label="Looking back on the last sprints…" minHeight={240} />;
  if (state.status === 'error') return <ErrorState title="Could not load the sprint health" error={state.error} onRetry={health.reload} />;
  const view = state.data;
  if (view.message !== null || view.sprints.length === 0) return <EmptyState title="Nothing to look back on yet" description={view.message ?? undefined} testId="health-empty" />;
  const estimated = view.sprints.filter((s) => s.commitment === 'rebuilt');
  return (
    <Stack gap="space.300" testId="health-tab">
      <Stack gap="space.100">
        <Heading size="small" as="h2">
          Does refinement pay off?
        </Heading>
        <ul data-testid="health-findings" style={{ margin: 0, paddingLeft: token('space.250'), color: token('color.text') }}>
          {view.findings.map((finding) => (
            <li key={finding}>{finding}</li>
          ))}
        </ul>
      </Stack>
      {estimated.length > 0 ? (
        <SectionMessage appearance="information" title="Some sprints are estimated">
          <p>
            {estimated.map((s) => s.name).join(', ')} started before the app recorded readiness: readiness at start is not recorded, the commitment is rebuilt from the sprint field history, and items removed during them cannot be seen.
          </p>
        </SectionMessage>
      ) : null}
      <Card label="Commitment and completion">
        <Stack gap="space.100">
          <Heading size="xsmall" as="h3">
            Commitment and completion
          </Heading>
          <CommitmentChart sprints={view.sprints} />
        </Stack>
      </Card>
      <Card label="Runway at sprint start">
        <Stack gap="space.100">
          <Heading size="xsmall" as="h3">
            Runway at sprint start
          </Heading>
          <RunwayChart sprints={view.sprints} />
        </Stack>
      </Card>
      <HealthTable sprints={view.sprints} />
      <Subtle small>
        {view.board ? `Board ${view.board.name}` : ''}
        {view.estimationField ? ` · points from ${view.estimationField}` : ''}
      </Subtle>
    </Stack>
  );
}
