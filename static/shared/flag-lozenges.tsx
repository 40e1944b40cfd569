import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import { token } from '@atlaskit/tokens';
import type { Flag } from '../../src/contract';
import { flagDetail, flagKind, flagLabel, flagTestId, severityAppearance } from './format';

/** One lozenge per flag; the message is in a tooltip (focusable, so keyboard users get it too). */
export function FlagLozenges(props: { issueKey: string; flags: Flag[] }) {
  if (props.flags.length === 0) return <span style={{ color: token('color.text.subtlest') }}>—</span>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: token('space.050') }}>
      {props.flags.map((flag, i) => {
        const related = flag.related.length > 0 ? ` (${flag.related.join(', ')})` : '';
        const detail = flagDetail(flag);
        return (
          <Tooltip key={`${flag.type}-${flagKind(flag) ?? ''}-${i}`} content={`${flag.message}${related}`}>
            {(tooltipProps) => (
              // Focus is how a keyboard user opens the tooltip (WCAG 1.4.13); the span is its trigger, not a control.
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
              <span {...tooltipProps} tabIndex={0} data-testid={flagTestId({ issueKey: props.issueKey, flag })} aria-label={detail === null ? flagLabel(flag) : `${flagLabel(flag)}: ${detail}`}>
                <Lozenge appearance={severityAppearance(flag.severity)}>{flagLabel(flag)}</Lozenge>
              </span>
            )}
          </Tooltip>
        );
      })}
    </span>
  );
}

/** Score as a lozenge coloured by the ready state; null for an issue excluded from the Definition of Ready. */
export function ScoreLozenge(props: { score: number | null; ready: boolean | null }) {
  if (props.score === null || props.ready === null) return <Lozenge>excluded</Lozenge>;
  return (
    <Lozenge appearance={props.ready ? 'success' : 'removed'}>
      {Math.round(props.score)} · {props.ready ? 'ready' : 'not ready'}
    </Lozenge>
  );
}
