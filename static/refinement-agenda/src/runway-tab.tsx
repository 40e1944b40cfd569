import Heading from '@atlaskit/heading';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { Agenda } from '../../../src/contract';
import { formatPoints } from '../../shared/format';
import { Card, Inline, Stack, Subtle } from '../../shared/layout';

/** How many sprints of ready work lie ahead, against the team's target. */
export function RunwayTab(props: { agenda: Agenda }) {
  const r = props.agenda.runway;
  const progress = r.sprints === null || r.targetSprints <= 0 ? 0 : Math.min(1, r.sprints / r.targetSprints);
  const healthy = r.sprints !== null && r.sprints >= r.targetSprints;
  return (
    <Card testId="runway" label="Runway" style={{ maxWidth: 720 }}>
      <Stack gap="space.200">
        <Heading size="medium" as="h2">
          Ready runway
        </Heading>
        <Inline gap="space.100" align="baseline">
          <span data-testid="runway-sprints" style={{ font: token('font.heading.xxlarge'), color: token('color.text') }}>
            {r.sprints === null ? '?' : r.sprints.toFixed(1)}
          </span>
          <Subtle>of {r.targetSprints} sprints targeted</Subtle>
        </Inline>
        <p data-testid="runway-message" style={{ margin: 0, font: token('font.body.large'), color: token('color.text') }}>
          {r.message}
        </p>
        <ProgressBar value={progress} appearance={healthy ? 'success' : 'default'} ariaLabel={`Runway ${Math.round(progress * 100)}% of target`} />
        <Inline gap="space.400">
          <Subtle>Ready points: {formatPoints(r.readyPoints)}</Subtle>
          <Subtle>Velocity: {r.velocity === null ? 'unknown' : `${formatPoints(r.velocity)} per sprint`}</Subtle>
        </Inline>
        {r.velocity === null ? (
          <SectionMessage appearance="information" title="Velocity unknown">
            <p style={{ margin: 0 }}>The board has no closed sprints with estimates yet, so the runway cannot be expressed in sprints.</p>
          </SectionMessage>
        ) : null}
        {!healthy && r.sprints !== null ? (
          <SectionMessage appearance="warning" title="Runway below target">
            <p style={{ margin: 0 }}>Refine the items on the agenda to get back to {r.targetSprints} sprints of ready work.</p>
          </SectionMessage>
        ) : null}
      </Stack>
    </Card>
  );
}
