import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CardValue, EstimationRound, IssueReadiness, ScaleCard } from '../../../src/contract';
import { call } from '../../shared/api';
import { toCallError, type ResolverCallError } from '../../shared/envelope';
import { cardAriaLabel, cardLabel, formatDate } from '../../shared/format';
import { Inline, Stack, Subtle } from '../../shared/layout';
import { ErrorState, LoadingState } from '../../shared/states';
import { useAccountId } from '../../shared/use-account-id';
import { useLoad } from '../../shared/use-resolver';
import { acceptedByName, medianCard, numericCards } from './estimation-helpers';
import { VoterList } from './voter-list';

type Action = 'vote' | 'reveal' | 'reset' | 'accept';

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

function DivergenceBox(props: { round: EstimationRound }) {
  const d = props.round.divergence;
  if (d === undefined) return null;
  return (
    <div data-testid="divergence" data-diverges={d.diverges ? 'true' : 'false'}>
      <SectionMessage appearance={d.diverges ? 'warning' : 'success'} title={d.diverges ? 'Estimates diverge' : 'Estimates agree'}>
        <Stack gap="space.075">
          <Inline gap="space.100">
            <Lozenge appearance={d.diverges ? 'removed' : 'success'}>{d.diverges ? 'Diverges' : 'Close'}</Lozenge>
            <Subtle small>
              {d.steps} {d.steps === 1 ? 'step' : 'steps'} apart on the scale
              {d.ratio === null ? '' : ` · ×${Number.isInteger(d.ratio) ? d.ratio : d.ratio.toFixed(1)}`}
            </Subtle>
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
  const suggestion = medianCard({ cards: props.round.cards, votes: props.round.votes });
  const [choice, setChoice] = useState<CardValue | null>(suggestion);
  useEffect(() => setChoice(suggestion), [suggestion, props.round.roundNumber]);
  const cards = numericCards(props.round.cards);
  return (
    <Stack gap="space.100">
      <span style={{ fontWeight: token('font.weight.medium'), color: token('color.text') }}>Accept an estimate</span>
      <Subtle small>{suggestion === null ? 'No numeric votes: pick the value the team agreed on.' : `Suggested: the median vote, ${cardLabel(suggestion)}.`}</Subtle>
      <CardDeck cards={cards} selected={choice} disabled={props.busy} onPick={setChoice} testIdPrefix="accept-card-" label="Estimate to accept" />
      <div>
        <Button appearance="primary" isDisabled={choice === null} isLoading={props.busy} onClick={() => choice !== null && props.onAccept(choice)} testId="accept-estimate">
          {choice === null ? 'Accept estimate' : `Accept ${cardLabel(choice)}`}
        </Button>
      </div>
    </Stack>
  );
}

/** Private estimation: vote without seeing others, reveal together, discuss divergence, accept. */
export function EstimationSection(props: { onAccepted: (readiness: IssueReadiness) => void }) {
  const round = useLoad<EstimationRound>({ load: () => call('getRound', {}), key: 'round' });
  const accountId = useAccountId();
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<ResolverCallError | null>(null);

  const run = (action: Action, task: () => Promise<void>) => {
    setBusy(action);
    setError(null);
    task()
      .catch((e: unknown) => setError(toCallError(e)))
      .finally(() => setBusy(null));
  };
  const vote = (value: CardValue) => run('vote', async () => round.setData(await call('castVote', { value })));
  const reveal = () => run('reveal', async () => round.setData(await call('revealVotes', {})));
  const reset = () => run('reset', async () => round.setData(await call('resetVotes', {})));
  const accept = (value: CardValue) =>
    run('accept', async () => {
      props.onAccepted(await call('acceptEstimate', { value }));
      round.setData(await call('getRound', {}));
    });

  const { state } = round;
  if (state.status === 'loading') return <LoadingState label="Loading the estimation round…" minHeight={80} />;
  if (state.status === 'error') return <ErrorState title="Could not load the estimation round" error={state.error} onRetry={round.reload} />;
  const r = state.data;
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
      </Stack>
      <VoterList round={r} myAccountId={accountId} />
      <Inline gap="space.100">
        {r.revealed ? null : (
          <Button appearance="primary" onClick={reveal} isDisabled={r.voterCount === 0 || busy !== null} isLoading={busy === 'reveal'} testId="reveal-votes">
            Reveal votes
          </Button>
        )}
        <Button onClick={reset} isDisabled={busy !== null || (r.voterCount === 0 && !r.revealed)} isLoading={busy === 'reset'} testId="reset-votes">
          {r.revealed ? 'New round' : 'Reset votes'}
        </Button>
      </Inline>
      {r.revealed ? <DivergenceBox round={r} /> : null}
      {r.revealed ? <AcceptPanel round={r} busy={busy === 'accept'} onAccept={accept} /> : null}
    </Stack>
  );
}
