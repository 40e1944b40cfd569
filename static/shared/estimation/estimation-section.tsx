import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { CRITERION_GAP_LABELS, CRITERION_LABELS, type CardValue, type EstimationRound, type IssueReadiness, type ScaleCard } from '../../../src/contract';
import { call } from '../api';
import { toCallError, type ResolverCallError } from '../envelope';
import { cardAriaLabel, cardLabel, formatDate } from '../format';
import { Inline, Stack, Subtle } from '../layout';
import { ErrorState } from '../states';
import { useAccountId } from '../use-account-id';
import { acceptedByName, numericCards } from './estimation-helpers';
import { FacilitatorNote, NotVotedList, ReasonField, RevealedVotes, RoundHistory, RoundTimer } from './round-extras';
import { VoterList } from './voter-list';

type Action = 'vote' | 'reveal' | 'reset' | 'accept' | 'timer';

const SCALE_NAMES: Record<EstimationRound['scale'], string> = { fibonacci: 'Fibonacci', 't-shirt': 'T-shirt sizes', 'powers-of-two': 'Powers of two' };

/** Cards as toggle buttons; the selected one is pressed. */
function CardDeck(props: { cards: ScaleCard[]; selected: CardValue | null; disabled: boolean; onPick: (value: CardValue) => void; testIdPrefix: string; label: string }) {
  return (
    <div role="group" aria-label={props.label} style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075') }}>
      {props.cards.map((card) => {
        const selected = card.value === props.selected;
        return (
          <div key={card.value} style={{ minWidth: 40 }}>
            <Button
              appearance={selected ? 'primary' : 'default'}
              isSelected={selected}
              aria-pressed={selected}
              aria-label={cardAriaLabel(card.value)}
              isDisabled={props.disabled}
              onClick={() => props.onPick(card.value)}
              testId={`${props.testIdPrefix}${card.value}`}
              shouldFitContainer
            >
              {cardLabel(card.value)}
            </Button>
          </div>
        );
      })}
    </div>
  );
}

/** "13 is 3 cards above 3 on the scale", or "everyone voted 5". */
function stepsApart(d: NonNullable<EstimationRound['divergence']>): string {
  if (d.steps === 0) return `Everyone voted ${cardLabel(d.lowValue)}`;
  return `${cardLabel(d.highValue)} is ${d.steps} ${d.steps === 1 ? 'card' : 'cards'} above ${cardLabel(d.lowValue)} on the scale`;
}

function DivergenceBox(props: { round: EstimationRound }) {
  const d = props.round.divergence;
  if (d === undefined) return null;
  return (
    <div data-testid="divergence" data-diverges={d.diverges ? 'true' : 'false'}>
      <SectionMessage appearance={d.diverges ? 'warning' : 'success'} title={d.diverges ? CRITERION_GAP_LABELS['estimate-agreement'] : CRITERION_LABELS['estimate-agreement']}>
        <Stack gap="space.075">
          <Inline gap="space.100">
            <Lozenge appearance={d.diverges ? 'removed' : 'success'}>{d.diverges ? 'Diverges' : 'Close'}</Lozenge>
            <Subtle small>{stepsApart(d)}</Subtle>
          </Inline>
          <p style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="divergence-summary">
            {d.summary}
          </p>
          {d.diverges && (d.high.length > 0 || d.low.length > 0) ? (
            <Subtle small>
              Ask {d.low.join(', ') || 'the low voters'} ({cardLabel(d.lowValue)}) and {d.high.join(', ') || 'the high voters'} ({cardLabel(d.highValue)}) what they each
              see, then vote again or accept.
            </Subtle>
          ) : null}
        </Stack>
      </SectionMessage>
    </div>
  );
}

function AcceptPanel(props: { round: EstimationRound; busy: boolean; onAccept: (value: CardValue) => void }) {
  // The server chose the suggestion on the scale and says how (median, or which middle vote and why).
  const suggestion = props.round.suggestion?.value ?? null;
  const [choice, setChoice] = useState<CardValue | null>(suggestion);
  useEffect(() => setChoice(suggestion), [suggestion, props.round.roundNumber]);
  const cards = numericCards(props.round.cards);
  return (
    <Stack gap="space.100">
      <span style={{ fontWeight: token('font.weight.medium'), color: token('color.text') }}>Accept an estimate</span>
      <Subtle small><span data-testid="suggestion-explanation">{props.round.suggestion === null ? 'No numeric votes: pick the value the team agreed on.' : `Suggested: ${cardLabel(props.round.suggestion.value)}. ${props.round.suggestion.explanation}`}</span></Subtle>
      <CardDeck cards={cards} selected={choice} disabled={props.busy} onPick={setChoice} testIdPrefix="accept-card-" label="Estimate to accept" />
      <div>
        <Button appearance="primary" isDisabled={choice === null} isLoading={props.busy} onClick={() => choice !== null && props.onAccept(choice)} testId="accept-estimate">
          {choice === null ? 'Accept estimate' : `Accept ${cardLabel(choice)}`}
        </Button>
      </div>
    </Stack>
  );
}

/** Which issue the calls are about: nothing in the issue panel (its context says), the item's key on the agenda page. */
export type RoundTarget = { issueKey?: string };

/**
 * The issue panel's estimation: its own issue's round, as the panel's one `getReadiness` call
 * brought it; an action's answer (a vote, a reveal…) replaces it through `onRound`.
 */
export function EstimationSection(props: { round: EstimationRound; onRound: (round: EstimationRound) => void; onAccepted: (readiness: IssueReadiness) => void; onRoundChanged: () => void }) {
  return <EstimationRoundView round={props.round} onRound={props.onRound} target={{}} onAccepted={props.onAccepted} onRoundChanged={props.onRoundChanged} />;
}

/**
 * Private estimation of one issue: vote without seeing others, reveal together, discuss divergence,
 * accept. Used by the issue panel and, one agenda item at a time, by the agenda's "estimate in a row".
 */
export function EstimationRoundView(props: {
  round: EstimationRound;
  onRound: (round: EstimationRound) => void;
  target: RoundTarget;
  onAccepted: (readiness: IssueReadiness) => void;
  onRoundChanged: () => void;
}) {
  const { target } = props;
  const accountId = useAccountId();
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<ResolverCallError | null>(null);
  const [reason, setReason] = useState('');
  const savedReason = props.round.myReason;
  const roundNumber = props.round.roundNumber;
  // A new round (or another agenda item) starts with an empty reason; a reload shows the one already saved.
  useEffect(() => setReason(savedReason ?? ''), [savedReason, roundNumber, target.issueKey]);
  useEffect(() => setError(null), [target.issueKey]);

  const run = (action: Action, task: () => Promise<void>) => {
    setBusy(action);
    setError(null);
    task()
      .catch((e: unknown) => setError(toCallError(e)))
      .finally(() => setBusy(null));
  };
  const changeRound = (action: Action, task: () => Promise<EstimationRound>) =>
    run(action, async () => {
      props.onRound(await task());
      props.onRoundChanged();
    });
  const vote = (value: CardValue) => changeRound('vote', () => call('castVote', { value, ...(reason.trim() === '' ? {} : { reason: reason.trim() }), ...target }));
  const startTimer = (seconds: number) => changeRound('timer', () => call('startTimer', { seconds, ...target }));
  const reveal = () => changeRound('reveal', () => call('revealVotes', { ...target }));
  const reset = () => changeRound('reset', () => call('resetVotes', { ...target }));
  const accept = (value: CardValue) =>
    run('accept', async () => {
      props.onAccepted(await call('acceptEstimate', { value, ...target }));
      props.onRound(await call('getRound', { ...target }));
    });

  const r = props.round;
  const acceptedBy = r.accepted === undefined ? null : acceptedByName({ accepted: r.accepted, myAccountId: accountId });

  return (
    <Stack gap="space.200" testId="estimation">
      {error === null ? null : <ErrorState testId="estimation-error" title="That did not work" error={error} />}
      {r.accepted === undefined ? null : (
        <div data-testid="accepted-estimate" data-value={r.accepted.value}>
          <SectionMessage appearance="success" title={`Accepted estimate: ${cardLabel(r.accepted.value)}`}>
            <Subtle small>
              {r.accepted.points} {r.accepted.points === 1 ? 'point' : 'points'} written to Jira{acceptedBy === null ? '' : ` by ${acceptedBy}`} on {formatDate({ iso: r.accepted.at, withTime: true })}
            </Subtle>
          </SectionMessage>
        </div>
      )}
      <Stack gap="space.100">
        <Inline spread>
          <span style={{ fontWeight: token('font.weight.medium'), color: token('color.text') }}>{r.revealed ? 'Votes are revealed' : 'Your vote'}</span>
          <Subtle small>
            {SCALE_NAMES[r.scale]} · round {r.roundNumber}
          </Subtle>
        </Inline>
        {r.revealed ? null : <Subtle small>Nobody sees the values until someone reveals them.</Subtle>}
        <CardDeck cards={r.cards} selected={r.myVote} disabled={r.revealed || busy !== null} onPick={vote} testIdPrefix="vote-card-" label="Estimation cards" />
        {r.revealed ? null : (
          <ReasonField value={reason} onChange={setReason} disabled={busy !== null} canSave={r.myVote !== null} saved={r.myReason} busy={busy === 'vote'} onSave={() => r.myVote !== null && vote(r.myVote)} />
        )}
      </Stack>
      <RoundTimer round={r} busy={busy !== null} onStart={startTimer} />
      {r.anonymous ? <Subtle small>Anonymous votes: revealed values are shown without names.</Subtle> : null}
      <VoterList round={r} myAccountId={accountId} />
      <NotVotedList round={r} />
      {r.revealed && r.revealedVotes.length > 0 ? (
        <Stack gap="space.075">
          <span style={{ fontWeight: token('font.weight.medium'), color: token('color.text') }}>Votes and reasons (highest and lowest first)</span>
          <RevealedVotes votes={r.revealedVotes} anonymous={r.anonymous} testId="revealed-votes" />
        </Stack>
      ) : null}
      <FacilitatorNote round={r} />
      {r.facilitation.canFacilitate ? (
      <Inline gap="space.100">
        {r.revealed ? null : (
          <Button appearance="primary" onClick={reveal} isDisabled={r.voterCount === 0 || busy !== null} isLoading={busy === 'reveal'} testId="reveal-votes">
            Reveal votes
          </Button>
        )}
        <Button onClick={reset} isDisabled={busy !== null || (r.voterCount === 0 && !r.revealed)} isLoading={busy === 'reset'} testId="reset-votes">
          {/* One name whether or not the votes were revealed: either way it starts the next round and keeps this one in the history. */}
          New round
        </Button>
      </Inline>
      ) : null}
      {/* Once an estimate is accepted the disagreement is settled: no warning, nothing left to accept. */}
      {r.revealed && r.accepted === undefined ? <DivergenceBox round={r} /> : null}
      {r.revealed && r.accepted === undefined && r.facilitation.canFacilitate ? <AcceptPanel round={r} busy={busy === 'accept'} onAccept={accept} /> : null}
      <RoundHistory round={r} />
    </Stack>
  );
}
