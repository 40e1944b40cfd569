import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { Agenda, RefinementSession, SessionItem, SessionView } from '../../../../src/contract';
import { FlagLozenges } from '../../../shared/flag-lozenges';
import { call } from '../../../shared/api';
import type { ResolverCallError } from '../../../shared/envelope';
import { Card, Inline, Stack, Subtle } from '../../../shared/layout';
import { ErrorState } from '../../../shared/states';
import { CurrentItem } from './current-item';
import { formatCountdown, itemRemainingSeconds, sessionRemainingSeconds, useNow } from './session-clock';
import type { RunAction } from './session-tab';
import { OUTCOME_NAMES, outcomeAppearance } from './session-words';
import type { LiveMode } from './use-session-live';

const LIVE_WORDS: Record<LiveMode, { label: string; appearance: 'success' | 'moved' | 'default' }> = {
  live: { label: 'Live', appearance: 'success' },
  polling: { label: 'Refreshing every 5 s', appearance: 'moved' },
  connecting: { label: 'Connecting…', appearance: 'default' },
};

/** A big figure with a label: the session's and the item's countdowns. */
export function Countdown(props: { label: string; seconds: number; testId: string; warnBelow?: number }) {
  const over = props.seconds < 0;
  const warn = !over && props.warnBelow !== undefined && props.seconds <= props.warnBelow;
  const color = over ? token('color.text.danger') : warn ? token('color.text.warning') : token('color.text');
  return (
    <div data-testid={props.testId} style={{ minWidth: 110 }}>
      <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{props.label}</div>
      <div role="timer" aria-label={`${props.label}: ${over ? 'over by' : ''} ${formatCountdown(Math.abs(props.seconds))}`} style={{ font: token('font.heading.large'), color, fontVariantNumeric: 'tabular-nums' }}>
        {formatCountdown(props.seconds)}
      </div>
    </div>
  );
}

function itemState(item: SessionItem, current: boolean): { label: string; appearance: 'inprogress' | 'moved' | 'default' | 'success' | 'removed' | 'new' } {
  if (current) return { label: 'Now', appearance: 'inprogress' };
  if (item.outcome !== null) return { label: OUTCOME_NAMES[item.outcome], appearance: outcomeAppearance(item.outcome) };
  if (item.parked) return { label: 'Parked', appearance: 'moved' };
  return { label: item.visited ? 'Open' : 'To do', appearance: 'default' };
}

/** The walk-through's item list; the facilitator can jump to any item with it. */
function ItemList(props: { session: RefinementSession; canDrive: boolean; busy: boolean; onGoto: (index: number) => void }) {
  return (
    <nav aria-label="Session items">
      <ol style={{ margin: 0, padding: 0 }} data-testid="session-items">
        {props.session.items.map((item, index) => {
          const current = index === props.session.currentIndex;
          const state = itemState(item, current);
          const body = (
            <span style={{ display: 'flex', flexDirection: 'column', gap: token('space.025'), textAlign: 'left', minWidth: 0 }}>
              <span style={{ display: 'flex', gap: token('space.075'), alignItems: 'center', flexWrap: 'wrap' }}>
                <strong style={{ color: token('color.text') }}>{item.issueKey}</strong>
                <Lozenge appearance={state.appearance}>{state.label}</Lozenge>
                {item.carriedOver ? <Lozenge appearance="new">Carried over</Lozenge> : null}
              </span>
              <span style={{ color: token('color.text.subtle'), font: token('font.body.small'), overflowWrap: 'anywhere' }}>{item.summary}</span>
            </span>
          );
          return (
            <li
              key={item.issueKey}
              data-testid={`session-item-${item.issueKey}`}
              aria-current={current ? 'step' : undefined}
              style={{
                listStyle: 'none',
                borderLeft: `${token('border.width.selected', '2px')} solid ${current ? token('color.border.selected') : 'transparent'}`,
                background: current ? token('color.background.selected') : 'transparent',
                borderRadius: token('radius.small', '3px'),
                marginBottom: token('space.050'),
              }}
            >
              {props.canDrive && !current ? (
                <button
                  type="button"
                  disabled={props.busy}
                  onClick={() => props.onGoto(index)}
                  aria-label={`Go to ${item.issueKey} ${item.summary}`}
                  style={{ all: 'unset', boxSizing: 'border-box', display: 'block', width: '100%', padding: token('space.100'), cursor: props.busy ? 'progress' : 'pointer', borderRadius: token('radius.small', '3px') }}
                  className="session-item-button"
                >
                  {body}
                </button>
              ) : (
                <div style={{ padding: token('space.100') }}>{body}</div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** "Take over facilitation" with an explicit confirmation: nobody takes a session over by accident. */
function TakeOver(props: { session: RefinementSession; busy: boolean; run: RunAction }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.querySelector('button')?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <Button onClick={() => setConfirming(true)} testId="take-over">
        Take over facilitation
      </Button>
    );
  }
  return (
    <div ref={confirmRef} style={{ flexBasis: '100%' }} data-testid="take-over-confirm">
      <SectionMessage appearance="warning" title={`Take over from ${props.session.facilitator.displayName}?`}>
        <p style={{ margin: `0 0 ${token('space.100')}` }}>You will drive the session: the items, the timeboxes and the outcomes. {props.session.facilitator.displayName} will follow like everyone else.</p>
        <Inline gap="space.100">
          <Button
            appearance="warning"
            isDisabled={props.busy}
            onClick={() => void props.run(() => call('takeOverSession', { version: props.session.version, confirm: true })).then(() => setConfirming(false))}
            testId="take-over-yes"
          >
            Yes, take over
          </Button>
          <Button appearance="subtle" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </Inline>
      </SectionMessage>
    </div>
  );
}

function EndSession(props: { session: RefinementSession; busy: boolean; run: RunAction }) {
  const [confirming, setConfirming] = useState(false);
  const undecided = props.session.items.filter((item) => item.outcome === null).length;
  if (!confirming) {
    return (
      <Button onClick={() => setConfirming(true)} testId="end-session">
        End session
      </Button>
    );
  }
  return (
    <div style={{ flexBasis: '100%' }} data-testid="end-session-confirm">
      <SectionMessage appearance="information" title="End the session and write the outcomes back?">
        <p style={{ margin: `0 0 ${token('space.100')}` }}>
          Each decided item gets one comment with its outcome, decisions and open questions, and “Team has discussed it” is ticked.
          {undecided > 0 ? ` ${undecided} undecided ${undecided === 1 ? 'item goes' : 'items go'} to the top of the next session.` : ''}
        </p>
        <Inline gap="space.100">
          <Button appearance="primary" isDisabled={props.busy} onClick={() => void props.run(() => call('endSession', { version: props.session.version }))} testId="end-session-yes">
            {props.busy ? 'Ending…' : 'End session'}
          </Button>
          <Button appearance="subtle" onClick={() => setConfirming(false)}>
            Keep going
          </Button>
        </Inline>
      </SectionMessage>
    </div>
  );
}

/** A running session: header with both countdowns, the item list, and the current item. */
export function SessionRun(props: { view: SessionView; agenda: Agenda | null; live: LiveMode; busy: boolean; error: ResolverCallError | null; onDismissError: () => void; run: RunAction }) {
  const { view } = props;
  const session = view.session;
  const now = useNow(1000);
  if (!session) return null;
  const drive = view.isFacilitator;
  const current = session.currentIndex === null ? null : (session.items[session.currentIndex] ?? null);
  const decided = session.items.filter((item) => item.outcome !== null).length;
  const goto = (index: number) => void props.run(() => call('sessionAction', { version: session.version, action: { type: 'goto', index } }));
  const liveWords = LIVE_WORDS[props.live];
  const agendaItem = current ? [...(props.agenda?.carryOver ?? []), ...(props.agenda?.items ?? [])].find((entry) => entry.issueKey === current.issueKey) : undefined;
  const gaps = (
    <section aria-labelledby="gaps-heading">
      <Stack gap="space.050">
        <Heading size="xsmall" as="h4" id="gaps-heading">
          Gaps
        </Heading>
        {agendaItem ? <FlagLozenges issueKey={agendaItem.issueKey} flags={agendaItem.flags} /> : <Subtle small>Not on today&apos;s agenda any more (see the issue for its readiness).</Subtle>}
      </Stack>
    </section>
  );

  return (
    <Stack gap="space.200" testId="session-run">
      <Card label="Session">
        <Stack gap="space.150">
          <Inline spread align="start">
            <Stack gap="space.050">
              <Heading size="medium" as="h2">
                Refinement session #{session.number}
              </Heading>
              <Inline gap="space.100">
                <Subtle testId="session-facilitator">{drive ? 'You facilitate' : `${session.facilitator.displayName} facilitates · your view follows`}</Subtle>
                <span data-testid="live-mode" data-mode={props.live}>
                  <Lozenge appearance={liveWords.appearance}>{liveWords.label}</Lozenge>
                </span>
              </Inline>
            </Stack>
            <Inline gap="space.300" align="start">
              {current ? <Countdown label={`${current.issueKey} timebox`} seconds={itemRemainingSeconds(current, now)} testId="item-countdown" warnBelow={60} /> : null}
              <Countdown label="Session" seconds={sessionRemainingSeconds(session, now)} testId="session-countdown" warnBelow={300} />
              <div style={{ minWidth: 90 }}>
                <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>Decided</div>
                <div style={{ font: token('font.heading.large'), color: token('color.text') }} data-testid="session-progress">
                  {decided}/{session.items.length}
                </div>
              </div>
            </Inline>
          </Inline>
          <Inline gap="space.100">
            {drive ? <EndSession session={session} busy={props.busy} run={props.run} /> : null}
            {!drive && view.canFacilitate ? <TakeOver session={session} busy={props.busy} run={props.run} /> : null}
          </Inline>
          {props.error ? (
            <div>
              <ErrorState title={props.error.code === 'CONFLICT' ? 'The session moved on' : 'That did not work'} error={props.error} testId="session-action-error" />
              <Button appearance="subtle" spacing="compact" onClick={props.onDismissError}>
                Dismiss
              </Button>
            </div>
          ) : null}
        </Stack>
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(200px, 280px) minmax(0, 1fr)', gap: token('space.200'), alignItems: 'start' }} className="session-grid">
        <ItemList session={session} canDrive={drive} busy={props.busy} onGoto={goto} />
        {current && session.currentIndex !== null ? (
          <CurrentItem view={view} session={session} item={current} index={session.currentIndex} now={now} busy={props.busy} run={props.run} gaps={gaps} />
        ) : (
          <Card label="No current item" testId="no-current-item">
            <Stack gap="space.100">
              <Heading size="small" as="h3">
                {decided === session.items.length ? 'Every item has an outcome' : 'The walk-through reached the end'}
              </Heading>
              <Subtle>{drive ? 'End the session to write the outcomes back, or pick an item on the left to go back to it.' : 'Waiting for the facilitator to end the session.'}</Subtle>
            </Stack>
          </Card>
        )}
      </div>
    </Stack>
  );
}
