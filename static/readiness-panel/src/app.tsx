import { useCallback } from 'react';
import Heading from '@atlaskit/heading';
import type { IssueReadiness } from '../../../src/contract';
import { call } from '../../shared/api';
import { Stack } from '../../shared/layout';
import { ErrorState, LoadingState } from '../../shared/states';
import { useLoad } from '../../shared/use-resolver';
import { Checklist } from './checklist';
import { EstimationSection } from '../../shared/estimation/estimation-section';
import { FlagList } from './flag-list';
import { QuestionsSection } from './questions-section';
import { ReadinessSummary } from './readiness-summary';
import { WarningList } from '../../shared/warning-list';
import { announceReadinessChanged } from '../../shared/readiness-events';

export function App() {
  const readiness = useLoad<IssueReadiness>({ load: () => call('getReadiness', {}), key: 'readiness' });
  const { state } = readiness;
  // A tick or an accepted estimate changes the judgement the badge shows too.
  const updated = (next: IssueReadiness) => {
    readiness.setData(next);
    announceReadinessChanged(next.issueKey);
  };
  // A vote, a reveal or a new round changes whether the team agrees: the checklist, the flags and
  // the badge follow at once, without a reload.
  const { reload } = readiness;
  const issueKey = state.status === 'ready' ? state.data.issueKey : null;
  const roundChanged = useCallback(() => {
    reload();
    if (issueKey !== null) announceReadinessChanged(issueKey);
  }, [reload, issueKey]);
  return (
    <main style={{ maxWidth: 720 }}>
      {state.status === 'loading' ? <LoadingState label="Checking the Definition of Ready…" /> : null}
      {state.status === 'error' ? <ErrorState title="Could not check this issue" error={state.error} onRetry={readiness.reload} /> : null}
      {state.status === 'ready' ? (
        <Stack gap="space.300">
          <ReadinessSummary readiness={state.data} refreshing={readiness.refreshing} onRefresh={readiness.reload} />
          <WarningList warnings={state.data.warnings} />
          {state.data.excluded ? null : <Checklist readiness={state.data} onUpdated={updated} />}
          <FlagList flags={state.data.flags} />
          <section aria-labelledby="estimation-heading">
            <Stack gap="space.150">
              <Heading size="small" as="h2" id="estimation-heading">
                Estimation
              </Heading>
              <EstimationSection onAccepted={updated} onRoundChanged={roundChanged} />
            </Stack>
          </section>
          <QuestionsSection issueKey={state.data.issueKey} onChanged={roundChanged} />
        </Stack>
      ) : null}
    </main>
  );
}
