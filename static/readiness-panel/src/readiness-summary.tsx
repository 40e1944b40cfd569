import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { IssueReadiness } from '../../../src/contract';
import { formatDate, formatPoints, pluralType } from '../../shared/format';
import { Inline, Stack, Subtle } from '../../shared/layout';

function countBy(readiness: IssueReadiness) {
  const scored = readiness.criteria.filter((c) => c.status !== 'skip');
  return { passed: scored.filter((c) => c.status === 'pass').length, total: scored.length };
}

/** Score, state and threshold: the answer to "can we take this into a sprint?". */
export function ReadinessSummary(props: { readiness: IssueReadiness; refreshing: boolean; onRefresh: () => void }) {
  const r = props.readiness;
  const header = (
    <Inline spread>
      <Heading size="small" as="h2">
        Definition of Ready
      </Heading>
      <Button appearance="subtle" spacing="compact" onClick={props.onRefresh} isLoading={props.refreshing} testId="refresh-readiness">
        Re-check
      </Button>
    </Inline>
  );

  if (r.status === 'excluded') {
    return (
      <Stack gap="space.150">
        {header}
        <SectionMessage appearance="information" title="Not part of the Definition of Ready">
          <p data-testid="readiness-state" data-state="excluded" style={{ margin: 0 }}>
            {pluralType(r.issueType)} are excluded from the Definition of Ready. A project admin can change this in the project settings.
          </p>
        </SectionMessage>
      </Stack>
    );
  }

  const score = Math.round(r.score);
  const { passed, total } = countBy(r);
  return (
    <Stack gap="space.150">
      {header}
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.200'), flexWrap: 'wrap' }}>
        <div style={{ display: 'flex', alignItems: 'baseline', gap: token('space.050') }}>
          <span data-testid="readiness-score" aria-label={`Readiness score ${score} of 100`} style={{ font: token('font.heading.xlarge'), color: token('color.text'), lineHeight: 1 }}>
            {score}
          </span>
          <Subtle>/ 100</Subtle>
        </div>
        <Stack gap="space.050" style={{ flex: '1 1 180px' }}>
          <Inline gap="space.100">
            <span data-testid="readiness-state" data-state={r.ready ? 'ready' : 'not-ready'}>
              <Lozenge appearance={r.ready ? 'success' : 'removed'} isBold>
                {r.ready ? 'Ready' : 'Not ready'}
              </Lozenge>
            </span>
            <Subtle small testId="readiness-threshold">
              threshold {r.threshold}
            </Subtle>
            <Subtle small>
              · {passed} of {total} criteria met
            </Subtle>
          </Inline>
          <ProgressBar value={Math.min(1, Math.max(0, r.score / 100))} appearance={r.ready ? 'success' : 'default'} ariaLabel={`Readiness ${score} of 100`} />
        </Stack>
      </div>
      <Inline gap="space.150">
        <Subtle small testId="readiness-estimate">
          Estimate: {formatPoints(r.estimate)}
          {r.estimate !== null && r.estimateFieldName !== null ? ` (${r.estimateFieldName})` : ''}
        </Subtle>
        <Subtle small>Checked {formatDate({ iso: r.evaluatedAt, withTime: true })}</Subtle>
      </Inline>
    </Stack>
  );
}
