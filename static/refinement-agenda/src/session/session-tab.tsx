import { useCallback, useEffect, useState } from 'react';
import type { Agenda, SessionView } from '../../../../src/contract';
import { call } from '../../../shared/api';
import { toCallError, type ResolverCallError } from '../../../shared/envelope';
import { ErrorState, LoadingState } from '../../../shared/states';
import { useLoad } from '../../../shared/use-resolver';
import { SessionRun } from './session-run';
import { SessionStart } from './session-start';
import { SessionSummary } from './session-summary';
import { useSessionLive } from './use-session-live';
import './session.css';

export type RunAction = (task: () => Promise<SessionView>) => Promise<boolean>;

/**
 * The Session tab: start a refinement session from the agenda, walk it one item at a time (the
 * facilitator drives, everyone else follows live), and read the summary afterwards. Everything is
 * stored per project, so closing the browser and coming back resumes where the session stands.
 */
export function SessionTab(props: { agenda: Agenda | null }) {
  /** A past session picked from the history; undefined: the latest. */
  const [shownNumber, setShownNumber] = useState<number | undefined>(undefined);
  /** The ended session whose summary was closed (the start screen shows instead). */
  const [dismissed, setDismissed] = useState<number | null>(null);
  /** The session this page saw running: when it ends, its summary shows (older ones are in the history). */
  const [followed, setFollowed] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ResolverCallError | null>(null);
  const loaded = useLoad<SessionView>({ load: () => call('getSession', shownNumber === undefined ? {} : { number: shownNumber }), key: String(shownNumber ?? 'latest') });
  const { state, reload, setData } = loaded;
  const view = state.status === 'ready' ? state.data : null;
  const running = shownNumber === undefined && view?.session?.status === 'running';
  const runningNumber = running ? (view.session?.number ?? null) : null;
  useEffect(() => {
    if (runningNumber !== null) setFollowed(runningNumber);
  }, [runningNumber]);

  const live = useSessionLive({
    live: view?.live ?? null,
    version: view?.session?.version ?? null,
    active: running,
    onChanged: useCallback(() => {
      if (shownNumber === undefined) reload();
    }, [reload, shownNumber]),
  });

  const run: RunAction = async (task) => {
    setBusy(true);
    setActionError(null);
    try {
      setData(await task());
      return true;
    } catch (error) {
      const failure = toCallError(error);
      setActionError(failure);
      // Someone else moved the session on: show where it stands now.
      if (failure.code === 'CONFLICT') reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (state.status === 'loading') return <LoadingState label="Loading the refinement session…" minHeight={240} />;
  if (state.status === 'error') return <ErrorState title="Could not load the refinement session" error={state.error} onRetry={reload} />;
  const data = state.data;
  const session = data.session;

  if (shownNumber !== undefined && session) {
    return <SessionSummary view={data} onClose={() => setShownNumber(undefined)} closeLabel="Back to sessions" />;
  }
  if (session?.status === 'running') {
    return <SessionRun view={data} agenda={props.agenda} live={live} busy={busy} error={actionError} onDismissError={() => setActionError(null)} run={run} />;
  }
  if (session?.status === 'ended' && followed === session.number && dismissed !== session.number) {
    return <SessionSummary view={data} onClose={() => setDismissed(session.number)} closeLabel="Done" />;
  }
  return (
    <SessionStart
      view={data}
      agenda={props.agenda}
      busy={busy}
      error={actionError}
      onStart={() => run(() => call('startSession', props.agenda ? { sessionMinutes: props.agenda.sessionMinutes } : {}))}
      onShow={(number) => {
        setActionError(null);
        setShownNumber(number);
      }}
      onQuestion={reload}
    />
  );
}
