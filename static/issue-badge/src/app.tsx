import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { StoredReadiness } from '../../../src/contract';
import { call } from '../../shared/api';
import { storedHeadline } from '../../shared/format';
import { askForReadiness, useReadinessChanged, type BadgeSummary } from '../../shared/readiness-events';
import { useLoad } from '../../shared/use-resolver';

/** The badge from the stored judgement, until an open panel announces its own. */
function fromStored(stored: StoredReadiness): BadgeSummary | null {
  const { property } = stored;
  if (property === null) return null;
  return { headline: storedHeadline(property), score: property.score, state: property.state, issueType: '' };
}

/**
 * Compact readiness for the issue context panel: what matters most, in plain words — "Ready",
 * "Blocked by DEMO-31", "No acceptance criteria" — coloured by the state, with the score beside it.
 * No judgement of its own: an open issue panel announces its judgement on the bridge (and again
 * when asked); otherwise one cheap call reads the stored property (one Jira GET, no evaluation).
 */
export function App() {
  const stored = useLoad<StoredReadiness>({ load: () => call('getStoredReadiness', {}), key: 'badge' });
  const { state } = stored;
  const [announced, setAnnounced] = useState<BadgeSummary | null>(null);
  const issueKey = state.status === 'ready' ? state.data.issueKey : null;
  const { reload } = stored;
  // A change without words (an older panel) means: read the stored judgement again.
  const changed = useCallback((summary: BadgeSummary | null) => (summary === null ? reload() : setAnnounced(summary)), [reload]);
  useReadinessChanged({ issueKey, onChanged: changed });
  // A panel that judged before this badge listened announces again when asked.
  useEffect(() => {
    if (issueKey !== null) askForReadiness(issueKey);
  }, [issueKey]);
  const row = { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: token('space.100'), minHeight: 32 } as const;

  if (state.status === 'loading' && announced === null) {
    return (
      <div data-testid="loading" role="status" style={row}>
        <Spinner size="small" label="Checking readiness" />
        <span style={{ color: token('color.text.subtle') }}>Checking readiness…</span>
      </div>
    );
  }
  if (state.status === 'error' && announced === null) {
    return (
      <div data-testid="error-state" data-code={state.error.code} style={row}>
        <Lozenge appearance="moved">Unavailable</Lozenge>
        <span style={{ color: token('color.text.subtle'), overflowWrap: 'anywhere' }}>{state.error.message}</span>
        <Button spacing="compact" onClick={stored.reload} testId="retry">
          Retry
        </Button>
      </div>
    );
  }
  const r = announced ?? (state.status === 'ready' ? fromStored(state.data) : null);
  if (r === null) {
    // Never judged yet: opening the issue panel scores it (and then announces it here).
    return (
      <div style={row}>
        <span data-testid="readiness-badge" data-state="unscored" aria-label="Not scored yet: open the Readiness panel to score it">
          <Lozenge appearance="default">Open to score</Lozenge>
        </span>
      </div>
    );
  }
  const score = r.score === null ? null : Math.round(r.score);
  return (
    <div style={row}>
      <span data-testid="readiness-badge" data-state={r.state} data-score={score ?? undefined} aria-label={r.state === 'not-ready' ? `Not ready: ${r.headline}` : r.headline}>
        <Lozenge appearance={r.state === 'excluded' ? 'default' : r.state === 'ready' ? 'success' : 'removed'} isBold={r.state !== 'excluded'} maxWidth="100%">
          {r.headline}
        </Lozenge>
      </span>
      {score === null ? (
        <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{r.issueType} is excluded from the Definition of Ready</span>
      ) : (
        <span data-testid="readiness-score-small" style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
          Score {score} of 100
        </span>
      )}
    </div>
  );
}
