import Heading from '@atlaskit/heading';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { Agenda, RunwayItem } from '../../../src/contract';
import { formatPoints } from '../../shared/format';
import { IssueLink } from '../../shared/issue-link';
import { Card, Inline, Stack, Subtle } from '../../shared/layout';
import { WrapText } from '../../shared/text';

function points(estimate: number | null): string {
  return estimate === null ? 'no estimate' : `${formatPoints(estimate)} ${estimate === 1 ? 'point' : 'points'}`;
}

/** The ready items behind the number, in rank order: what the team could plan next. */
function RunwayItems(props: { items: RunwayItem[] }) {
  if (props.items.length === 0) {
    return (
      <Subtle small testId="runway-items">
        No item in the next sprints is ready yet.
      </Subtle>
    );
  }
  return (
    <ol data-testid="runway-items" aria-label="Ready items counted" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {props.items.map((item) => (
        <li
          key={item.issueKey}
          data-testid={`runway-item-${item.issueKey}`}
          style={{ display: 'grid', gridTemplateColumns: '6.5em minmax(0, 1fr) auto', columnGap: token('space.150'), alignItems: 'baseline', padding: `${token('space.100')} 0`, borderTop: `${token('border.width')} solid ${token('color.border')}` }}
        >
          <IssueLink issueKey={item.issueKey} />
          <span style={{ minWidth: 0 }}>
            <WrapText text={item.summary} />
            <span style={{ display: 'block', color: token('color.text.subtlest'), font: token('font.body.small') }}>
              {item.issueType} · {item.plannedIn}
            </span>
          </span>
          <Subtle small>{points(item.estimate)}</Subtle>
        </li>
      ))}
    </ol>
  );
}

/** How many sprints of ready work lie ahead, against the team's target, and which items make it up. */
export function RunwayTab(props: { agenda: Agenda }) {
  const r = props.agenda.runway;
  const progress = r.sprints === null || r.targetSprints <= 0 ? 0 : Math.min(1, r.sprints / r.targetSprints);
  const healthy = r.sprints !== null && r.sprints >= r.targetSprints;
  return (
    <Card testId="runway" label="Runway" style={{ maxWidth: 720 }}>
      <Stack gap="space.200">
        <Heading size="medium" as="h2">
          Ready work ahead
        </Heading>
        <Inline gap="space.100" align="baseline">
          <span data-testid="runway-sprints" style={{ font: token('font.heading.xxlarge'), color: token('color.text') }}>
            {r.sprints === null ? '?' : r.sprints.toFixed(1)}
          </span>
          <Subtle>
            of {r.targetSprints} {r.targetSprints === 1 ? 'sprint' : 'sprints'} wanted
          </Subtle>
        </Inline>
        <p data-testid="runway-message" style={{ margin: 0, font: token('font.body.large'), color: token('color.text') }}>
          {r.message}
        </p>
        <ProgressBar value={progress} appearance={healthy ? 'success' : 'default'} ariaLabel={`Ready work: ${Math.round(progress * 100)}% of the target`} />
        <Inline gap="space.400">
          <Subtle>Ready: {points(r.readyPoints)}</Subtle>
          <Subtle>The team finishes: {r.velocity === null ? 'unknown' : `about ${formatPoints(r.velocity)} points a sprint`}</Subtle>
        </Inline>
        {r.velocity === null ? (
          <SectionMessage appearance="information" title="Sprint pace unknown">
            <p style={{ margin: 0 }}>The board has no finished sprints with estimates yet, so the ready work cannot be counted in sprints.</p>
          </SectionMessage>
        ) : null}
        {!healthy && r.sprints !== null ? (
          <SectionMessage appearance="warning" title="Less ready work than the team wants">
            <p style={{ margin: 0 }}>Refine the items on the agenda to get back to {r.targetSprints} sprints of ready work.</p>
          </SectionMessage>
        ) : null}
        <section aria-labelledby="runway-items-heading">
          <Stack gap="space.100">
            <Heading size="xsmall" as="h3" id="runway-items-heading">
              Ready items counted, in rank order
            </Heading>
            <RunwayItems items={r.items} />
          </Stack>
        </section>
      </Stack>
    </Card>
  );
}
