import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { AgendaItem, AgendaRound } from '../../../src/contract';
import { call } from '../../shared/api';
import { EstimationRoundView } from '../../shared/estimation/estimation-section';
import { ScoreLozenge } from '../../shared/flag-lozenges';
import { IssueLink } from '../../shared/issue-link';
import { Card, Inline, Stack, Subtle } from '../../shared/layout';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { useLoad } from '../../shared/use-resolver';

/** The item's readiness in brief, so the team sees what else blocks it while they estimate. */
function ItemHeader(props: { step: AgendaRound }) {
  const { issue, readiness } = props.step;
  return (
    <Stack gap="space.075">
      <Inline gap="space.100">
        <IssueLink issueKey={issue.key} testId="row-issue-key" />
        <Subtle small>{issue.issueType}</Subtle>
        {readiness.excluded ? (
          <Lozenge>Not checked</Lozenge>
        ) : (
          // The same lozenge, score first, as the agenda shows for this item.
          <span data-testid="row-readiness">
            <ScoreLozenge score={readiness.score} ready={readiness.ready} />
          </span>
        )}
        <Subtle small>{readiness.estimate === null ? 'No estimate yet' : `Estimate: ${readiness.estimate} ${readiness.estimate === 1 ? 'point' : 'points'}`}</Subtle>
      </Inline>
      <Heading size="small" as="h3">
        <span style={{ overflowWrap: 'anywhere' }} data-testid="row-summary">
          {issue.summary}
        </span>
      </Heading>
      {readiness.failing.length === 0 ? null : <Subtle small testId="row-failing">Still failing: {readiness.failing.join(', ')}</Subtle>}
      {readiness.toConsider.length === 0 ? null : <Subtle small testId="row-to-consider">To consider: {readiness.toConsider.join(', ')}</Subtle>}
    </Stack>
  );
}

/** One agenda item: its own round, loaded with its readiness in one call. */
function Step(props: { item: AgendaItem }) {
  const { issueKey } = props.item;
  const step = useLoad<AgendaRound>({ load: () => call('getRoundFor', { issueKey }), key: issueKey });
  const { state } = step;
  if (state.status === 'error') return <ErrorState title={`Could not load ${issueKey}`} error={state.error} onRetry={step.reload} />;
  // While the next item loads, the previous item's round is never shown (nor voted on) under its name.
  if (state.status === 'loading' || state.data.issue.key !== issueKey) return <LoadingState label={`Loading ${issueKey}…`} minHeight={240} />;
  const data = state.data;
  return (
    <Stack gap="space.200">
      <ItemHeader step={data} />
      <EstimationRoundView
        round={data.round}
        target={{ issueKey: data.issue.key }}
        onRound={(round) => step.setData({ ...data, round })}
        // An accepted estimate changes readiness: the brief above follows.
        onAccepted={() => step.reload()}
        onRoundChanged={() => undefined}
      />
    </Stack>
  );
}

/**
 * "Estimate in a row": the agenda's items in rank order, one at a time, with Previous / Next, without
 * leaving the page. Each item keeps its own round (votes, reasons, reveal, timer) stored with the issue.
 */
export function EstimateInARow(props: { items: AgendaItem[] }) {
  const [index, setIndex] = useState(0);
  const items = props.items;
  if (items.length === 0) return <EmptyState title="Nothing to estimate" description="The agenda has no items right now." />;
  const at = Math.min(index, items.length - 1);
  const item = items[at];
  if (item === undefined) return null;
  return (
    <Card label="Estimate in a row" testId="estimate-in-a-row">
      <Stack gap="space.200">
        <Inline spread>
          <Heading size="small" as="h2">
            <span aria-live="polite" data-testid="row-position">
              Item {at + 1} of {items.length}: {item.issueKey}
            </span>
          </Heading>
          <Inline gap="space.100">
            <Button onClick={() => setIndex(at - 1)} isDisabled={at === 0} testId="row-previous">
              Previous
            </Button>
            <Button appearance="primary" onClick={() => setIndex(at + 1)} isDisabled={at === items.length - 1} testId="row-next">
              Next
            </Button>
          </Inline>
        </Inline>
        <Step key={item.issueKey} item={item} />
      </Stack>
    </Card>
  );
}
