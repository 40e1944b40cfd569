import { useCallback, useEffect, useRef, useState } from 'react';
import Heading from '@atlaskit/heading';
import type { EstimationRound, IssueReadiness, PanelReadiness } from '../../../src/contract';
import { call } from '../../shared/api';
import { badgeHeadline } from '../../shared/format';
import { Stack } from '../../shared/layout';
import { ErrorState, LoadingState } from '../../shared/states';
import { useLoad } from '../../shared/use-resolver';
import { Checklist } from './checklist';
import { EstimationSection } from '../../shared/estimation/estimation-section';
import { FlagList } from './flag-list';
import { QuestionsSection } from './questions-section';
import { ReadinessSummary } from './readiness-summary';
import { WarningList } from '../../shared/warning-list';
import { announceReadinessChanged, useReadinessWanted, type BadgeSummary } from '../../shared/readiness-events';

/** The badge's words for a judgement, so the badge needs no judgement of its own. */
function summaryFor(readiness: IssueReadiness): BadgeSummary {
  return {
    headline: badgeHeadline(readiness),
    score: readiness.excluded ? null : readiness.score,
    state: readiness.excluded ? 'excluded' : readiness.ready ? 'ready' : 'not-ready',
    issueType: readiness.issueType,
  };
}

/**
 * One `getReadiness` call fills the panel: the judgement, the estimation round and the questions.
 * A tick or an accepted estimate answers with a new judgement, a vote or a reveal with a new round;
 * those replace their part until the next full load.
 */
export function App() {
  const view = useLoad<PanelReadiness>({ load: () => call('getReadiness', {}), key: 'readiness' });
  const { state, reload } = view;
  const loaded = state.status === 'ready' ? state.data : null;
  const [judgement, setJudgement] = useState<IssueReadiness | null>(null);
  const [round, setRound] = useState<EstimationRound | null>(null);
  // A full load is newer than any part an action returned before it.
  useEffect(() => {
    setJudgement(null);
    setRound(null);
  }, [loaded]);
  const readiness: IssueReadiness | null = judgement ?? loaded;
  const issueKey = readiness?.issueKey ?? null;
  const summary = readiness === null ? null : summaryFor(readiness);
  const summaryText = summary === null ? null : JSON.stringify(summary);
  // The badge shows what the panel judged: said on every new judgement, and again when the badge asks.
  const latest = useRef<BadgeSummary | null>(null);
  latest.current = summary;
  useEffect(() => {
    if (issueKey !== null && latest.current !== null) announceReadinessChanged(issueKey, latest.current);
  }, [issueKey, summaryText]);
  const announceAgain = useCallback(() => {
    if (issueKey !== null && latest.current !== null) announceReadinessChanged(issueKey, latest.current);
  }, [issueKey]);
  useReadinessWanted({ issueKey, onWanted: announceAgain });
  // A vote, a reveal or a new round changes whether the team agrees: the checklist, the flags and
  // the badge follow at once, without a reload of the page.
  const roundChanged = useCallback(() => reload(), [reload]);
  return (
    <main style={{ maxWidth: 720 }}>
      {state.status === 'loading' ? <LoadingState label="Checking the Definition of Ready…" /> : null}
      {state.status === 'error' ? <ErrorState title="Could not check this issue" error={state.error} onRetry={reload} /> : null}
      {loaded !== null && readiness !== null ? (
        <Stack gap="space.300">
          <ReadinessSummary readiness={readiness} refreshing={view.refreshing} onRefresh={reload} />
          <WarningList warnings={readiness.warnings} />
          {readiness.excluded ? null : <Checklist readiness={readiness} onUpdated={setJudgement} />}
          <FlagList flags={readiness.flags} />
          <section aria-labelledby="estimation-heading">
            <Stack gap="space.150">
              <Heading size="small" as="h2" id="estimation-heading">
                Estimation
              </Heading>
              <EstimationSection round={round ?? loaded.round} onRound={setRound} onAccepted={setJudgement} onRoundChanged={roundChanged} />
            </Stack>
          </section>
          <QuestionsSection questions={loaded.questions} onChanged={roundChanged} />
        </Stack>
      ) : null}
    </main>
  );
}
