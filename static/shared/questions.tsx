import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { PersonRef, SessionQuestion } from '../../src/contract';
import { call } from './api';
import { toCallError, type ResolverCallError } from './envelope';
import { formatDate } from './format';
import { Inline, Stack, Subtle } from './layout';
import { ErrorState } from './states';

/** Who may own a question: the people the screen already knows (the app has no user search). */
export function peopleOf(parts: { questions: SessionQuestion[]; extra?: PersonRef[] }): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  const add = (person: PersonRef | null | undefined) => {
    if (person && !byId.has(person.accountId)) byId.set(person.accountId, person);
  };
  for (const person of parts.extra ?? []) add(person);
  for (const question of parts.questions) {
    add(question.author);
    add(question.owner);
    add(question.answer?.by);
  }
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** One question: text, who asked, the owner and due date, and its answer or an answer form. */
function QuestionRow(props: { question: SessionQuestion; onAnswered: (question: SessionQuestion) => void }) {
  const { question } = props;
  const [answer, setAnswer] = useState('');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverCallError | null>(null);
  const save = () => {
    setBusy(true);
    setError(null);
    call('answerQuestion', { questionId: question.id, text: answer })
      .then((answered) => {
        props.onAnswered(answered);
        setOpen(false);
        setAnswer('');
      })
      .catch((e: unknown) => setError(toCallError(e)))
      .finally(() => setBusy(false));
  };
  return (
    <li data-testid={`question-${question.id}`} style={{ listStyle: 'none', padding: `${token('space.100')} 0`, borderTop: `${token('border.width')} solid ${token('color.border')}` }}>
      <Stack gap="space.050">
        <Inline gap="space.100" align="baseline">
          <Lozenge appearance={question.answer ? 'success' : 'moved'}>{question.answer ? 'Answered' : 'Open'}</Lozenge>
          <span style={{ color: token('color.text'), overflowWrap: 'anywhere' }}>{question.text}</span>
        </Inline>
        <Subtle small>
          Asked by {question.author.displayName} · {question.owner ? `owner ${question.owner.displayName}` : 'no owner yet'}
          {question.due ? ` · due ${formatDate({ iso: question.due })}` : ''}
        </Subtle>
        {question.answer ? (
          <Subtle small>
            Answer from {question.answer.by.displayName}: <span style={{ color: token('color.text') }}>{question.answer.text}</span>
          </Subtle>
        ) : open ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (answer.trim().length > 0) save();
            }}
          >
            <Inline gap="space.100">
              <div style={{ flex: '1 1 240px' }}>
                <Textfield
                  aria-label={`Answer to: ${question.text}`}
                  value={answer}
                  onChange={(event) => setAnswer(event.currentTarget.value)}
                  maxLength={1000}
                  // The field opens because the user just pressed Answer: focus follows their action, not a page load.
                  // eslint-disable-next-line jsx-a11y/no-autofocus
                  autoFocus
                  testId={`answer-field-${question.id}`}
                />
              </div>
              <Button type="submit" appearance="primary" isDisabled={busy || answer.trim().length === 0} testId={`answer-save-${question.id}`}>
                Save answer
              </Button>
              <Button appearance="subtle" onClick={() => setOpen(false)}>
                Cancel
              </Button>
            </Inline>
          </form>
        ) : (
          <div>
            <Button appearance="subtle" spacing="compact" onClick={() => setOpen(true)} testId={`answer-${question.id}`}>
              Answer
            </Button>
          </div>
        )}
        {error ? <ErrorState title="Could not save the answer" error={error} /> : null}
      </Stack>
    </li>
  );
}

type OwnerOption = { label: string; value: string };

/**
 * Questions about one issue and a form to ask a new one (with an owner and a due date). The issue
 * comes from the panel's context, or `issueKey` on the agenda page (verified by the resolver).
 */
export function QuestionsBlock(props: {
  questions: SessionQuestion[];
  issueKey?: string;
  people: PersonRef[];
  onChanged: (question: SessionQuestion) => void;
  /** Answered questions are listed too (the panel hides them to stay short). */
  showAnswered?: boolean;
  requireOwner?: boolean;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<OwnerOption | null>(null);
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverCallError | null>(null);
  const shown = props.showAnswered ? props.questions : props.questions.filter((question) => question.answer === null);
  const options: OwnerOption[] = props.people.map((person) => ({ label: person.displayName, value: person.accountId }));
  const idSuffix = props.issueKey ?? 'issue';
  const ready = text.trim().length >= 3 && (!props.requireOwner || owner !== null);

  const ask = () => {
    const person = owner ? props.people.find((candidate) => candidate.accountId === owner.value) : undefined;
    setBusy(true);
    setError(null);
    call('addQuestion', {
      text: text.trim(),
      ...(person ? { owner: person } : {}),
      ...(due ? { due } : {}),
      ...(props.issueKey ? { issueKey: props.issueKey } : {}),
    })
      .then((question) => {
        props.onChanged(question);
        setText('');
        setDue('');
        setOwner(null);
      })
      .catch((e: unknown) => setError(toCallError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <Stack gap="space.100" testId={props.testId}>
      {shown.length === 0 ? (
        <Subtle small testId="no-questions">
          No open questions.
        </Subtle>
      ) : (
        <ul style={{ margin: 0, padding: 0 }} aria-label="Questions">
          {shown.map((question) => (
            <QuestionRow key={question.id} question={question} onAnswered={props.onChanged} />
          ))}
        </ul>
      )}
      <form
        aria-label="Ask a question"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) ask();
        }}
      >
        <Inline gap="space.100" align="end">
          <div style={{ flex: '2 1 220px' }}>
            <label htmlFor={`question-text-${idSuffix}`} style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
              New question
            </label>
            <Textfield id={`question-text-${idSuffix}`} value={text} onChange={(event) => setText(event.currentTarget.value)} maxLength={500} placeholder="What do we need to find out?" testId={`question-text-${idSuffix}`} />
          </div>
          <div style={{ flex: '1 1 160px', minWidth: 160 }}>
            <label htmlFor={`question-owner-${idSuffix}`} style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
              Owner{props.requireOwner ? '' : ' (optional)'}
            </label>
            <Select<OwnerOption>
              inputId={`question-owner-${idSuffix}`}
              testId={`question-owner-${idSuffix}`}
              options={options}
              value={owner}
              onChange={(option) => setOwner(option)}
              isClearable
              placeholder={options.length === 0 ? 'Nobody known yet' : 'Choose…'}
              noOptionsMessage={() => 'People appear here once they ask, answer or facilitate'}
              menuPortalTarget={typeof document === 'undefined' ? undefined : document.body}
            />
          </div>
          <div style={{ flex: '0 1 150px' }}>
            <label htmlFor={`question-due-${idSuffix}`} style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
              Due (optional)
            </label>
            <Textfield id={`question-due-${idSuffix}`} type="date" value={due} onChange={(event) => setDue(event.currentTarget.value)} testId={`question-due-${idSuffix}`} />
          </div>
          <Button type="submit" isDisabled={busy || !ready} testId={`question-add-${idSuffix}`}>
            {busy ? 'Adding…' : 'Add question'}
          </Button>
        </Inline>
      </form>
      {error ? <ErrorState title="Could not add the question" error={error} /> : null}
    </Stack>
  );
}
