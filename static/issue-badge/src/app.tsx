import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { IssueReadiness } from '../../../src/contract';
import { call } from '../../shared/api';
import { badgeHeadline } from '../../shared/format';
import { useReadinessChanged } from '../../shared/readiness-events';
import { useLoad } from '../../shared/use-resolver';

/**
 * Compact readiness for the issue context panel: what matters most, in plain words — "Ready",
 * "Blocked by DEMO-31", "No acceptance criteria" — coloured by the state, with the score beside it.
 */
export function App() {
  const readiness = useLoad<IssueReadiness>({ load: () => call('getReadiness', {}), key: 'badge' });
  const { state } = readiness;
  useReadinessChanged({ issueKey: state.status === 'ready' ? state.data.issueKey : null, onChanged: readiness.reload });
  const row = { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: token('space.100'), minHeight: 32 } as const;

  if (state.status === 'loading') {
    return (
      <div data-testid="loading" role="status" style={row}>
        <Spinner size="small" label="Checking readiness" />
        <span style={{ color: token('color.text.subtle') }}>Checking readiness…</span>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div data-testid="error-state" data-code={state.error.code} style={row}>
        <Lozenge appearance="moved">Unavailable</Lozenge>
        <span style={{ color: token('color.text.subtle'), overflowWrap: 'anywhere' }}>{state.error.message}</span>
        <Button spacing="compact" onClick={readiness.reload} testId="retry">
          Retry
        </Button>
      </div>
    );
  }
  const r = state.data;
  const headline = badgeHeadline(r);
  const stateName = r.excluded ? 'excluded' : r.ready ? 'ready' : 'not-ready';
  return (
    <div style={row}>
      <span
        data-testid="readiness-badge"
        data-state={stateName}
        data-score={r.excluded ? undefined : Math.round(r.score)}
        aria-label={r.excluded || r.ready ? headline : `Not ready: ${headline}`}
      >
        <Lozenge appearance={r.excluded ? 'default' : r.ready ? 'success' : 'removed'} isBold={!r.excluded} maxWidth="100%">
          {headline}
        </Lozenge>
      </span>
      {r.excluded ? (
        <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{r.issueType} is excluded from the Definition of Ready</span>
      ) : (
        <span data-testid="readiness-score-small" style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
          Score {Math.round(r.score)} of 100
        </span>
      )}
    </div>
  );
}
