import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Flag } from '../../../src/contract';
import { flagDetail, flagKind, flagLabel, severityAppearance } from '../../shared/format';
import { IssueLink } from '../../shared/issue-link';
import { Inline, Stack, Subtle } from '../../shared/layout';

/** Dependencies, divergence, size and the other signals, each with the issues it talks about. */
export function FlagList(props: { flags: Flag[] }) {
  return (
    <section aria-labelledby="flags-heading" data-testid="flags">
      <Stack gap="space.150">
        <Heading size="xsmall" as="h3" id="flags-heading">
          Flags
        </Heading>
        {props.flags.length === 0 ? (
          <Subtle small testId="no-flags">
            No flags: no blockers, no diverging estimates, nothing too big for a sprint.
          </Subtle>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
            {props.flags.map((flag, i) => (
              <li key={`${flag.type}-${i}`} data-testid={`flag-${flag.type}`} data-severity={flag.severity} data-kind={flagKind(flag)}>
                <Stack gap="space.050">
                  <Inline gap="space.100">
                    <Lozenge appearance={severityAppearance(flag.severity)} isBold={flag.severity === 'high'}>
                      {flag.severity}
                    </Lozenge>
                    <span style={{ fontWeight: token('font.weight.medium'), color: token('color.text') }}>{flagLabel(flag)}</span>
                  </Inline>
                  {flagDetail(flag) === null ? null : <span style={{ color: token('color.text'), overflowWrap: 'anywhere' }}>{flag.message}</span>}
                  {flag.related.length === 0 ? null : (
                    <Inline gap="space.100">
                      <Subtle small>Related:</Subtle>
                      {flag.related.map((key) => (
                        <IssueLink key={key} issueKey={key} testId={`related-${key}`} />
                      ))}
                    </Inline>
                  )}
                </Stack>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </section>
  );
}
