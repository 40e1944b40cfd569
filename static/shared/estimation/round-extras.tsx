import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { MAX_REASON_LENGTH, type EstimationRound, type RevealedVote, type RoundRecord } from '../../../src/contract';
import { cardLabel, formatDate } from '../format';
import { Inline, Stack, Subtle } from '../layout';

const heading = { fontWeight: token('font.weight.medium'), color: token('color.text') } as const;

/** The optional reason that travels with the next card the voter picks (or is saved with their current one). */
export function ReasonField(props: { value: string; onChange: (value: string) => void; disabled: boolean; canSave: boolean; saved: string | null; onSave: () => void; busy: boolean }) {
  const left = MAX_REASON_LENGTH - props.value.length;
  const changed = props.value.trim() !== (props.saved ?? '');
  return (
    <Stack gap="space.050">
      <label htmlFor="vote-reason" style={{ ...heading, font: token('font.body.small') }}>
        Why this card? (optional, shown after the reveal)
      </label>
      <Textfield
        id="vote-reason"
        testId="vote-reason"
        value={props.value}
        maxLength={MAX_REASON_LENGTH}
        isDisabled={props.disabled}
        placeholder="e.g. the PDF export is new to us"
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
      <Inline spread>
        <Subtle small>{left} characters left · it goes with the card you pick</Subtle>
        {props.canSave && changed ? (
          <Button appearance="subtle" spacing="compact" onClick={props.onSave} isLoading={props.busy} testId="save-reason">
            Save reason with my vote
          </Button>
        ) : null}
      </Inline>
    </Stack>
  );
}

/** Who was expected and has not voted yet, names only. */
export function NotVotedList(props: { round: EstimationRound }) {
  if (props.round.revealed || props.round.notVoted.length === 0) return null;
  return (
    <div data-testid="not-voted">
      {/* The rule is plain text, not a hover tooltip: keyboard and screen-reader users read it too. */}
      <Stack gap="space.025">
        <Subtle small>Not voted yet: {props.round.notVoted.map((person) => person.displayName).join(', ')}</Subtle>
        <Subtle small>
          <span data-testid="not-voted-rule">Who is listed: {props.round.expectedVotersRule}</span>
        </Subtle>
      </Stack>
    </div>
  );
}

function voteLine(vote: RevealedVote, anonymous: boolean): string {
  return vote.voter === null ? (anonymous ? 'Someone' : 'A voter') : vote.voter.displayName;
}

/** Revealed votes with their reasons, highest and lowest first (the server orders them). */
export function RevealedVotes(props: { votes: RevealedVote[]; anonymous: boolean; testId: string }) {
  if (props.votes.length === 0) return null;
  return (
    <ul data-testid={props.testId} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
      {props.votes.map((vote, index) => (
        <li key={index} data-testid={`${props.testId}-item`} data-extreme={vote.extreme ?? 'none'} style={{ display: 'flex', gap: token('space.100'), alignItems: 'baseline', minWidth: 0 }}>
          <Lozenge appearance={vote.extreme === 'high' ? 'removed' : vote.extreme === 'low' ? 'inprogress' : 'default'} isBold>
            {cardLabel(vote.value)}
          </Lozenge>
          <span style={{ flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere', color: token('color.text') }}>
            <span style={{ fontWeight: token('font.weight.medium') }}>{voteLine(vote, props.anonymous)}</span>
            {vote.extreme === null ? null : <Subtle small> ({vote.extreme === 'high' ? 'highest' : 'lowest'})</Subtle>}
            {vote.reason === null ? <Subtle small> — no reason given</Subtle> : <span> — “{vote.reason}”</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Counts down from the stored end time, so every browser shows the same moment. */
function useSecondsLeft(endsAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === null) return undefined;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [endsAt]);
  if (endsAt === null) return null;
  return Math.max(0, Math.floor((Date.parse(endsAt) - now) / 1000));
}

const TIMER_CHOICES = [60, 120, 300];
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The round timer everyone sees; only the facilitator starts or stops it. */
export function RoundTimer(props: { round: EstimationRound; busy: boolean; onStart: (seconds: number) => void }) {
  const timer = props.round.timer;
  const left = useSecondsLeft(timer !== null && timer.seconds > 0 ? timer.endsAt : null);
  const running = left !== null && left > 0;
  const can = props.round.facilitation.canFacilitate;
  if (!can && timer === null) return null;
  return (
    <div data-testid="round-timer" data-running={running ? 'true' : 'false'}>
      <Inline gap="space.100">
        {left === null ? <Subtle small>No timer running.</Subtle> : null}
        {running ? (
          <span style={{ ...heading, fontVariantNumeric: 'tabular-nums' }} role="timer" aria-live="off" data-testid="timer-left">
            Timer: {clock(left)} left
          </span>
        ) : left === 0 ? (
          <Lozenge appearance="moved">Time is up</Lozenge>
        ) : null}
        {can
          ? TIMER_CHOICES.map((seconds) => (
              <Button key={seconds} spacing="compact" isDisabled={props.busy} onClick={() => props.onStart(seconds)} testId={`start-timer-${seconds}`}>
                {`${seconds / 60} min`}
              </Button>
            ))
          : null}
        {can && running ? (
          <Button spacing="compact" appearance="subtle" isDisabled={props.busy} onClick={() => props.onStart(0)} testId="stop-timer">
            Stop
          </Button>
        ) : null}
      </Inline>
    </div>
  );
}

/** Why this caller sees no reveal / new round / accept buttons. */
export function FacilitatorNote(props: { round: EstimationRound }) {
  const f = props.round.facilitation;
  if (f.canFacilitate) return null;
  return (
    <div data-testid="facilitator-note">
      <Subtle small>{f.reason ?? f.rule}</Subtle>
    </div>
  );
}

function HistoryRound(props: { record: RoundRecord; anonymous: boolean }) {
  const r = props.record;
  return (
    <li data-testid={`history-round-${r.roundNumber}`} style={{ borderTop: `1px solid ${token('color.border')}`, paddingTop: token('space.100') }}>
      <Stack gap="space.075">
        <Inline spread>
          <span style={heading}>Round {r.roundNumber}</span>
          {r.accepted === undefined ? (
            <Subtle small>{r.revealed ? 'not accepted' : `${r.voterCount} ${r.voterCount === 1 ? 'vote' : 'votes'}, never revealed`}</Subtle>
          ) : (
            <Lozenge appearance="success" testId={`history-accepted-${r.roundNumber}`}>
              {`Accepted ${cardLabel(r.accepted.value)}`}
            </Lozenge>
          )}
        </Inline>
        {r.divergence === undefined ? null : <Subtle small>{r.divergence.summary}</Subtle>}
        <RevealedVotes votes={r.votes} anonymous={props.anonymous} testId={`history-votes-${r.roundNumber}`} />
        {r.accepted === undefined ? null : (
          <Subtle small>
            {r.accepted.byName === '' ? 'Accepted' : `Accepted by ${r.accepted.byName}`} on {formatDate({ iso: r.accepted.at, withTime: true })}
          </Subtle>
        )}
      </Stack>
    </li>
  );
}

/** Earlier rounds of this issue, newest first: a re-vote never erases the discussion before it. */
export function RoundHistory(props: { round: EstimationRound }) {
  if (props.round.history.length === 0) return null;
  return (
    <details data-testid="round-history" open>
      <summary style={{ ...heading, cursor: 'pointer' }}>Earlier rounds ({props.round.history.length})</summary>
      <ul style={{ listStyle: 'none', margin: `${token('space.100')} 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        {props.round.history.map((record) => (
          <HistoryRound key={record.roundNumber} record={record} anonymous={props.round.anonymous} />
        ))}
      </ul>
    </details>
  );
}
