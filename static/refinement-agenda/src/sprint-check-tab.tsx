import { useState } from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { SprintCheck, SprintCheckIssue } from '../../../src/contract';
import { call } from '../../shared/api';
import { FlagLozenges, ScoreLozenge } from '../../shared/flag-lozenges';
import { formatDate, formatPoints, issueKeySortValue } from '../../shared/format';
import { IssueLink } from '../../shared/issue-link';
import { Card, Fact, Inline, Stack, Subtle } from '../../shared/layout';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { WrapText } from '../../shared/text';
import { WarningList } from '../../shared/warning-list';
import { useLoad } from '../../shared/use-resolver';

interface SprintOption {
  label: string;
  value: number;
}

const HEAD: HeadType = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true, width: 9 },
    { key: 'summary', content: 'Summary', isSortable: true, width: 30 },
    { key: 'type', content: 'Type', isSortable: true, width: 8 },
    { key: 'score', content: 'Readiness', isSortable: true, width: 12 },
    { key: 'estimate', content: 'Estimate', isSortable: true, width: 7 },
    { key: 'flags', content: 'Flags', isSortable: true, width: 16 },
    { key: 'gaps', content: 'Gaps', width: 18 },
  ],
};

function rows(issues: SprintCheckIssue[]): RowType[] {
  return issues.map((issue) => ({
    key: issue.issueKey,
    cells: [
      { key: issueKeySortValue(issue.issueKey), content: <span data-testid={`sprint-row-${issue.issueKey}`}><IssueLink issueKey={issue.issueKey} /></span> },
      { key: issue.summary.toLowerCase(), content: <WrapText text={issue.summary} /> },
      { key: issue.issueType, content: issue.issueType },
      { key: issue.score ?? -1, content: <ScoreLozenge score={issue.score} ready={issue.ready} /> },
      { key: issue.estimate ?? -1, content: formatPoints(issue.estimate) },
      { key: issue.flags.length, content: <FlagLozenges issueKey={issue.issueKey} flags={issue.flags} /> },
      {
        content:
          issue.gaps.length === 0 ? (
            <span style={{ color: token('color.text.subtlest') }}>—</span>
          ) : (
            <ul style={{ margin: 0, paddingLeft: token('space.200') }}>
              {issue.gaps.map((g, i) => (
                <li key={i}>{g}</li>
              ))}
            </ul>
          ),
      },
    ],
  }));
}

function SprintSummary(props: { check: SprintCheck; onPick: (sprintId: number) => void; busy: boolean }) {
  const c = props.check;
  const options: SprintOption[] = c.sprints.map((s) => ({ label: `${s.name} (${s.state})`, value: s.id }));
  const current = c.sprint === null ? null : (options.find((o) => o.value === c.sprint?.id) ?? { label: c.sprint.name, value: c.sprint.id });
  return (
    <Card label="Sprint">
      <Stack gap="space.200">
        <Inline spread align="start">
          <Stack gap="space.050">
            <Heading size="medium" as="h2">
              {c.sprint?.name ?? 'No sprint'}
            </Heading>
            {c.sprint === null ? null : (
              <Subtle small>
                {c.sprint.state}
                {c.sprint.startDate === null ? '' : ` · starts ${formatDate({ iso: c.sprint.startDate })}`}
                {c.sprint.goal === null || c.sprint.goal === '' ? '' : ` · goal: ${c.sprint.goal}`}
              </Subtle>
            )}
          </Stack>
          <div style={{ width: 260, maxWidth: '100%' }}>
            <Select<SprintOption>
              inputId="sprint-select"
              testId="sprint-select"
              label="Sprint to check"
              options={options}
              value={current}
              isDisabled={props.busy || options.length === 0}
              isSearchable={false}
              onChange={(option) => option !== null && props.onPick(option.value)}
              placeholder="Choose a sprint"
            />
          </div>
        </Inline>
        <Inline gap="space.400" rowGap="space.150" align="start">
          <Fact label="Planned" testId="planned-points">{`${formatPoints(c.plannedPoints)} pt`}</Fact>
          <Fact label="Velocity">{c.velocity === null ? 'unknown' : `${formatPoints(c.velocity)} pt`}</Fact>
          <Fact label="Ready" testId="ready-count">{c.readyCount}</Fact>
          <Fact label="Not ready" testId="not-ready-count">{c.notReadyCount}</Fact>
          <Fact label="Unestimated">{c.unestimatedCount}</Fact>
        </Inline>
        <p style={{ margin: 0, color: token('color.text') }}>{c.message}</p>
      </Stack>
    </Card>
  );
}

/** Sprint planning check: which planned issues are not ready, and is the sprint over-committed. */
export function SprintCheckTab() {
  const [sprintId, setSprintId] = useState<number | undefined>(undefined);
  const check = useLoad<SprintCheck>({ load: () => call('getSprintCheck', sprintId === undefined ? {} : { sprintId }), key: String(sprintId ?? 'default') });
  const { state } = check;
  if (state.status === 'loading') return <LoadingState label="Checking the sprint…" minHeight={240} />;
  // No scrum board (a team-managed project): nothing to check, and retrying cannot help.
  if (state.status === 'error' && state.error.code === 'NOT_FOUND') return <EmptyState testId="sprint-check-empty" title="No sprint to check" description={state.error.message} />;
  if (state.status === 'error') return <ErrorState title="Could not check the sprint" error={state.error} onRetry={check.reload} />;
  const c = state.data;
  return (
    <div data-testid="sprint-check">
      <Stack gap="space.300">
        <SprintSummary check={c} onPick={setSprintId} busy={check.refreshing} />
        {c.overCommitted ? (
          <div data-testid="over-commitment">
            <SectionMessage appearance="warning" title="Over-committed">
              <p style={{ margin: 0 }}>
                {formatPoints(c.plannedPoints)} points planned against a velocity of {formatPoints(c.velocity)}. Move the lowest-ranked or least ready items out, or
                expect carry-over.
              </p>
            </SectionMessage>
          </div>
        ) : null}
        <WarningList warnings={c.warnings} />
        {c.sprint === null ? (
          <EmptyState title="No sprint to check" description="Create a future sprint on the board, or start one, to see whether its work is ready." />
        ) : c.issues.length === 0 ? (
          <EmptyState title="The sprint is empty" description="Plan some issues into the sprint to check them." />
        ) : (
          <div data-testid="sprint-check-table" style={{ overflowX: 'auto' }}>
            {/* As on the agenda: scroll in a narrow frame rather than squeeze the percentage columns. */}
            <div style={{ minWidth: 860 }}>
              <DynamicTable head={HEAD} rows={rows(c.issues)} label="Sprint issues" isFixedSize />
            </div>
          </div>
        )}
      </Stack>
    </div>
  );
}
