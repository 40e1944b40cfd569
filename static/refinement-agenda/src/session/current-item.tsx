import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { EstimationRound, RefinementSession, SessionItem, SessionOutcome, SessionView } from '../../../../src/contract';
import { SESSION_OUTCOMES } from '../../../../src/contract';
import { call } from '../../../shared/api';
import { EstimationRoundView } from '../../../shared/estimation/estimation-section';
import { IssueLink } from '../../../shared/issue-link';
import { Card, Inline, Stack, Subtle } from '../../../shared/layout';
import { peopleOf, QuestionsBlock } from '../../../shared/questions';
import { ErrorState, LoadingState } from '../../../shared/states';
import { useAccountId } from '../../../shared/use-account-id';
import { useLoad } from '../../../shared/use-resolver';
import { itemRemainingSeconds } from './session-clock';
import { useRoundChanged } from './use-session-live';
import type { RunAction } from './session-tab';
import { OUTCOME_NAMES, outcomeAppearance } from './session-words';

const EXTEND_OPTIONS = [2, 5, 10].map((minutes) => ({ label: `${minutes} minutes`, value: minutes }));

/** At the end of the timebox: "park it or extend by N minutes" (the facilitator decides). */
function TimeUp(props: { session: RefinementSession; item: SessionItem; drive: boolean; busy: boolean; run: RunAction }) {
  const [minutes, setMinutes] = useState(5);
  const act = (action: { type: 'park' } | { type: 'extend'; minutes: number }) => void props.run(() => call('sessionAction', { version: props.session.version, action }));
  return (
    <div data-testid="time-up" role="alert">
      <SectionMessage appearance="warning" title={`Time is up for ${props.item.issueKey}`}>
        {props.drive ? (
          <Stack gap="space.100">
            <p style={{ margin: 0 }}>Park it or extend by N minutes.</p>
            <Inline gap="space.100">
              <Button onClick={() => act({ type: 'park' })} isDisabled={props.busy} testId="park-item">
                Park it
              </Button>
              <span style={{ color: token('color.text.subtle') }}>or</span>
              <div style={{ width: 140 }}>
                <Select
                  inputId="extend-minutes"
                  label="Minutes to extend by"
                  options={EXTEND_OPTIONS}
                  value={EXTEND_OPTIONS.find((option) => option.value === minutes) ?? null}
                  onChange={(option) => option !== null && setMinutes(option.value)}
                  spacing="compact"
                  menuPortalTarget={document.body}
                />
              </div>
              <Button appearance="primary" onClick={() => act({ type: 'extend', minutes })} isDisabled={props.busy} testId="extend-item">
                Extend by {minutes} min
              </Button>
            </Inline>
          </Stack>
        ) : (
          <p style={{ margin: 0 }}>The facilitator will park it or extend the timebox.</p>
        )}
      </SectionMessage>
    </div>
  );
}

/** The item's estimation round: everyone votes from their own screen; the facilitator reveals and accepts. */
function ItemRound(props: { issueKey: string }) {
  const round = useLoad<EstimationRound>({ load: () => call('getRound', { issueKey: props.issueKey }), key: props.issueKey });
  // Someone voted, revealed or accepted: re-read the round (one call) so the voter list follows without a click.
  useRoundChanged(round.reload);
  const { state } = round;
  if (state.status === 'loading') return <LoadingState label="Loading the estimation round…" minHeight={80} />;
  if (state.status === 'error') return <ErrorState title="Could not load the estimation round" error={state.error} onRetry={round.reload} />;
  return (
    <Stack gap="space.100">
      <EstimationRoundView round={state.data} onRound={round.setData} target={{ issueKey: props.issueKey }} onAccepted={() => round.reload()} onRoundChanged={() => undefined} />
      <div>
        <Button appearance="subtle" spacing="compact" onClick={round.reload} testId="round-refresh">
          Refresh votes
        </Button>
      </div>
    </Stack>
  );
}

/** Everyone's optional 1–5 before the facilitator marks the item ready. */
function ConfidenceCheck(props: { item: SessionItem; busy: boolean; run: RunAction }) {
  const accountId = useAccountId();
  const mine = props.item.confidence.find((entry) => entry.person.accountId === accountId)?.value ?? null;
  const values = props.item.confidence.map((entry) => entry.value);
  const average = values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
  return (
    <Stack gap="space.075" testId="confidence">
      <Inline gap="space.100">
        <span id="confidence-label" style={{ font: token('font.body'), color: token('color.text') }}>
          Confidence check (optional): how sure are you it is ready?
        </span>
        <Subtle small testId="confidence-summary">
          {average === null ? 'No answers yet' : `${values.length} ${values.length === 1 ? 'answer' : 'answers'}, average ${average.toFixed(1)}, lowest ${Math.min(...values)}`}
        </Subtle>
      </Inline>
      <div role="group" aria-labelledby="confidence-label" style={{ display: 'flex', gap: token('space.075') }}>
        {[1, 2, 3, 4, 5].map((value) => (
          <Button
            key={value}
            appearance={mine === value ? 'primary' : 'default'}
            isSelected={mine === value}
            aria-pressed={mine === value}
            isDisabled={props.busy}
            onClick={() => void props.run(() => call('giveConfidence', { value }))}
            testId={`confidence-${value}`}
          >
            {String(value)}
          </Button>
        ))}
      </div>
    </Stack>
  );
}

/** The facilitator records the outcome: short decisions, then one of the five outcomes. */
function OutcomeForm(props: { session: RefinementSession; item: SessionItem; busy: boolean; run: RunAction }) {
  const [decisions, setDecisions] = useState(props.item.decisions.join('\n'));
  useEffect(() => setDecisions(props.item.decisions.join('\n')), [props.item.issueKey, props.item.decisions]);
  const record = (outcome: SessionOutcome) =>
    void props.run(() =>
      call('sessionAction', {
        version: props.session.version,
        action: { type: 'record', outcome, decisions: decisions.split('\n').map((line) => line.trim()).filter((line) => line.length > 0).slice(0, 10) },
      }),
    );
  return (
    <Stack gap="space.100" testId="outcome-form">
      <label htmlFor="session-decisions" style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
        Decisions (one per line, short)
      </label>
      <textarea
        id="session-decisions"
        data-testid="session-decisions"
        value={decisions}
        onChange={(event) => setDecisions(event.currentTarget.value)}
        rows={3}
        maxLength={3000}
        placeholder={'e.g. Export only the visible columns\nPDF is out of scope'}
        style={{
          width: '100%',
          boxSizing: 'border-box',
          font: token('font.body'),
          color: token('color.text'),
          background: token('color.background.input'),
          border: `${token('border.width')} solid ${token('color.border.input')}`,
          borderRadius: token('radius.small', '3px'),
          padding: token('space.100'),
          resize: 'vertical',
        }}
      />
      <div role="group" aria-label="Outcome" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075') }}>
        {SESSION_OUTCOMES.map((outcome) => (
          <Button
            key={outcome}
            appearance={props.item.outcome === outcome ? 'primary' : 'default'}
            isSelected={props.item.outcome === outcome}
            aria-pressed={props.item.outcome === outcome}
            isDisabled={props.busy}
            onClick={() => record(outcome)}
            testId={`outcome-${outcome}`}
          >
            {OUTCOME_NAMES[outcome]}
          </Button>
        ))}
      </div>
    </Stack>
  );
}

/** What the current item shows: gaps, focus lines, questions, the round, and the facilitator's controls. */
export function CurrentItem(props: { view: SessionView; session: RefinementSession; item: SessionItem; index: number; now: number; busy: boolean; run: RunAction; gaps?: React.ReactNode }) {
  const { view, session, item, index } = props;
  const drive = view.isFacilitator;
  const timeUp = itemRemainingSeconds(item, props.now) <= 0;
  const questions = view.questions.filter((question) => question.issueKey === item.issueKey);
  const people = peopleOf({ questions: view.questions, extra: [session.facilitator, ...session.items.flatMap((entry) => entry.confidence.map((answer) => answer.person))] });
  const act = (action: { type: 'next' } | { type: 'goto'; index: number }) => void props.run(() => call('sessionAction', { version: session.version, action }));
  const [questionsVersion, setQuestionsVersion] = useState(0);

  if (item.hidden) {
    // Jira does not let this person see the issue: the server sent no key, summary or notes for it.
    return (
      <Card label={`Current item ${index + 1}`} testId="current-item">
        <Stack gap="space.075">
          <Subtle small>
            Item {index + 1} of {session.items.length}
          </Subtle>
          <Subtle>{item.summary}. Its details, questions and estimation round are not shown to you.</Subtle>
        </Stack>
      </Card>
    );
  }

  return (
    <Card label={`Current item ${item.issueKey}`} testId="current-item">
      <Stack gap="space.250">
        <Stack gap="space.075">
          <Inline gap="space.100">
            <Subtle small>
              Item {index + 1} of {session.items.length}
            </Subtle>
            {item.outcome ? (
              <span data-testid="current-outcome">
                <Lozenge appearance={outcomeAppearance(item.outcome)}>{OUTCOME_NAMES[item.outcome]}</Lozenge>
              </span>
            ) : null}
            {item.carriedOver ? <Lozenge appearance="new">Carried over</Lozenge> : null}
            {item.extendedMinutes > 0 ? <Lozenge appearance="moved">{`+${item.extendedMinutes} min`}</Lozenge> : null}
          </Inline>
          <Heading size="medium" as="h3" id="current-item-heading">
            <span data-testid="current-item-key">
              <IssueLink issueKey={item.issueKey} />
            </span>{' '}
            {item.summary}
          </Heading>
          <Subtle small>Timebox {item.timeboxMinutes + item.extendedMinutes} min</Subtle>
        </Stack>
        {timeUp && item.outcome === null ? <TimeUp session={session} item={item} drive={drive} busy={props.busy} run={props.run} /> : null}
        {props.gaps}
        <section aria-labelledby="focus-heading">
          <Heading size="xsmall" as="h4" id="focus-heading">
            Focus
          </Heading>
          {item.focus.length === 0 ? (
            <Subtle small>Nothing flagged: confirm the goal, the scope and the acceptance criteria.</Subtle>
          ) : (
            <ul data-testid="current-focus" style={{ margin: `${token('space.050')} 0 0`, paddingLeft: token('space.250'), color: token('color.text') }}>
              {item.focus.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="questions-heading">
          <Stack gap="space.075">
            <Heading size="xsmall" as="h4" id="questions-heading">
              Open questions
            </Heading>
            <QuestionsBlock
              key={`${item.issueKey}:${questionsVersion}`}
              questions={questions}
              issueKey={item.issueKey}
              people={people}
              requireOwner
              onChanged={() => {
                setQuestionsVersion((n) => n + 1);
                void props.run(() => call('getSession', {}));
              }}
              testId="current-questions"
            />
          </Stack>
        </section>
        <section aria-labelledby="round-heading">
          <Stack gap="space.075">
            <Heading size="xsmall" as="h4" id="round-heading">
              Estimation
            </Heading>
            <ItemRound issueKey={item.issueKey} />
          </Stack>
        </section>
        <section aria-labelledby="outcome-heading">
          <Stack gap="space.150">
            <Heading size="xsmall" as="h4" id="outcome-heading">
              Outcome
            </Heading>
            <ConfidenceCheck item={item} busy={props.busy} run={props.run} />
            {drive ? (
              <OutcomeForm session={session} item={item} busy={props.busy} run={props.run} />
            ) : item.outcome ? (
              <Stack gap="space.050">
                <Subtle>Recorded: {OUTCOME_NAMES[item.outcome]}</Subtle>
                {item.decisions.length > 0 ? (
                  <ul style={{ margin: 0, paddingLeft: token('space.250'), color: token('color.text') }}>
                    {item.decisions.map((decision) => (
                      <li key={decision}>{decision}</li>
                    ))}
                  </ul>
                ) : null}
              </Stack>
            ) : (
              <Subtle small>The facilitator records the outcome.</Subtle>
            )}
          </Stack>
        </section>
        {drive ? (
          <Inline spread>
            <Button onClick={() => act({ type: 'goto', index: index - 1 })} isDisabled={props.busy || index === 0} testId="previous-item">
              Previous
            </Button>
            <Button appearance="primary" onClick={() => act({ type: 'next' })} isDisabled={props.busy} testId="next-item">
              Next item
            </Button>
          </Inline>
        ) : null}
      </Stack>
    </Card>
  );
}
